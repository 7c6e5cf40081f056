import type { Entry } from '../transcript/model.ts';

/** React keys of a transcript's entries, and what the next generation needs to keep them. */
export interface EntryKeys {
  entries: readonly Entry[];
  /** Key of the entry at `index` (undefined past the end). */
  keyAt(index: number): number | undefined;
  /** Key of an entry of this generation; the map behind it is built on the first call (the next edit), not on load. */
  keyOf(entry: Entry): number | undefined;
  next: number;
}

function generation(entries: readonly Entry[], keyAt: (index: number) => number | undefined, next: number): EntryKeys {
  let byEntry: Map<Entry, number> | null = null;
  return {
    entries,
    keyAt,
    next,
    keyOf(entry) {
      if (!byEntry) {
        byEntry = new Map();
        for (let i = 0; i < entries.length; i++) byEntry.set(entries[i]!, keyAt(i)!);
      }
      return byEntry.get(entry);
    },
  };
}

/**
 * Keys for `entries` that follow each entry object from the previous generation: an
 * untouched entry keeps its key wherever it moved (after a split above it), and an
 * entry replaced in place (its text edited, a time set) takes the key of the one it
 * replaced, so its row, and the focus inside it, stays. Anything else gets a new key.
 * `fresh` (a new session: nothing to follow) numbers the entries in order, after every
 * key given so far, without matching them against the previous generation and without
 * a pass over them: opening 200,000 rows costs nothing here.
 */
export function nextEntryKeys(previous: EntryKeys | null, entries: readonly Entry[], fresh = false): EntryKeys {
  if (previous?.entries === entries) return previous;
  let next = previous?.next ?? 0;
  if (!previous || fresh) {
    const first = next;
    const count = entries.length;
    return generation(entries, (index) => (index >= 0 && index < count ? first + index : undefined), first + count);
  }
  let current: Set<Entry> | null = null;
  const keys = entries.map((entry, index) => {
    let key = previous.keyOf(entry);
    if (key === undefined) {
      const replaced = previous.entries[index];
      current ??= new Set(entries);
      key = replaced !== undefined && !current.has(replaced) ? previous.keyOf(replaced) : undefined;
      key ??= next++;
    }
    return key;
  });
  return generation(entries, (index) => keys[index], next);
}
