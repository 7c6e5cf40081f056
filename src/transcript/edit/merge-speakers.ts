import type { Transcript } from '../model.ts';
import { patchEntry } from './patch-entry.ts';

/**
 * Folds speaker `fromId` into `intoId`: every turn of `fromId` becomes a turn
 * of `intoId` and `fromId` leaves the speaker list (for a diarizer that split
 * one person in two). Only those turns get new objects. Returns `transcript`
 * itself when either id is unknown or they are the same.
 */
export function mergeSpeakers(transcript: Transcript, fromId: string, intoId: string): Transcript {
  const known = (id: string) => transcript.speakers.some((speaker) => speaker.id === id);
  if (fromId === intoId || !known(fromId) || !known(intoId)) return transcript;
  return {
    ...transcript,
    speakers: transcript.speakers.filter((speaker) => speaker.id !== fromId),
    entries: transcript.entries.map((entry) => (entry.kind === 'speech' && entry.speakerId === fromId ? patchEntry(entry, { speakerId: intoId }) : entry)),
  };
}
