import type { Entry } from '../transcript/model.ts';

/** React keys of a transcript's entries, and what the next generation needs to keep them. */
export interface EntryKeys {
  entries: readonly Entry[];
  keys: readonly number[];
  byEntry: ReadonlyMap<Entry, number>;
  next: number;
}

/**
 * Keys for `entries` that follow each entry object from the previous generation: an
 * untouched entry keeps its key wherever it moved (after a split above it), and an
 * entry replaced in place (its text edited, a time set) takes the key of the one it
 * replaced, so its row, and the focus inside it, stays. Anything else gets a new key.
 */
export function nextEntryKeys(previous: EntryKeys | null, entries: readonly Entry[]): EntryKeys {
  if (previous?.entries === entries) return previous;
  let next = previous?.next ?? 0;
  let current: Set<Entry> | null = null;
  const byEntry = new Map<Entry, number>();
  const keys = entries.map((entry, index) => {
    let key = previous?.byEntry.get(entry);
    if (key === undefined) {
      const replaced = previous?.entries[index];
      current ??= new Set(entries);
      key = replaced !== undefined && !current.has(replaced) ? previous!.byEntry.get(replaced) : undefined;
      key ??= next++;
    }
    byEntry.set(entry, key);
    return key;
  });
  return { entries, keys, byEntry, next };
}
