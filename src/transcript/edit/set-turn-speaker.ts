import type { Transcript } from '../model.ts';
import { patchEntry } from './patch-entry.ts';
import { spliceEntries } from './splice-entries.ts';

/**
 * Attributes a speech turn to another speaker (or to nobody with `null`).
 * Returns `transcript` itself for an event, a bad index, an unknown speaker
 * id or no change.
 */
export function setTurnSpeaker(transcript: Transcript, entryIndex: number, speakerId: string | null): Transcript {
  const turn = transcript.entries[entryIndex];
  if (turn?.kind !== 'speech' || turn.speakerId === speakerId) return transcript;
  if (speakerId !== null && !transcript.speakers.some((speaker) => speaker.id === speakerId)) return transcript;
  return spliceEntries(transcript, entryIndex, 1, patchEntry(turn, { speakerId }));
}
