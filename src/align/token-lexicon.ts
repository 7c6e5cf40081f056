import type { Decoder } from 'soundswallower';
import type { AcousticModelId } from './align-engine.ts';
import { toCmuPhones } from './arpabet-phones.ts';
import { frenchPronunciations } from './french-phones.ts';
import type { Reading } from './spoken-forms.ts';

/** At most this many pronunciations per transcript token, so grammars stay small. */
const MAX_PRONUNCIATIONS = 8;

/**
 * Pronunciations of transcript tokens from the model's dictionary, with
 * letter-to-sound for words it lacks (names such as `Gallyamov`; French
 * words by spelling rules, french-phones.ts).
 *
 * Every token becomes one decoder word of its own (`t17`) whose alternative
 * pronunciations cover all its readings and all dictionary variants of their
 * words: `U.S.` -> `Y UW EH S` | `AH S` | `Y UW N AY T AH D ...`. The decoder then
 * reports exactly one segment per token, whichever reading was spoken, and
 * mapping results back to the transcript needs no guessing.
 */
export class TokenLexicon {
  private readonly cache = new Map<string, string[] | null>();
  private readonly guessCache = new Map<string, string[] | null>();
  private readonly generated = new Set<string>();

  constructor(
    private readonly decoder: Decoder,
    private readonly model: AcousticModelId,
    private readonly toArpabet?: (word: string) => string,
  ) {}

  /** Dictionary variants of one spoken word (`the` -> `DH AH`, `DH IY`), G2P when missing, `null` if unpronounceable. */
  wordPronunciations(word: string): string[] | null {
    return this.dictionaryPronunciations(word) ?? this.guessedPronunciations(word);
  }

  private dictionaryPronunciations(word: string): string[] | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const variants: string[] = [];
    const first = this.decoder.lookup_word(word);
    if (first) {
      variants.push(first);
      for (let k = 2; k < 10; k++) {
        const variant = this.decoder.lookup_word(`${word}(${k})`);
        if (!variant) break;
        variants.push(variant);
      }
    }
    const result = variants.length > 0 ? variants : null;
    this.cache.set(word, result);
    return result;
  }

  private guessedPronunciations(word: string): string[] | null {
    const cached = this.guessCache.get(word);
    if (cached !== undefined) return cached;
    const variants: string[] = [];
    if (this.model === 'en-us' && this.toArpabet && /[a-z]/u.test(word)) {
      // The G2P reads digits and symbols its own way; only letters (and apostrophes) go to it.
      const phones = toCmuPhones(this.toArpabet(word.replace(/[^a-z']/gu, ' ').trim()));
      if (phones) variants.push(phones);
    } else if (this.model === 'fr-fr' && /\p{L}/u.test(word)) {
      // French spelling rules (french-phones.ts): FLEURS' "malveillant", "Mashhad", "Fisichella".
      variants.push(...frenchPronunciations(word));
    }
    const result = variants.length > 0 ? variants : null;
    if (result) this.generated.add(word);
    this.guessCache.set(word, result);
    return result;
  }

  /** Words that needed letter-to-sound, for warnings. */
  generatedWords(): string[] {
    return [...this.generated];
  }

  /**
   * All pronunciations of a token: every reading whose words are all
   * pronounceable, each word's dictionary variants combined. Capped at
   * MAX_PRONUNCIATIONS, taken round-robin so that every reading keeps its
   * main pronunciation before any reading gets its rarer variants.
   */
  tokenPronunciations(readings: Reading[]): string[] {
    // English guesses a word the dictionary lacks in any reading. French guesses only when no
    // reading is in the dictionary: "l'université" is read as "l'" + "université", not spelled out.
    const result = this.combine(readings, this.model === 'en-us');
    return result.length > 0 || this.model === 'en-us' || !this.guessing ? result : this.combine(readings, true);
  }

  /**
   * French only: whether words no reading of which is in the dictionary get
   * letter-to-sound. Off for a text the dictionary mostly lacks (an English
   * transcript given to French audio), which must stay unpronounceable so that
   * the mismatch check refuses it.
   */
  guessing = true;

  /** Share of the tokens with words whose readings the dictionary alone can pronounce. */
  dictionaryShare(readingsOfTokens: readonly Reading[][]): number {
    const spoken = readingsOfTokens.filter((readings) => readings.length > 0);
    if (spoken.length === 0) return 1;
    return spoken.filter((readings) => this.combine(readings, false).length > 0).length / spoken.length;
  }

  private combine(readings: Reading[], guess: boolean): string[] {
    const perReading: string[][] = [];
    for (const reading of readings) {
      const perWord = reading.map((word) => (guess ? this.wordPronunciations(word) : this.dictionaryPronunciations(word)));
      if (perWord.some((variants) => variants === null)) continue;
      let combos: string[] = [''];
      for (const variants of perWord as string[][]) {
        const next: string[] = [];
        for (const prefix of combos) for (const variant of variants) next.push(prefix.length > 0 ? `${prefix} ${variant}` : variant);
        combos = next.slice(0, MAX_PRONUNCIATIONS);
      }
      perReading.push(combos);
    }
    const result: string[] = [];
    for (let rank = 0; rank < MAX_PRONUNCIATIONS; rank++) {
      for (const combos of perReading) {
        const combo = combos[rank];
        if (combo !== undefined && !result.includes(combo) && result.length < MAX_PRONUNCIATIONS) result.push(combo);
      }
    }
    return result;
  }
}
