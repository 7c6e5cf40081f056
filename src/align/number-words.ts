/**
 * Numbers as words, for reading transcripts aloud to the acoustic model:
 * `2,400` is said "two thousand four hundred", `2024` "twenty twenty-four".
 * English and French; lower case, one dictionary word per array element
 * (compounds such as "twenty-four" are split: the dictionary has the parts).
 */

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function enBelowHundred(n: number): string[] {
  if (n < 20) return [EN_ONES[n] as string];
  const tens = EN_TENS[Math.floor(n / 10)] as string;
  return n % 10 === 0 ? [tens] : [tens, EN_ONES[n % 10] as string];
}

function enBelowThousand(n: number): string[] {
  if (n < 100) return enBelowHundred(n);
  const words = [EN_ONES[Math.floor(n / 100)] as string, 'hundred'];
  return n % 100 === 0 ? words : [...words, ...enBelowHundred(n % 100)];
}

/** `2400` -> two thousand four hundred. Integers from 0 to just under 10^15. */
export function englishCardinal(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot read ${n}`);
  if (n < 1000) return enBelowThousand(n);
  const words: string[] = [];
  let rest = n;
  for (const [scale, name] of EN_SCALES) {
    if (rest >= scale) {
      words.push(...enBelowThousand(Math.floor(rest / scale)), name);
      rest %= scale;
    }
  }
  if (rest > 0) words.push(...enBelowThousand(rest));
  return words;
}

/** `1999` -> nineteen ninety-nine, `2005` -> two thousand five, `1900` -> nineteen hundred. */
export function englishYear(n: number): string[] {
  if (n >= 2000 && n < 2010) return englishCardinal(n);
  const high = Math.floor(n / 100);
  const low = n % 100;
  if (low === 0) return [...englishCardinal(high), 'hundred'];
  if (low < 10) return [...englishCardinal(high), 'oh', ...englishCardinal(low)];
  return [...englishCardinal(high), ...englishCardinal(low)];
}

const EN_ORDINAL_IRREGULAR: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** Turns the last word of a cardinal into its ordinal: twenty one -> twenty first. */
export function englishOrdinal(n: number): string[] {
  const words = englishCardinal(n);
  const last = words.pop() as string;
  let ordinal = EN_ORDINAL_IRREGULAR[last];
  if (ordinal === undefined) ordinal = last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`;
  return [...words, ordinal];
}

/** Plural of a number word for decades: ninety -> nineties, hundred -> hundreds. */
export function englishPlural(words: string[]): string[] {
  const copy = [...words];
  const last = copy.pop() as string;
  copy.push(last.endsWith('y') ? `${last.slice(0, -1)}ies` : last === 'six' ? 'sixes' : `${last}s`);
  return copy;
}

const FR_ONES = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frBelowHundred(n: number): string[] {
  if (n <= 16) return [FR_ONES[n] as string];
  if (n < 20) return ['dix', FR_ONES[n - 10] as string];
  if (n < 70) {
    const tens = FR_TENS[Math.floor(n / 10)] as string;
    const unit = n % 10;
    if (unit === 0) return [tens];
    if (unit === 1) return [tens, 'et', 'un'];
    return [tens, FR_ONES[unit] as string];
  }
  if (n < 80) return n === 71 ? ['soixante', 'et', 'onze'] : ['soixante', ...frBelowHundred(n - 60)];
  if (n === 80) return ['quatre', 'vingts'];
  return ['quatre', 'vingt', ...frBelowHundred(n - 80)];
}

function frBelowThousand(n: number): string[] {
  if (n < 100) return frBelowHundred(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? ['cent'] : [FR_ONES[hundreds] as string, rest === 0 ? 'cents' : 'cent'];
  return rest === 0 ? head : [...head, ...frBelowHundred(rest)];
}

/** `2400` -> deux mille quatre cents. Integers from 0 to just under 10^12. */
export function frenchCardinal(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`cannot read ${n}`);
  if (n < 1000) return frBelowThousand(n);
  const words: string[] = [];
  let rest = n;
  const billions = Math.floor(rest / 1e9);
  if (billions > 0) words.push(...frBelowThousand(billions), billions > 1 ? 'milliards' : 'milliard');
  rest %= 1e9;
  const millions = Math.floor(rest / 1e6);
  if (millions > 0) words.push(...frBelowThousand(millions), millions > 1 ? 'millions' : 'million');
  rest %= 1e6;
  const thousands = Math.floor(rest / 1e3);
  if (thousands > 0) words.push(...(thousands === 1 ? [] : frBelowThousand(thousands)), 'mille');
  rest %= 1e3;
  if (rest > 0) words.push(...frBelowThousand(rest));
  return words;
}
