import { describe, expect, it } from 'vitest';
import { englishCardinal, englishOrdinal, englishPlural, englishYear, frenchCardinal } from './number-words.ts';

const words = (list: string[]) => list.join(' ');

describe('English numbers', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [40, 'forty'],
    [99, 'ninety nine'],
    [105, 'one hundred five'],
    [2400, 'two thousand four hundred'],
    [1_000_001, 'one million one'],
    [12_000_000_000, 'twelve billion'],
  ])('reads %i as "%s"', (n, expected) => {
    expect(words(englishCardinal(n))).toBe(expected);
  });

  it('reads years the way they are said', () => {
    expect(words(englishYear(1999))).toBe('nineteen ninety nine');
    expect(words(englishYear(2024))).toBe('twenty twenty four');
    expect(words(englishYear(2008))).toBe('two thousand eight');
    expect(words(englishYear(1900))).toBe('nineteen hundred');
    expect(words(englishYear(1905))).toBe('nineteen oh five');
  });

  it('makes ordinals and plurals', () => {
    expect(words(englishOrdinal(1))).toBe('first');
    expect(words(englishOrdinal(22))).toBe('twenty second');
    expect(words(englishOrdinal(40))).toBe('fortieth');
    expect(words(englishOrdinal(112))).toBe('one hundred twelfth');
    expect(words(englishPlural(['nineteen', 'ninety']))).toBe('nineteen nineties');
  });

  it('refuses what it cannot read', () => {
    expect(() => englishCardinal(-1)).toThrow(RangeError);
    expect(() => englishCardinal(1.5)).toThrow(RangeError);
  });
});

describe('French numbers', () => {
  it.each([
    [1, 'un'],
    [17, 'dix sept'],
    [21, 'vingt et un'],
    [71, 'soixante et onze'],
    [80, 'quatre vingts'],
    [81, 'quatre vingt un'],
    [99, 'quatre vingt dix neuf'],
    [100, 'cent'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [1000, 'mille'],
    [2400, 'deux mille quatre cents'],
    [3_000_000, 'trois millions'],
  ])('reads %i as "%s"', (n, expected) => {
    expect(words(frenchCardinal(n))).toBe(expected);
  });
});
