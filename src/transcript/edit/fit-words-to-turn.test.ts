import { describe, expect, it } from 'vitest';
import { wordsFromText, type Word } from '../model.ts';
import { fitWordsToTurn } from './fit-words-to-turn.ts';
import { timedTurn } from './transcript-fixture.ts';

describe('fitWordsToTurn', () => {
  const words = timedTurn('one two three four', 10).words; // 10–10.4, 10.5–10.9, 11–11.4, 11.5–11.9

  it('returns the same array when every word fits', () => {
    expect(fitWordsToTurn(words, 10, 11.9)).toBe(words);
    expect(fitWordsToTurn(words, undefined, undefined)).toBe(words);
    expect(fitWordsToTurn(words, 9, undefined)).toBe(words);
  });

  it('re-estimates words wholly outside into the room beside the kept words', () => {
    const fitted = fitWordsToTurn(words, 10.45, 11.45);
    expect(fitted[1]).toBe(words[1]);
    expect(fitted[0]).toMatchObject({ start: 10.45, end: 10.5, timing: 'estimated' });
    expect(fitted[2]).toMatchObject({ start: 11, end: 11.4 });
    expect(fitted[2]).toBe(words[2]);
    expect(fitted[3]).toMatchObject({ start: 11.4, end: 11.45, timing: 'estimated' });
  });

  it('clips words that straddle a boundary', () => {
    const fitted = fitWordsToTurn(words, 10.2, 11.2);
    expect(fitted[0]).toMatchObject({ start: 10.2, end: 10.4, timing: 'estimated' });
    expect(fitted[2]).toMatchObject({ start: 11, end: 11.2 });
  });

  it('spreads every word over the range when none is left inside', () => {
    const fitted = fitWordsToTurn(words, 20, 22);
    expect(fitted[0]?.start).toBe(20);
    expect(fitted[3]?.end).toBe(22);
  });

  it('uses a typical pace when the range has only one bound and no word is left', () => {
    const fitted = fitWordsToTurn(words, 30, undefined);
    expect(fitted[0]?.start).toBe(30);
    const end = fitted[3]?.end ?? 0;
    expect(end).toBeGreaterThan(30);
    expect(end).toBeLessThan(35);
    const before = fitWordsToTurn(words, undefined, 5);
    expect(before[3]?.end).toBe(5);
    expect(before[0]?.start).toBeLessThan(5);
    expect(before[0]?.start).toBeGreaterThanOrEqual(0);
  });

  it('leaves untimed and empty word lists alone', () => {
    const untimed = wordsFromText('no times');
    expect(fitWordsToTurn(untimed, 1, 2)).toBe(untimed);
    const empty: Word[] = [];
    expect(fitWordsToTurn(empty, 1, 2)).toBe(empty);
  });
});
