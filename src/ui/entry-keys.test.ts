import { describe, expect, it } from 'vitest';
import type { Entry } from '../transcript/model.ts';
import { nextEntryKeys, type EntryKeys } from './entry-keys.ts';

const turn = (text: string): Entry => ({ kind: 'speech', speakerId: null, words: [{ text }] });

/** Every key of a generation, in entry order. */
const keysOf = (keys: EntryKeys) => keys.entries.map((_, index) => keys.keyAt(index));

describe('nextEntryKeys', () => {
  const a = turn('a');
  const b = turn('b');
  const c = turn('c');
  const first = nextEntryKeys(null, [a, b, c]);

  it('numbers a first transcript in order', () => {
    expect(keysOf(first)).toEqual([0, 1, 2]);
  });

  it('keeps the keys of untouched entries after a split, and gives the edited place its old key', () => {
    const half1 = turn('a1');
    const half2 = turn('a2');
    const split = nextEntryKeys(first, [half1, half2, b, c]);
    expect(keysOf(split)).toEqual([0, 3, 1, 2]);
    // Undo: the original entry is back, in the place the first half had.
    expect(keysOf(nextEntryKeys(split, [a, b, c]))).toEqual([0, 1, 2]);
  });

  it('lets an entry edited in place keep its key, and never gives one key twice', () => {
    const edited = turn('b!');
    expect(keysOf(nextEntryKeys(first, [a, edited, c]))).toEqual([0, 1, 2]);
    // b moved down and a new entry took its old place: b keeps its key, the new one gets a new key.
    const inserted = turn('new');
    const keys = keysOf(nextEntryKeys(first, [a, inserted, b, c]));
    expect(keys).toEqual([0, 3, 1, 2]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('numbers a new session in order after every key given so far, matching nothing', () => {
    const fresh = nextEntryKeys(first, [c, turn('d')], true);
    expect(keysOf(fresh)).toEqual([3, 4]);
    // The next edit follows the new generation's entries.
    expect(keysOf(nextEntryKeys(fresh, [turn('x'), c, fresh.entries[1]!]))).toEqual([5, 3, 4]);
  });
});

describe('nextEntryKeys on a new session', () => {
  it('numbers the entries without reading them: opening 200,000 rows is no pass over them', () => {
    const entries = new Proxy(Array.from({ length: 200_000 }, () => turn('x')), {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/u.test(property)) throw new Error(`entry ${property} was read`);
        if (property === 'map' || property === 'forEach') throw new Error(`entries.${property} was called`);
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const keys = nextEntryKeys(null, entries);
    expect([keys.keyAt(0), keys.keyAt(199_999), keys.keyAt(200_000), keys.next]).toEqual([0, 199_999, undefined, 200_000]);
  });
});
