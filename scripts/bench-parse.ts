/**
 * How long importing a long Whisper transcript takes, against JSON.parse of the same text as the
 * in-run baseline. Generates a 3-hour file in memory (about 30,000 words in about 3,000 segments)
 * in the two shapes Whisper writes: the openai-whisper CLI's (`segments[].words[]` with
 * probability) and the API's verbose_json (unpunctuated top-level `words[]` that the importer
 * matches back to the segment text).
 *
 *   npm run bench:parse [-- --runs 15 --warmup 3]
 */
import { parseWhisperJson } from '../src/transcript/formats/whisper-json.ts';
import { speechTurns } from '../src/transcript/model.ts';

const HOURS = 3;
const WORDS_PER_SEGMENT = 10;
const SEGMENTS = 3000;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? NaN : Number(process.argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** Deterministic so every run measures the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

const VOCABULARY = (
  'the of and to a in that is was he for it with as his on be at by had not are but from or have an they which ' +
  'one you were her all she there would their we him been has when who will more no if out so said what up its ' +
  'about into than them can only other new some could time these two may then do first any my now such like our ' +
  'over man me even most made after also did many before must through back years where much your way well down ' +
  'tide pools ocean coast stars surprising counting honestly recovery measured season'
).split(' ');

interface Shapes {
  cli: string;
  api: string;
  words: number;
}

function generate(): Shapes {
  const next = random(42);
  const duration = HOURS * 3600;
  const segmentSpan = duration / SEGMENTS;
  const cliSegments: unknown[] = [];
  const apiSegments: unknown[] = [];
  const apiWords: unknown[] = [];
  const texts: string[] = [];
  let words = 0;
  for (let s = 0; s < SEGMENTS; s += 1) {
    const start = s * segmentSpan;
    const tokens: string[] = [];
    const timed: { word: string; start: number; end: number; probability: number }[] = [];
    const step = (segmentSpan * 0.9) / WORDS_PER_SEGMENT;
    for (let w = 0; w < WORDS_PER_SEGMENT; w += 1) {
      const bare = VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? 'word';
      const written = (w === 0 ? bare[0]?.toUpperCase() + bare.slice(1) : bare) + (w === WORDS_PER_SEGMENT - 1 ? '.' : next() < 0.08 ? ',' : '');
      const wordStart = Math.round((start + w * step) * 100) / 100;
      const wordEnd = Math.round((start + (w + 0.8) * step) * 100) / 100;
      tokens.push(written);
      timed.push({ word: ` ${written}`, start: wordStart, end: wordEnd, probability: Math.round((0.6 + next() * 0.4) * 1000) / 1000 });
      apiWords.push({ word: bare, start: wordStart, end: wordEnd });
      words += 1;
    }
    const text = ` ${tokens.join(' ')}`;
    texts.push(text);
    const end = Math.round((start + segmentSpan * 0.95) * 100) / 100;
    const common = {
      id: s,
      seek: Math.floor(start / 30) * 3000,
      start: Math.round(start * 100) / 100,
      end,
      text,
      tokens: Array.from({ length: WORDS_PER_SEGMENT + 2 }, () => Math.floor(next() * 50000)),
      temperature: 0,
      avg_logprob: -0.2,
      compression_ratio: 1.4,
      no_speech_prob: 0.01,
    };
    cliSegments.push({ ...common, words: timed });
    apiSegments.push(common);
  }
  const text = texts.join('');
  return {
    cli: JSON.stringify({ text, segments: cliSegments, language: 'en' }),
    api: JSON.stringify({ task: 'transcribe', language: 'english', duration, text, segments: apiSegments, words: apiWords }),
    words,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface Timing {
  median: number;
  min: number;
  max: number;
}

function time(run: () => unknown, warmup: number, runs: number): Timing {
  for (let i = 0; i < warmup; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const begin = performance.now();
    run();
    samples.push(performance.now() - begin);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

function main(): void {
  const runs = argument('runs', 15);
  const warmup = argument('warmup', 3);
  const shapes = generate();

  // Check once that the importer really read everything, so the timing is of the full job.
  for (const [name, text] of [
    ['cli', shapes.cli],
    ['api', shapes.api],
  ] as const) {
    const result = parseWhisperJson(text);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    const turns = speechTurns(result.transcript);
    const words = turns.reduce((sum, turn) => sum + turn.words.length, 0);
    const punctuated = turns[0]?.words.at(-1)?.text.endsWith('.') ?? false;
    if (turns.length !== SEGMENTS || words !== shapes.words || !punctuated) {
      throw new Error(`${name}: read ${turns.length} turns / ${words} words, expected ${SEGMENTS} / ${shapes.words}`);
    }
  }

  const rows: { label: string; bytes: number; timing: Timing; baseline?: Timing }[] = [];
  for (const [label, text] of [
    ['CLI shape (segments[].words[])', shapes.cli],
    ['API shape (top-level words[])', shapes.api],
  ] as const) {
    const baseline = time(() => JSON.parse(text), warmup, runs);
    rows.push({ label: `JSON.parse, ${label}`, bytes: text.length, timing: baseline });
    rows.push({ label: `parseWhisperJson, ${label}`, bytes: text.length, timing: time(() => parseWhisperJson(text), warmup, runs), baseline });
  }

  const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
  const ms = (value: number): string => value.toFixed(1).padStart(8);
  console.log(`Whisper JSON import, ${HOURS} h, ${shapes.words} words in ${SEGMENTS} segments; median of ${runs} runs after ${warmup} warm-up`);
  console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log(`${'case'.padEnd(52)} ${'MB'.padStart(6)} ${'median ms'.padStart(10)} ${'min'.padStart(8)} ${'max'.padStart(8)}  x JSON.parse`);
  for (const row of rows) {
    const ratio = row.baseline ? `${(row.timing.median / row.baseline.median).toFixed(2)}x` : '1.00x';
    console.log(
      `${row.label.padEnd(52)} ${mb(row.bytes).padStart(6)} ${ms(row.timing.median).padStart(10)} ${ms(row.timing.min)} ${ms(row.timing.max)}  ${ratio.padStart(6)}`,
    );
  }
}

main();
