/**
 * Rough English syllable counts, used only to spread time over words when no
 * real timing exists. Being off by one on a word shifts an estimate by a
 * fraction of a second, so a compact heuristic is enough; what matters more is
 * that numbers and abbreviations (`2,400`, `U.S.`, `FBI`) are counted as they
 * are spoken, since they are long when read aloud but short when written.
 */

const ONES = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Number words are compounds ("nine-teen") that fool the vowel heuristic, so they are counted by table. */
const NUMBER_WORD_SYLLABLES = new Map<string, number>(Object.entries({
  zero: 2, one: 1, two: 1, three: 1, four: 1, five: 1, six: 1, seven: 2, eight: 1, nine: 1, ten: 1,
  eleven: 3, twelve: 1, thirteen: 2, fourteen: 2, fifteen: 2, sixteen: 2, seventeen: 3, eighteen: 2, nineteen: 2,
  twenty: 2, thirty: 2, forty: 2, fifty: 2, sixty: 2, seventy: 3, eighty: 2, ninety: 2,
  hundred: 2, thousand: 2, million: 2, billion: 2, trillion: 2, oh: 1, point: 1,
}));
const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

/** Spoken symbols; every other non-letter, non-digit token is silent. */
const SPOKEN_SYMBOLS = new Map<string, string>(Object.entries({
  '&': 'and',
  '%': 'percent',
  '+': 'plus',
  '=': 'equals',
  '@': 'at',
  '#': 'number',
}));

/** Letter-less abbreviations whose spoken form is not their spelling. */
const ABBREVIATIONS = new Map<string, number>(Object.entries({
  mr: 2, mrs: 2, ms: 1, dr: 2, st: 1, jr: 2, sr: 2, vs: 2, hmm: 1, mm: 1, mhm: 2, hm: 1, shh: 1, sh: 1, pst: 1, psst: 1, nth: 1,
}));

/** Short upper-case words that are read as words, not spelled letter by letter. */
const CAPS_WORDS = new Set([
  'a', 'i', 'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'hi', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'oh',
  'on', 'or', 'so', 'to', 'up', 'us', 'we', 'ah', 'uh', 'um', 'all', 'and', 'are', 'but', 'can', 'did', 'for', 'get',
  'got', 'had', 'has', 'her', 'him', 'his', 'how', 'its', 'let', 'may', 'new', 'not', 'now', 'off', 'old', 'one', 'our',
  'out', 'own', 'say', 'see', 'she', 'the', 'too', 'two', 'war', 'was', 'way', 'who', 'why', 'yes', 'yet', 'you',
]);

function intToWords(n: number): string[] {
  if (n < 20) return [ONES[n] ?? ''];
  if (n < 100) {
    const rest = n % 10;
    return rest === 0 ? [TENS[Math.floor(n / 10)] ?? ''] : [TENS[Math.floor(n / 10)] ?? '', ONES[rest] ?? ''];
  }
  if (n < 1000) {
    const rest = n % 100;
    return [ONES[Math.floor(n / 100)] ?? '', 'hundred', ...(rest === 0 ? [] : intToWords(rest))];
  }
  for (const [scale, name] of SCALES) {
    if (n >= scale) {
      const rest = n % scale;
      return [...intToWords(Math.floor(n / scale)), name, ...(rest === 0 ? [] : intToWords(rest))];
    }
  }
  return [];
}

/** Four digits without a thousands comma are usually a year: 1998 -> "nineteen ninety-eight", 1905 -> "nineteen oh five". */
function yearWords(value: number): string[] {
  const century = Math.floor(value / 100);
  const rest = value % 100;
  if (value < 1100 || value >= 2100 || (value >= 2000 && value < 2010)) return intToWords(value);
  if (rest === 0) return [...intToWords(century), 'hundred'];
  return [...intToWords(century), ...(rest < 10 ? ['oh'] : []), ...intToWords(rest)];
}

/** Syllables of a run of digits with optional `,` grouping and `.` decimals, as commonly read aloud. */
function numberSyllables(digits: string): number {
  const [whole = '', fraction = ''] = digits.split('.');
  const grouped = whole.includes(',');
  const plain = whole.replace(/,/gu, '');
  let words: string[];
  if (plain.length === 0) {
    words = [];
  } else if (plain.length > 15) {
    // Beyond trillions nobody reads the number as a whole; it is read digit by digit.
    words = [...plain].flatMap((digit) => intToWords(Number(digit)));
  } else {
    const value = Number(plain);
    words = !grouped && plain.length === 4 ? yearWords(value) : intToWords(value);
  }
  if (fraction.length > 0) words.push('point', ...[...fraction].flatMap((digit) => intToWords(Number(digit))));
  return words.reduce((sum, word) => sum + (NUMBER_WORD_SYLLABLES.get(word) ?? wordSyllables(word)), 0);
}

/** Syllables of letters spelled out one by one: `FBI` -> eff-bee-eye. */
function spelledSyllables(letters: string): number {
  let count = 0;
  for (const letter of letters.toLowerCase()) count += letter === 'w' ? 3 : 1;
  return count;
}

/** "-ed" words where the ending is its own syllable although the heuristic would drop it. */
const SOUNDED_ED = new Set(['hundred', 'kindred', 'sacred', 'naked', 'wicked', 'crooked', 'rugged', 'beloved', 'wretched', 'learned']);

const LATIN_VOWELS = /[aeiouy]+/gu;

/** The vowel-group heuristic for one lower-case Latin word. */
function wordSyllables(word: string): number {
  const w = word.replace(/['’]/gu, '');
  if (w.length === 0) return 0;
  const abbreviation = ABBREVIATIONS.get(w);
  if (abbreviation !== undefined) return abbreviation;
  if (!/[aeiouy]/u.test(w)) return w.length <= 4 ? spelledSyllables(w) : Math.ceil(w.length / 3);
  let count = w.match(LATIN_VOWELS)?.length ?? 0;
  // Silent "e" inside compounds and before suffixes: "something", "lately", "statement", "ninety".
  count -= w.match(/[aeiouy][^aeiouy]e(?=(?:ly|ful|less|ness|ments?|thing|where|times?|teen|ty|one|body|day|way)s?$)/gu)?.length ?? 0;
  if (SOUNDED_ED.has(w)) count += 1;
  // Silent endings: "make", "makes", "jumped" — but not "table", "boxes", "wanted", "free", "see".
  if (/[^aeiouy]e$/u.test(w) && !/[^aeiouy]le$/u.test(w) && count > 1) count -= 1;
  else if (/[^aeiouy]es$/u.test(w) && !/(s|x|z|ch|sh|ge|ce|se|ze)es$/u.test(w) && count > 1) count -= 1;
  else if (/[^aeiouy]ed$/u.test(w) && !/[td]ed$/u.test(w) && count > 1) count -= 1;
  // Vowel pairs that are two syllables: "media", "video", "actual", "quiet", "science", "idea", "being";
  // not after c/g/s/t ("nation", "precious", "region") nor in "-llion" ("million").
  const hiatus = w.match(/(?:[^cgstl]i[aou]|[^l]li[aou]|[^q]ua|[^q]uo|(?<!p)eo(?!ne$)|ao|oe(?=[tm])|crea|ie[rt]$|iet|ience|ea$|ei(?=ng)|oi(?=ng)|ai(?=ng)|ui(?=ng)|yi(?=ng)|ii)/gu);
  if (hiatus !== null) count += hiatus.length;
  if (/[^aeiouy]ism$/u.test(w)) count += 1;
  return Math.max(1, count);
}

/** Latin and accented Latin letters fold to ASCII so the heuristic covers `café`, `Nuñez`. */
function foldLatin(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/gu, '');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const OTHER_VOWELS = /[аеёиоуыэюяіїєαεηιουωάέήίόύώ]+/giu;

function letterRunSyllables(run: string): number {
  const folded = foldLatin(run);
  if (/^[a-z'’]+$/iu.test(folded)) {
    const letters = folded.replace(/['’]/gu, '');
    const lower = letters.toLowerCase();
    // Upper-case runs of 2–3 letters are usually initialisms (FBI, CIA, UN); longer ones are words shouted or acronyms read as words (NATO).
    const isCaps = letters.length >= 2 && letters === letters.toUpperCase();
    if (isCaps && letters.length <= 3 && !CAPS_WORDS.has(lower)) return spelledSyllables(letters);
    if (isCaps && letters.length <= 5 && !/[aeiouy]/iu.test(letters)) return spelledSyllables(letters);
    // A written accent on a final e means it is sounded: "café", "résumé".
    if (/é$/u.test(run)) return wordSyllables(lower.slice(0, -1)) + 1;
    return wordSyllables(lower);
  }
  // Scripts where one character is one syllable.
  let cjk = 0;
  for (const char of run) if (CJK.test(char)) cjk += 1;
  if (cjk > 0) return cjk;
  const vowelGroups = run.match(OTHER_VOWELS)?.length ?? 0;
  if (vowelGroups > 0) return vowelGroups;
  return Math.max(1, Math.ceil([...run].length / 3));
}

/** Speech repeats its words (Zipf), so a small memo answers most look-ups of a long transcript. */
const memo = new Map<string, number>();
const MEMO_LIMIT = 20000;

/**
 * Syllables in one token as it would be spoken: `>=1` for any token with a
 * letter or digit, `0` for pure punctuation such as `-` or `…`.
 */
export function countSyllables(token: string): number {
  const known = memo.get(token);
  if (known !== undefined) return known;
  const count = tokenSyllables(token);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token, count);
  return count;
}

function tokenSyllables(token: string): number {
  let total = 0;
  // Letter runs (apostrophes inside words kept), digit runs (with `,`/`.` grouping), and single spoken symbols.
  const parts = token.match(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*|[&%+=@#]/gu) ?? [];
  let previousWasNumber = false;
  for (const part of parts) {
    if (/^\d/u.test(part)) {
      total += numberSyllables(part);
      previousWasNumber = true;
      continue;
    }
    const symbol = SPOKEN_SYMBOLS.get(part);
    if (symbol !== undefined) {
      total += wordSyllables(symbol);
    } else if (previousWasNumber && /^(?:st|nd|rd|th|s)$/iu.test(part)) {
      // Ordinal and plural suffixes on numbers ("21st", "1990s") change the word, not the syllable count.
    } else {
      total += letterRunSyllables(part);
    }
    previousWasNumber = false;
  }
  if (token.includes('$') && parts.length > 0) total += wordSyllables('dollars');
  return total;
}
