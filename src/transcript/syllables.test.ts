import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countSyllables } from './syllables.ts';

describe('countSyllables', () => {
  it.each([
    ['the', 1], ['cat', 1], ['make', 1], ['makes', 1], ['jumped', 1], ['through', 1],
    ['table', 2], ['boxes', 2], ['wanted', 2], ['people', 2], ['question', 2], ['something', 2],
    ['seven', 2], ['hundred', 2], ['ninety', 2], ['nation', 2], ['because', 2], ['create', 2],
    ['radio', 3], ['video', 3], ['media', 3], ['idea', 3], ['eleven', 3], ['beautiful', 3],
    ['Venezuela', 4], ['military', 4], ['economy', 4], ['opposition', 4],
  ])('counts the English word %s as %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });

  it('ignores attached punctuation and capitals', () => {
    expect(countSyllables('Maduro.')).toBe(countSyllables('maduro'));
    expect(countSyllables('"Really?"')).toBe(countSyllables('really'));
    expect(countSyllables('(LAUGHTER)')).toBe(countSyllables('laughter'));
  });

  it('treats contractions as one word', () => {
    expect(countSyllables("don't")).toBe(1);
    expect(countSyllables('it’s')).toBe(1);
    expect(countSyllables("we're")).toBe(1);
  });

  it('counts pure punctuation as silent', () => {
    for (const token of ['-', '--', '—', '…', '.', '?!', '"', '(', ')']) expect(countSyllables(token)).toBe(0);
  });

  it('counts spoken symbols', () => {
    expect(countSyllables('&')).toBe(1);
    expect(countSyllables('%')).toBe(2);
  });

  it('spells out numbers as they are read', () => {
    expect(countSyllables('2,400')).toBe(6); // two thou-sand four hun-dred
    expect(countSyllables('2024')).toBe(5); // twen-ty twen-ty four
    expect(countSyllables('1998')).toBe(5); // nine-teen nine-ty eight
    expect(countSyllables('1905')).toBe(4); // nine-teen oh five
    expect(countSyllables('7')).toBe(2);
    expect(countSyllables('1.5')).toBe(3); // one point five
    expect(countSyllables('3%')).toBe(3); // three per-cent
    expect(countSyllables('$5')).toBe(3); // five dol-lars
    expect(countSyllables('21st')).toBe(3); // twen-ty first
    expect(countSyllables('1990s')).toBe(4);
  });

  it('reads long numbers longer than short ones', () => {
    expect(countSyllables('1,234,567')).toBeGreaterThan(countSyllables('1,234'));
    expect(countSyllables('12345678901234567890')).toBeGreaterThan(10);
  });

  it('spells out initialisms and dotted abbreviations', () => {
    expect(countSyllables('U.S.')).toBe(2);
    expect(countSyllables('FBI')).toBe(3);
    expect(countSyllables('WHO')).toBe(1); // a word in capitals, not W-H-O, when that short word is common
    expect(countSyllables('NPR')).toBe(3);
    expect(countSyllables('WWF')).toBe(7);
    expect(countSyllables('OK')).toBe(2);
    expect(countSyllables('Mr.')).toBe(2);
    expect(countSyllables('NATO')).toBe(2);
  });

  it('counts mixed letter-digit tokens by their parts', () => {
    expect(countSyllables('COVID-19')).toBe(4);
    expect(countSyllables('B-52')).toBe(4);
    expect(countSyllables('well-known')).toBe(2);
  });

  it('handles accents and other scripts', () => {
    expect(countSyllables('café')).toBe(2);
    expect(countSyllables('Nuñez')).toBe(2);
    expect(countSyllables('東京')).toBe(2);
    expect(countSyllables('Москва')).toBe(2);
  });

  it('gives at least one syllable to any token with a letter or digit', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'Z', 'é', '7', 'ß', 'ж', 'x'), fc.string(), (before, core, after) => {
        expect(countSyllables(before + core + after)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('is never negative or fractional', () => {
    fc.assert(
      fc.property(fc.string(), (token) => {
        const count = countSyllables(token);
        expect(Number.isInteger(count)).toBe(true);
        expect(count).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
