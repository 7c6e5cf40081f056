/**
 * How a written token is read aloud. The acoustic model only knows spoken
 * words, so `2,400`, `U.S.`, `Dr.` and `1990s` must become what a speaker (or a
 * speech synthesizer) actually says. Where the reading is ambiguous every
 * plausible one is returned and the decoder picks the one that matches the
 * audio: a newsreader says "U S", a synthesizer may say "us"; `2024` may be
 * "twenty twenty-four" or "two thousand twenty-four".
 */
import { englishCardinal, englishOrdinal, englishPlural, englishYear, frenchCardinal } from './number-words.ts';

/** One way of saying a token: lower-case words, in order. */
export type Reading = string[];

export type SpokenLanguage = 'en' | 'fr';

const EN_ABBREVIATIONS: Record<string, Reading[]> = {
  'mr.': [['mister']],
  'mrs.': [['missus'], ['misses']],
  'ms.': [['miz']],
  'dr.': [['doctor'], ['drive']],
  'st.': [['saint'], ['street']],
  'jr.': [['junior']],
  'sr.': [['senior']],
  'vs.': [['versus']],
  'etc.': [['et', 'cetera']],
  'gov.': [['governor']],
  'sen.': [['senator']],
  'rep.': [['representative']],
  'gen.': [['general']],
  'lt.': [['lieutenant']],
  'col.': [['colonel']],
  'sgt.': [['sergeant']],
  'prof.': [['professor']],
  'mt.': [['mount']],
  'ave.': [['avenue']],
  'no.': [['number'], ['no']],
  'approx.': [['approximately']],
  '&': [['and']],
  '+': [['plus']],
  '=': [['equals']],
  '@': [['at']],
};

/** Dotted initialisms that are often said as the words they stand for. */
const EN_INITIALISM_WORDS: Record<string, Reading[]> = {
  'u.s.': [['us'], ['united', 'states']],
  'u.s.a.': [['united', 'states', 'of', 'america']],
  'u.k.': [['united', 'kingdom']],
  'u.n.': [['united', 'nations']],
  'e.u.': [['european', 'union']],
  'd.c.': [],
};

const FR_ABBREVIATIONS: Record<string, Reading[]> = {
  'm.': [['monsieur']],
  'mm.': [['messieurs']],
  mme: [['madame']],
  'mme.': [['madame']],
  mlle: [['mademoiselle']],
  dr: [['docteur']],
  'dr.': [['docteur']],
  st: [['saint']],
  ste: [['sainte']],
  '&': [['et']],
  '%': [['pour', 'cent']],
};

const MAX_READINGS = 6;

/** Every combination of the parts' readings, in order, capped so grammars stay small. */
function combine(parts: Reading[][]): Reading[] {
  let result: Reading[] = [[]];
  for (const options of parts) {
    if (options.length === 0) continue;
    const next: Reading[] = [];
    for (const prefix of result) for (const option of options) if (next.length < MAX_READINGS) next.push([...prefix, ...option]);
    result = next;
  }
  return result.filter((reading) => reading.length > 0);
}

function unique(readings: Reading[]): Reading[] {
  const seen = new Set<string>();
  return readings.filter((reading) => {
    const key = reading.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return reading.length > 0;
  });
}

function cardinal(n: number, language: SpokenLanguage): Reading {
  return language === 'fr' ? frenchCardinal(n) : englishCardinal(n);
}

function digits(text: string, language: SpokenLanguage): Reading {
  return [...text].map((digit) => cardinal(Number(digit), language)[0] as string);
}

function integerReadings(text: string, language: SpokenLanguage): Reading[] {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value >= 1e12) return [digits(text, language)];
  if (text.length > 1 && text.startsWith('0')) return [digits(text, language)];
  if (language === 'en' && text.length === 4 && value >= 1100 && value < 2100) {
    const year = englishYear(value);
    const plain = englishCardinal(value);
    return value >= 2000 && value < 2010 ? [plain] : [year, plain];
  }
  return [cardinal(value, language)];
}

function decimalReadings(whole: string, fraction: string, language: SpokenLanguage): Reading[] {
  const point = language === 'fr' ? 'virgule' : 'point';
  return integerReadings(whole, language).map((reading) => [...reading, point, ...digits(fraction, language)]);
}

/** Readings of a purely numeric token (already stripped of surrounding punctuation), or null. */
function numberReadings(token: string, language: SpokenLanguage): Reading[] | null {
  const thousands = language === 'fr' ? /^\d{1,3}([  .]\d{3})+$/u : /^\d{1,3}(,\d{3})+$/u;
  if (thousands.test(token)) return integerReadings(token.replace(/[,.  ]/gu, ''), language);
  if (/^\d+$/u.test(token)) return integerReadings(token, language);
  const decimal = language === 'fr' ? /^(\d+),(\d+)$/u.exec(token) : /^(\d+)\.(\d+)$/u.exec(token);
  if (decimal) return decimalReadings(decimal[1] as string, decimal[2] as string, language);
  if (language === 'en') {
    const ordinal = /^(\d+)(st|nd|rd|th)$/iu.exec(token);
    if (ordinal) return [englishOrdinal(Number(ordinal[1]))];
    const decade = /^(\d{2})?(\d0)'?s$/u.exec(token);
    if (decade) {
      const tens = englishPlural(englishCardinal(Number(decade[2])));
      return decade[1] ? [[...englishCardinal(Number(decade[1])), ...tens]] : [tens];
    }
    const time = /^(\d{1,2}):(\d{2})$/u.exec(token);
    if (time) {
      const minutes = Number(time[2]);
      const hour = englishCardinal(Number(time[1]));
      if (minutes === 0) return [[...hour, "o'clock"], hour];
      return [[...hour, ...(minutes < 10 ? ['oh'] : []), ...englishCardinal(minutes)]];
    }
  } else {
    const ordinal = /^(\d+)(e|er|re|ème|ieme)$/iu.exec(token);
    if (ordinal) {
      const n = Number(ordinal[1]);
      if (n === 1) return [[ordinal[2]?.toLowerCase() === 're' ? 'première' : 'premier']];
      const words = frenchCardinal(n);
      const last = (words.pop() as string).replace(/e$/u, '').replace(/f$/u, 'v').replace(/q$/u, 'qu');
      return [[...words, `${last}ième`]];
    }
    const time = /^(\d{1,2})h(\d{2})?$/iu.exec(token);
    if (time) {
      const hour = frenchCardinal(Number(time[1]));
      return [[...hour, Number(time[1]) > 1 ? 'heures' : 'heure', ...(time[2] ? frenchCardinal(Number(time[2])) : [])]];
    }
  }
  return null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a well-formed Roman numeral (`XIV` -> 14), or null. */
export function romanValue(text: string): number | null {
  if (!/^[IVXLCDM]+$/u.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i] as string] as number;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  // Reject what only looks Roman ("IIII", "VV", "MIX" is fine): it must be written back the same way.
  const canonical = [
    ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
    ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
  ] as const;
  let rest = total;
  let written = '';
  for (const [symbol, value] of canonical) {
    while (rest >= value) {
      written += symbol;
      rest -= value;
    }
  }
  return written === text && total > 0 ? total : null;
}

/** Letter names as dictionary words: `NPR` -> n. p. r. */
function spelled(letters: string): Reading {
  return [...letters.toLowerCase()].map((letter) => `${letter}.`);
}

/** Straight apostrophes and quotes, so `they’re` finds `they're` in the dictionary. */
export function normalizeToken(token: string): string {
  return token.normalize('NFC').replace(/[’‘ʼ`´]/gu, "'").replace(/[“”«»„]/gu, '"');
}

const EDGE_PUNCTUATION = /^[\s"'()[\]{}<>¡¿*_~…,;:!?.—–-]+|[\s"'()[\]{}<>*_~…,;:!?.—–-]+$/gu;

/**
 * Readings of one transcript token (punctuation attached, as in `Word.text`).
 * Returns `[]` when the token is not spoken at all (a lone dash, `...`).
 * The first reading is the most likely; words may be missing from the
 * dictionary (names), which the lexicon handles.
 */
export function spokenForms(token: string, language: SpokenLanguage): Reading[] {
  const normal = normalizeToken(token);
  const lower = normal.toLowerCase();
  const abbreviations = language === 'fr' ? FR_ABBREVIATIONS : EN_ABBREVIATIONS;
  const trimmedLower = lower.replace(/^["'([]+|[)"\],;:!?]+$/gu, '');
  const abbreviation = abbreviations[trimmedLower];
  if (abbreviation) return abbreviation;

  // A trailing period belongs to the word only for abbreviations and initialisms.
  let core = normal.replace(EDGE_PUNCTUATION, '');
  const withDot = normal.replace(/^["'([]+|[)"\],;:!?]+$/gu, '');
  if (/^([A-Za-z]\.){2,}$/u.test(withDot)) core = withDot;
  if (core.length === 0) return [];

  const currency = /^([$€£])(.+)$/u.exec(core) ?? /^(.+?)([$€£])$/u.exec(core);
  if (currency) {
    const symbol = (currency[1] === '$' || currency[1] === '€' || currency[1] === '£' ? currency[1] : currency[2]) as string;
    const amount = (symbol === currency[1] ? currency[2] : currency[1]) as string;
    const unit = { $: ['dollars'], '€': ['euros'], '£': ['pounds'] }[symbol] as string[];
    const amounts = spokenForms(amount, language);
    return unique([...amounts.map((reading) => [...reading, ...unit]), ...amounts]);
  }
  const percent = /^(.+?)\s?%$/u.exec(core);
  if (percent) {
    const suffix = language === 'fr' ? ['pour', 'cent'] : ['percent'];
    return spokenForms(percent[1] as string, language).map((reading) => [...reading, ...suffix]);
  }

  const number = numberReadings(core, language);
  if (number) return unique(number);

  if (/^([A-Za-z]\.){2,}$/u.test(core)) {
    const key = core.toLowerCase();
    return unique([spelled(key.replace(/\./gu, '')), ...(language === 'en' ? (EN_INITIALISM_WORDS[key] ?? []) : [])]);
  }

  // Hyphenated compounds, slashes and dashes: read the parts in turn
  // ("months-long", "9/11", "COVID-19"). French keeps dictionary hyphens
  // ("dix-sept"), so the whole word is offered first.
  const parts = core.split(/[-/–—]+/u).filter((part) => part.length > 0);
  if (parts.length > 1) {
    const pieces = combine(parts.map((part) => spokenForms(part, language)));
    return unique(language === 'fr' ? [[core.toLowerCase()], ...pieces] : pieces);
  }

  const word = core.toLowerCase();
  const readings: Reading[] = [[word]];
  // Letters and digits glued together ("G7", "3D", "MP3"): letters spelled, digits read.
  if (/\d/u.test(word) && /[a-z]/u.test(word)) {
    const chunks = word.match(/\d+|[a-z]+/gu) ?? [];
    return unique(combine(chunks.map((chunk) => (/\d/u.test(chunk) ? (numberReadings(chunk, language) ?? []) : [spelled(chunk)]))));
  }
  // Roman numerals of two letters or more (a chapter, a sonnet, a king): "II" is read "two".
  const roman = core.length >= 2 ? romanValue(core) : null;
  if (roman !== null && roman < 4000) readings.unshift(cardinal(roman, language));
  // Short all-capital words may be initialisms (NPR, FBI) or acronyms (NATO).
  if (/^[A-Z]{2,5}s?$/u.test(core)) {
    const plural = /[A-Z]s$/u.test(core);
    const letters = plural ? core.slice(0, -1) : core;
    const spelling = spelled(letters);
    if (plural) spelling[spelling.length - 1] = `${letters.slice(-1).toLowerCase()}'s`;
    readings.push(spelling);
  }
  if (language === 'fr' && /^[a-zà-ÿœæ]+'[a-zà-ÿœæ]/u.test(word)) {
    const cut = word.indexOf("'") + 1;
    readings.push([word.slice(0, cut), word.slice(cut)]);
  }
  return unique(readings);
}
