/**
 * Syllable counts for languages other than English, used to place lines on
 * the speech of a recording when there is no acoustic model. Counting vowel
 * groups is close for languages written much as they are spoken; the rules
 * below fix the groups that are two syllables (Spanish "poeta", German
 * "teuer") or one (German "ie", "ei", "au").
 */
import { countSyllables } from '../transcript/syllables.ts';

export type SyllableCounter = (token: string) => number;

const LATIN_VOWELS = 'aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœąęěůőű';
const VOWEL_RUN = new RegExp(`[${LATIN_VOWELS}]+`, 'gu');

/** Vowel pairs that are two syllables in a Romance language: two strong vowels, or a stressed weak one. */
const ROMANCE_HIATUS = /[aeoáéó](?=[aeoáéó])|[íú](?=[aeo])|[aeo](?=[íú])/gu;
/** German: "eue", "aue", "äue" are two syllables (teu-er, bau-en); other runs are one. */
const GERMAN_HIATUS = /(?:eu|au|äu)(?=e)|ie(?=[aeou])/gu;

function romance(run: string): number {
  return 1 + (run.match(ROMANCE_HIATUS)?.length ?? 0);
}

function runCounter(extra: (run: string) => number): SyllableCounter {
  return (token) => {
    let total = 0;
    for (const part of token.toLowerCase().match(/[\p{L}\p{M}]+|\d+(?:[.,]\d+)*/gu) ?? []) {
      if (/^\d/u.test(part) || !/^[a-zà-ÿœąęěůőű]+$/u.test(part)) {
        // Numbers read aloud and non-Latin scripts: the English counter's tables and per-script rules.
        total += countSyllables(part);
        continue;
      }
      const runs = part.match(VOWEL_RUN) ?? [];
      total += runs.length === 0 ? 1 : runs.reduce((sum, run) => sum + extra(run), 0);
    }
    return total;
  };
}

const ROMANCE = new Set(['es', 'it', 'pt', 'ca', 'ro', 'gl']);

/** A counter for `language` (BCP-47); English keeps its own heuristic with its exceptions. */
export function syllableCounter(language: string): SyllableCounter {
  const primary = language.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  if (primary === 'en' || primary === '') return countSyllables;
  if (ROMANCE.has(primary)) return runCounter(romance);
  if (primary === 'de') return runCounter((run) => 1 + (run.match(GERMAN_HIATUS)?.length ?? 0));
  return runCounter(() => 1);
}
