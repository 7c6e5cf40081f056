import { describe, expect, it } from 'vitest';
import { spokenForms } from './spoken-forms.ts';

const en = (token: string) => spokenForms(token, 'en').map((reading) => reading.join(' '));
const fr = (token: string) => spokenForms(token, 'fr').map((reading) => reading.join(' '));

describe('spokenForms (English)', () => {
  it('lower-cases plain words and drops surrounding punctuation', () => {
    expect(en('Maduro.')).toEqual(['maduro']);
    expect(en('"Hello,"')).toEqual(['hello']);
    expect(en('(laughs)')).toEqual(['laughs']);
  });

  it('straightens curly apostrophes so contractions match the dictionary', () => {
    expect(en('they’re')).toEqual(["they're"]);
    expect(en('Putin’s')).toEqual(["putin's"]);
  });

  it('reads numbers with thousands separators as cardinals', () => {
    expect(en('2,400')).toEqual(['two thousand four hundred']);
    expect(en('1,000,001')).toEqual(['one million one']);
  });

  it('offers both the year reading and the cardinal for year-like numbers', () => {
    expect(en('2024')).toEqual(['twenty twenty four', 'two thousand twenty four']);
    expect(en('1999.')).toEqual(['nineteen ninety nine', 'one thousand nine hundred ninety nine']);
    expect(en('2005')).toEqual(['two thousand five']);
    expect(en('1905')).toContain('nineteen oh five');
  });

  it('reads ordinals, decimals, decades, money, percentages and times', () => {
    expect(en('21st')).toEqual(['twenty first']);
    expect(en('3.5')).toEqual(['three point five']);
    expect(en('1990s')).toEqual(['nineteen nineties']);
    expect(en('$5')).toEqual(['five dollars', 'five']);
    expect(en('50%')).toEqual(['fifty percent']);
    expect(en('3:05')).toEqual(['three oh five']);
  });

  it('gives alternatives for U.S.: letters, "us" and the full name', () => {
    expect(en('U.S.')).toEqual(['u. s.', 'us', 'united states']);
    expect(en('U.S.,')).toEqual(['u. s.', 'us', 'united states']);
  });

  it('expands common abbreviations', () => {
    expect(en('Dr.')).toEqual(['doctor', 'drive']);
    expect(en('Mr.')).toEqual(['mister']);
  });

  it('offers spelled letters for short all-capital words', () => {
    expect(en('NPR')).toEqual(['npr', 'n. p. r.']);
    expect(en('NATO')).toEqual(['nato', 'n. a. t. o.']);
  });

  it('reads Roman numerals as numbers first', () => {
    expect(en('II')).toEqual(['two', 'ii', 'i. i.']);
    expect(en('XIV.')).toEqual(['fourteen', 'xiv', 'x. i. v.']);
    expect(en('MIX')).toContain('one thousand nine');
    expect(en('IIII')).toEqual(['iiii', 'i. i. i. i.']);
    expect(en('I')).toEqual(['i']);
  });

  it('splits hyphenated compounds and mixed letter-digit tokens', () => {
    expect(en('months-long')).toEqual(['months long']);
    expect(en('might-makes-right')).toEqual(['might makes right']);
    expect(en('COVID-19')).toEqual(['covid nineteen', 'c. o. v. i. d. nineteen']);
    expect(en('G7')).toEqual(['g. seven']);
  });

  it('returns nothing for tokens that are not spoken', () => {
    expect(en('-')).toEqual([]);
    expect(en('—')).toEqual([]);
    expect(en('...')).toEqual([]);
  });
});

describe('spokenForms (French)', () => {
  it('reads French numbers', () => {
    expect(fr('2 400')).toEqual(['deux mille quatre cents']);
    expect(fr('71')).toEqual(['soixante et onze']);
    expect(fr('80')).toEqual(['quatre vingts']);
    expect(fr('99')).toEqual(['quatre vingt dix neuf']);
    expect(fr('3,5')).toEqual(['trois virgule cinq']);
    expect(fr('1er')).toEqual(['premier']);
  });

  it('offers the elided article split from its word', () => {
    expect(fr("l'homme")).toEqual(["l'homme", "l' homme"]);
  });

  it('expands French abbreviations', () => {
    expect(fr('M.')).toEqual(['monsieur']);
    expect(fr('Mme')).toEqual(['madame']);
  });
});
