// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Decoder } from 'soundswallower';
import { DECODER_CONFIG } from './align-transcript.ts';
import { createNodeEngine } from './node-engine.ts';
import { spokenForms } from './spoken-forms.ts';
import { TokenLexicon } from './token-lexicon.ts';

let decoder: Decoder;
let lexicon: TokenLexicon;

beforeAll(async () => {
  const engine = createNodeEngine();
  decoder = await engine.createDecoder('en-us', DECODER_CONFIG);
  lexicon = new TokenLexicon(decoder, 'en-us', engine.toArpabet);
}, 30_000);

describe('TokenLexicon (en-us dictionary)', () => {
  it('returns every dictionary variant of a word', () => {
    expect(lexicon.wordPronunciations('the')).toEqual(['DH AH', 'DH IY']);
  });

  it('guesses a pronunciation for a name the dictionary lacks, in the model phone set', () => {
    const phones = lexicon.wordPronunciations('gallyamov');
    expect(phones).not.toBeNull();
    expect(phones?.[0]).toMatch(/^G /u);
    expect(phones?.[0]?.split(' ').every((phone) => /^[A-Z]{1,2}$/u.test(phone))).toBe(true);
    expect(lexicon.generatedWords()).toContain('gallyamov');
  });

  it('gives every reading of a token its main pronunciation before rarer variants', () => {
    const pronunciations = lexicon.tokenPronunciations(spokenForms('U.S.', 'en'));
    expect(pronunciations[0]).toBe('Y UW EH S');
    expect(pronunciations).toContain('AH S');
    expect(pronunciations.some((phones) => phones.startsWith('Y UW N AY T'))).toBe(true);
    expect(pronunciations.length).toBeLessThanOrEqual(8);
  });

  it('reads numbers through their words', () => {
    const pronunciations = lexicon.tokenPronunciations(spokenForms('2,400', 'en'));
    expect(pronunciations[0]).toBe('T UW TH AW Z AH N D F AO R HH AH N D R AH D');
  });
});

describe('TokenLexicon without letter-to-sound', () => {
  it('drops readings it cannot pronounce', () => {
    const plain = new TokenLexicon(decoder, 'en-us');
    expect(plain.wordPronunciations('zzqxv')).toBeNull();
    expect(plain.tokenPronunciations([['zzqxv'], ['hello']])).toEqual(['HH AH L OW', 'HH EH L OW']);
  });
});
