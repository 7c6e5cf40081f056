import type { Entry, Transcript } from '../model.ts';

/**
 * A new transcript whose entries are `transcript.entries` with `deleteCount`
 * entries at `index` replaced by `inserted`. Only the entries array is copied
 * (O(n) pointers); every other entry keeps its identity so memoised rows do
 * not re-render.
 */
export function spliceEntries(transcript: Transcript, index: number, deleteCount: number, ...inserted: Entry[]): Transcript {
  const entries = transcript.entries.slice();
  entries.splice(index, deleteCount, ...inserted);
  return { ...transcript, entries };
}
