/**
 * `npx tsx scripts/bench-language-detect.ts`
 *
 * Accuracy of detectLanguage on (1) up to 40 translated sentences of at least
 * 60 characters per language, taken from the Debian system's coreutils
 * message catalogues (/usr/share/locale/LANG/LC_MESSAGES/coreutils.mo, read
 * with msgunfmt; placeholders and option names removed), (2) the LibriVox,
 * real-dev and seed transcripts whole, and (3) their first two lines only.
 * Prints right/total per set and the languages that were missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectLanguage } from '../src/transcript/detect-language.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LANGUAGES = 'de es fr it pt nl sv da nb fi pl cs sk hu ro tr ru uk bg ca hr sl et lt vi id ja zh_CN ko eu sr'.split(' ');
/** Answers that count as right: Norwegian Bokmål is `no` in eld, Serbian catalogues are partly Latin-script. */
const SAME: Record<string, string[]> = { nb: ['no'], sr: ['hr', 'bs'], zh_CN: ['zh'] };

/** Deterministic shuffle (mulberry32) so every run measures the same sentences. */
function shuffled<T>(items: T[], seed = 1): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function catalogueSentences(language: string): string[] {
  const file = `/usr/share/locale/${language}/LC_MESSAGES/coreutils.mo`;
  if (!existsSync(file)) return [];
  const po = spawnSync('msgunfmt', [file], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout ?? '';
  const sentences: string[] = [];
  for (const match of po.matchAll(/msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)/gu)) {
    const joined = [...(match[1] as string).matchAll(/"((?:[^"\\]|\\.)*)"/gu)].map((part) => part[1]).join('');
    const text = joined
      .replace(/\\[nt]/gu, ' ')
      .replace(/\\"/gu, '"')
      .replace(/%[-0-9.*]*[a-zA-Z]+|'[^']*'|--?[a-zA-Z][\w-]*|\b[A-Z_]{2,}\b|\[[^\]]*\]/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
    if (text.length >= 60) sentences.push(text);
  }
  return shuffled(sentences).slice(0, 40);
}

const texts: [string, string][] = [];
const LIBRIVOX = '/work/shared/media/librivox';
const REAL = '/work/shared/media/real-dev';
for (const [language, file] of [
  ['de', `${LIBRIVOX}/de.txt`],
  ['es', `${LIBRIVOX}/es.txt`],
  ['en', `${LIBRIVOX}/sonnet002.txt`],
  ['en', `${LIBRIVOX}/sonnet003.txt`],
  ['sv', `${REAL}/sv-nst-read/transcript.txt`],
  ['fr', `${REAL}/fr-fleurs-read-5speakers/transcript.txt`],
  ['en', `${REAL}/en-fleurs-read-5speakers/transcript.txt`],
  ['en', `${REAL}/en-jfk-inaugural-1961/transcript.txt`],
  ['en', `${REAL}/en-praat-lab-sentences/transcript.txt`],
  ['en', `${REAL}/en-librivox-austen-verbatim/transcript.txt`],
  ['en', join(ROOT, 'public/demo/seed.txt')],
] as const) {
  if (existsSync(file)) texts.push([language, readFileSync(file, 'utf8')]);
}

const sets: Record<string, { right: number; total: number; missed: string[] }> = {};
function check(set: string, want: string, text: string): void {
  const got = detectLanguage(text)?.language ?? '(none)';
  const entry = (sets[set] ??= { right: 0, total: 0, missed: [] });
  entry.total += 1;
  if (got === want || SAME[want]?.includes(got)) entry.right += 1;
  else entry.missed.push(`${want}→${got}`);
}

const started = performance.now();
for (const language of LANGUAGES) for (const sentence of catalogueSentences(language)) check(`catalogue sentences (${LANGUAGES.length} languages)`, language, sentence);
for (const [language, text] of texts) check('transcripts, whole', language, text);
for (const [language, text] of texts) check('transcripts, first two lines', language, text.split('\n').filter((line) => line.trim()).slice(0, 2).join(' '));
const seconds = (performance.now() - started) / 1000;

for (const [set, { right, total, missed }] of Object.entries(sets)) {
  const counts = new Map<string, number>();
  for (const miss of missed) counts.set(miss, (counts.get(miss) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([miss, n]) => `${miss}×${n}`);
  console.log(`${set}: ${right}/${total} right (${((100 * right) / total).toFixed(1)} %)${top.length ? `; missed: ${top.join(' ')}` : ''}`);
}
console.log(`time: ${seconds.toFixed(2)} s (machine shared)`);
