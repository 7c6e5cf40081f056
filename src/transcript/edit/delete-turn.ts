import type { Transcript } from '../model.ts';
import { spliceEntries } from './splice-entries.ts';

/**
 * Removes an entry (speech turn or event). Its speaker stays in the speaker
 * list so it can be reused. Returns `transcript` itself for a bad index.
 */
export function deleteTurn(transcript: Transcript, entryIndex: number): Transcript {
  if (transcript.entries[entryIndex] === undefined || !Number.isInteger(entryIndex) || entryIndex < 0) return transcript;
  return spliceEntries(transcript, entryIndex, 1);
}
