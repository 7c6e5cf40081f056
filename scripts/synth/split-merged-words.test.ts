import { describe, expect, it } from 'vitest';
import type { PhoneSegment } from './phone-segment.ts';
import { adjustBoundaries, bestSplit, splitMergedWords } from './split-merged-words.ts';

function segments(owned: [string, number | null][]): PhoneSegment[] {
  return owned.map(([phone, token], index) => ({ phone, token, start: index * 0.1, end: (index + 1) * 0.1 }));
}

const ALONE: Record<string, string[]> = {
  of: ['0', 'v'],
  the: ['D', '@'],
  nature: ['n', 'eI', 'tS', '3'],
  done: ['d', 'V', 'n'],
  it: ['I', 't'],
};

describe('splitMergedWords', () => {
  it('gives a merged word its phones back at the phone that matches it', () => {
    const words = ['of', 'the', 'nature'];
    // espeak-ng files "of the" under "of".
    const input = segments([['@', 0], ['v', 0], ['D', 0], ['@2', 0], ['n', 2], ['eI', 2], ['tS', 2], ['3', 2]]);
    const output = splitMergedWords(input, 3, () => true, (i) => ALONE[words[i]!]!);
    expect(output.map((segment) => segment.token)).toEqual([0, 0, 1, 1, 2, 2, 2, 2]);
    expect(output.map((segment) => segment.start)).toEqual(input.map((segment) => segment.start));
  });

  it('leaves a silent token (a lone dash) without phones', () => {
    const words = ['-', 'the'];
    const input = segments([['D', 0], ['@', 0]]);
    const output = splitMergedWords(input, 2, (i) => words[i] !== '-', (i) => ALONE[words[i]!] ?? []);
    expect(output.map((segment) => segment.token)).toEqual([1, 1]);
  });

  it('keeps pauses unowned', () => {
    const input = segments([['_:', null], ['0', 0], ['v', 0], ['D', 0], ['@', 0], ['_', null]]);
    const output = splitMergedWords(input, 2, () => true, (i) => ALONE[['of', 'the'][i]!]!);
    expect(output.map((segment) => segment.token)).toEqual([null, 0, 0, 1, 1, null]);
  });
});

describe('adjustBoundaries', () => {
  it('moves a linking consonant back to the word it belongs to', () => {
    const words = ['done', 'it'];
    const input = segments([['d', 0], ['V', 0], ['n', 1], ['I', 1], ['t#', 1]]);
    const output = adjustBoundaries(input, (i) => ALONE[words[i]!]!);
    expect(output.map((segment) => segment.token)).toEqual([0, 0, 0, 1, 1]);
  });

  it('keeps the engine boundary when moving it gains nothing', () => {
    const words = ['of', 'the'];
    const input = segments([['0', 0], ['v', 0], ['D', 1], ['@', 1]]);
    expect(adjustBoundaries(input, (i) => ALONE[words[i]!]!).map((segment) => segment.token)).toEqual([0, 0, 1, 1]);
  });
});

describe('bestSplit', () => {
  it('gives every audible word at least one phone', () => {
    expect(bestSplit(['a', 'b'], [['a', 'b'], ['c']], [true, true])).toEqual([0, 1]);
  });
});
