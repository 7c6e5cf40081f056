/**
 * Letter-to-sound for French words missing from the fr-fr model's dictionary
 * (names such as `Fisichella`, `Mashhad`, rarer words such as `malveillant`),
 * in the model's own phone set (`aa ai an au ... zz`, see its phoneset.json).
 *
 * Hand-written spelling rules, read left to right with the longest match
 * first: nasal vowels only where no vowel or n/m follows, `ill` as a glide,
 * `e` by what follows it, soft c/g, `s` between vowels voiced, double
 * consonants single. Words from other languages are read by French rules too,
 * so the alternatives cover the usual disagreements: final consonants spoken
 * (`Mashhad`) and `ch` as /k/ before e/i (`Fisichella`). The decoder picks
 * whichever fits the audio.
 */

const VOWELS = new Set([...'aàâäeéèêëiîïoôöuùûüyœæ']);
const FRONT = new Set([...'eéèêëiîïy']);
/** Consonants spoken at the end of a French word ("CaReFuL"); others are silent there. */
const SPOKEN_FINALS = new Set([...'crflkq']);

interface Options {
  /** Final d, t, s, x, z, p, g spoken, as in names from other languages. */
  finalConsonants: boolean;
  /** `ch` before e/i read /k/, as in Italian names. */
  hardCh: boolean;
  /** Final `-ent` spoken (/ɑ̃/) after a letter other than m: an adjective, not a verb. */
  spokenEnt: boolean;
}

/**
 * Pronunciations of one lower-case word, most likely first (at most three,
 * all different), each a space-separated string of fr-fr phones; empty when
 * the word has no letters.
 */
export function frenchPronunciations(word: string): string[] {
  const letters = word
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^a-zàâäçéèêëîïôöùûüÿœæ]/gu, '');
  if (letters.length === 0) return [];
  const results: string[] = [];
  const variants: Options[] = [
    { finalConsonants: false, hardCh: false, spokenEnt: false },
    { finalConsonants: false, hardCh: false, spokenEnt: true },
    { finalConsonants: true, hardCh: false, spokenEnt: true },
    { finalConsonants: false, hardCh: true, spokenEnt: false },
    { finalConsonants: true, hardCh: true, spokenEnt: true },
  ];
  for (const options of variants) {
    const phones = readFrench(letters, options);
    if (phones.length > 0 && !results.includes(phones) && results.length < 3) results.push(phones);
  }
  return results;
}

function readFrench(w: string, options: Options): string {
  const out: string[] = [];
  const at = (k: number): string => w[k] ?? '';
  const isVowel = (k: number): boolean => VOWELS.has(at(k));
  /** A nasal vowel spelled up to `end` (exclusive): no vowel and no n/m after it. */
  const nasalAt = (end: number): boolean => !isVowel(end) && at(end) !== 'n' && at(end) !== 'm';
  const startsAt = (k: number, text: string): boolean => w.startsWith(text, k);
  const hasVowelBefore = (k: number): boolean => [...w.slice(0, k)].some((c) => VOWELS.has(c));
  /** Silent word-final letters from `k` on (a final e, es, a silent consonant). */
  const silentTail = (k: number): boolean => {
    const tail = w.slice(k);
    if (!hasVowelBefore(k)) return false;
    if (tail === 'e' || tail === 'es') return true;
    return false;
  };
  let i = 0;
  const push = (phones: string, consumed: number): void => {
    if (phones.length > 0) out.push(...phones.split(' '));
    i += consumed;
  };
  while (i < w.length) {
    const c = at(i);
    const next = at(i + 1);
    const last = i === w.length - 1;
    if (silentTail(i)) break;
    // Vowel groups, longest first.
    if (startsAt(i, 'eau')) push('au', 3);
    else if (startsAt(i, 'aill')) push('aa yy', 4);
    else if (startsAt(i, 'ail') && i + 3 === w.length) push('aa yy', 3);
    else if (startsAt(i, 'eill')) push('ai yy', 4);
    else if (startsAt(i, 'eil') && i + 3 === w.length) push('ai yy', 3);
    else if (startsAt(i, 'euill') || startsAt(i, 'œill')) push('oe yy', startsAt(i, 'euill') ? 5 : 4);
    else if (startsAt(i, 'euil') && i + 4 === w.length) push('oe yy', 4);
    else if (startsAt(i, 'ouill')) push('ou yy', 5);
    else if ((startsAt(i, 'ain') || startsAt(i, 'aim') || startsAt(i, 'ein') || startsAt(i, 'eim')) && nasalAt(i + 3)) push('in', 3);
    else if (startsAt(i, 'oin') && nasalAt(i + 3)) push('ww in', 3);
    else if (startsAt(i, 'ien') && nasalAt(i + 3) && !(i + 3 === w.length - 1 && at(i + 3) === 't' && i > 0)) push(i > 0 && !isVowel(i - 1) ? 'yy in' : 'ii in', 3);
    else if (startsAt(i, 'aient') && i + 5 === w.length) push('ai', 5);
    else if (!options.spokenEnt && startsAt(i, 'ent') && i + 3 === w.length && i > 1 && at(i - 1) !== 'm' && hasVowelBefore(i)) break;
    else if (startsAt(i, 'ai') || startsAt(i, 'aî') || startsAt(i, 'ei') || startsAt(i, 'aî')) push(last ? 'ai' : i + 2 === w.length ? 'ei' : 'ai', 2);
    else if (startsAt(i, 'au')) push('au', 2);
    else if (startsAt(i, 'oi') || startsAt(i, 'oî')) push('ww aa', 2);
    else if (startsAt(i, 'oy') && isVowel(i + 2)) push('ww aa yy', 2);
    else if (startsAt(i, 'ou') || startsAt(i, 'où') || startsAt(i, 'oû')) push(isVowel(i + 2) ? 'ww' : 'ou', 2);
    else if (startsAt(i, 'eu') || startsAt(i, 'œu')) push(openEu(w, i + 2) ? 'oe' : 'eu', 2);
    else if ((c === 'a' || c === 'e') && (next === 'n' || next === 'm') && nasalAt(i + 2)) push('an', 2);
    else if ((c === 'i' || c === 'y') && (next === 'n' || next === 'm') && nasalAt(i + 2)) push('in', 2);
    else if (c === 'o' && (next === 'n' || next === 'm') && nasalAt(i + 2)) push('on', 2);
    else if (c === 'u' && (next === 'n' || next === 'm') && nasalAt(i + 2)) push('un', 2);
    else if (c === 'i' && startsAt(i + 1, 'll') && i > 0 && !isVowel(i - 1)) push('ii yy', 3);
    else if (c === 'é') push(i + 1 === w.length || w.slice(i + 1) === 'e' || w.slice(i + 1) === 'es' || w.slice(i + 1) === 's' ? 'ei' : 'ai', 1);
    else if (c === 'è' || c === 'ê' || c === 'ë') push('ai', 1);
    else if (c === 'e') push(readE(w, i), 1);
    else if (c === 'a' || c === 'à' || c === 'â' || c === 'ä') push('aa', 1);
    else if (c === 'o' || c === 'ö') push('oo', 1);
    else if (c === 'ô') push('au', 1);
    else if (c === 'œ' || c === 'æ') push(c === 'œ' ? 'oe' : 'ei', 1);
    else if (c === 'i' || c === 'î' || c === 'ï') push(isVowel(i + 1) && !silentTail(i + 1) ? (i > 1 && (at(i - 1) === 'r' || at(i - 1) === 'l') && !isVowel(i - 2) ? 'ii yy' : 'yy') : 'ii', 1);
    else if (c === 'y') push(isVowel(i + 1) ? (i > 0 && isVowel(i - 1) ? 'yy' : 'yy') : 'ii', 1);
    else if (c === 'u' || c === 'ù' || c === 'û' || c === 'ü') push(isVowel(i + 1) && at(i + 1) !== 'e' ? 'uy' : 'uu', 1);
    // Consonants.
    else if (startsAt(i, 'sch')) push('ch', 3);
    else if (c === 'c' && next === 'h') push(options.hardCh && FRONT.has(at(i + 2)) ? 'kk' : 'ch', 2);
    else if (c === 's' && next === 'h') push('ch', 2);
    else if (c === 'p' && next === 'h') push('ff', 2);
    else if (c === 't' && next === 'h') push(last ? '' : 'tt', 2);
    else if (c === 'g' && next === 'n') push('gn', 2);
    else if (c === 'q' && next === 'u') push('kk', 2);
    else if (c === 'q') push('kk', 1);
    else if (c === 'g' && next === 'u' && FRONT.has(at(i + 2))) push('gg', 2);
    else if (c === 'g' && next === 'e' && (at(i + 2) === 'a' || at(i + 2) === 'o' || at(i + 2) === 'u')) push('jj', 2);
    else if (c === 'c' && next === 'c' && FRONT.has(at(i + 2))) push('kk ss', 2);
    else if (c === 'c' && (next === 'c' || next === 'k')) push('kk', 2);
    else if (c === 'c') push(FRONT.has(next) ? 'ss' : 'kk', 1);
    else if (c === 'ç') push('ss', 1);
    else if (c === 'g') push(FRONT.has(next) ? 'jj' : last && !options.finalConsonants ? '' : 'gg', next === 'g' ? 2 : 1);
    else if (c === 't' && startsAt(i + 1, 'ion') && i > 0 && at(i - 1) !== 's') push('ss', 1);
    else if (c === 's' && next === 's') push('ss', 2);
    else if (c === 's') push(i > 0 && isVowel(i - 1) && isVowel(i + 1) ? 'zz' : finalSilent(w, i, options) ? '' : 'ss', 1);
    else if (c === 'x') push(finalSilent(w, i, options) ? '' : i === 0 ? 'gg zz' : 'kk ss', 1);
    else if (c === 'z') push(finalSilent(w, i, options) ? '' : 'zz', 1);
    else if (c === 'h') push('', 1);
    else if (c === 'j') push('jj', 1);
    else if (c === 'w') push('ww', 1);
    else if (c === 'k') push('kk', 1);
    else if (c === 'r') push(last && at(i - 1) === 'e' && w.length > 2 && !options.finalConsonants ? '' : 'rr', next === 'r' ? 2 : 1);
    else if ('bdfjlmnptv'.includes(c)) {
      const phone = `${c}${c}`;
      const skip = next === c ? 2 : 1;
      push(finalSilent(w, i, options) ? '' : phone, skip);
    } else push('', 1);
  }
  return out.join(' ');
}

/** `eu` before a spoken consonant is open (/œ/: `chercheur`, `peuvent`); final or before a silent letter closed (/ø/). */
function openEu(w: string, k: number): boolean {
  const a = w[k];
  if (a === undefined || VOWELS.has(a)) return false;
  const tail = w.slice(k);
  if (/^(x|s|t|d|ts|se|ses|z)$/u.test(tail)) return false;
  return true;
}

/** Whether the consonant at `k` is a silent word-final one (`-d`, `-ts`, `-ps`; not in `-CaReFuL`). */
function finalSilent(w: string, k: number, options: Options): boolean {
  if (options.finalConsonants) return false;
  const c = w[k] as string;
  if (SPOKEN_FINALS.has(c)) return false;
  const tail = w.slice(k);
  const end = tail === c || (tail.length === 2 && tail[1] === 's' && c !== 's');
  return end && k > 0;
}

/** An unaccented `e` at `k`: /e/ in final -er/-ez/-ed, /ɛ/ before two consonants or a final consonant, else /ə/. */
function readE(w: string, k: number): string {
  const rest = w.slice(k + 1);
  if (rest === 'r' || rest === 'z' || rest === 'd' || rest === 'rs') return 'ei';
  if (rest === 't' || rest === 'ts') return 'ai';
  if (k + 1 >= w.length) return k === 0 || w.length <= 2 ? 'ee' : '';
  const a = rest[0] as string;
  const b = rest[1] ?? '';
  if (a === 'x') return 'ai';
  if (!VOWELS.has(a) && b === '') return 'ai';
  if (!VOWELS.has(a) && !VOWELS.has(b) && !(b === 'r' || b === 'l' || b === 'h') && !(a === b && a !== 'l')) return 'ai';
  if (!VOWELS.has(a) && a === b) return 'ai';
  return 'ee';
}
