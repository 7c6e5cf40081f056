import { describe, expect, it } from 'vitest';
import type { Entry } from '../transcript/model.ts';
import { nextEntryKeys } from './entry-keys.ts';

const turn = (text: string): Entry => ({ kind: 'speech', speakerId: null, words: [{ text }] });

describe('nextEntryKeys', () => {
  const a = turn('a');
  const b = turn('b');
  const c = turn('c');
  const first = nextEntryKeys(null, [a, b, c]);

  it('numbers a first transcript in order', () => {
    expect(first.keys).toEqual([0, 1, 2]);
  });

  it('keeps the keys of untouched entries after a split, and gives the edited place its old key', () => {
    const half1 = turn('a1');
    const half2 = turn('a2');
    const split = nextEntryKeys(first, [half1, half2, b, c]);
    expect(split.keys).toEqual([0, 3, 1, 2]);
    // Undo: the original entry is back, in the place the first half had.
    expect(nextEntryKeys(split, [a, b, c]).keys).toEqual([0, 1, 2]);
  });

  it('lets an entry edited in place keep its key, and never gives one key twice', () => {
    const edited = turn('b!');
    expect(nextEntryKeys(first, [a, edited, c]).keys).toEqual([0, 1, 2]);
    // b moved down and a new entry took its old place: b keeps its key, the new one gets a new key.
    const inserted = turn('new');
    const keys = nextEntryKeys(first, [a, inserted, b, c]).keys;
    expect(keys).toEqual([0, 3, 1, 2]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('numbers a new session in order after every key given so far, matching nothing', () => {
    const fresh = nextEntryKeys(first, [c, turn('d')], true);
    expect(fresh.keys).toEqual([3, 4]);
    // The next edit follows the new generation's entries.
    expect(nextEntryKeys(fresh, [turn('x'), c, fresh.entries[1]!]).keys).toEqual([5, 3, 4]);
  });
});
