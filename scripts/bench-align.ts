/**
 * `npm run bench:align [-- --json FILE] [--data DIR] [--case NAME]... [--no-librivox] [--no-demo]`
 *
 * Runs the aligner and the syllable-proportional baseline (estimateTimings
 * over the same audio duration) on every case of the synthetic benchmark
 * (`npm run bench:data`, default /tmp/verbatim-bench-data), on the voiced demo
 * (public/demo) and on the LibriVox recordings in /work/shared/media/librivox,
 * and prints a table; `--json FILE` writes the figures as JSON.
 *
 * Each case runs in a child process so that its peak memory (maxRSS) is its own.
 * Errors are absolute differences of start times against ground truth, in ms.
 * LibriVox has no word-level truth: there we count how many line starts fall in
 * the pause before the line (between the previous line's last word and the
 * onset of the line's sound, found from the signal's energy).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAudioFile } from '../cli/decode-audio.ts';
import { alignTranscript } from '../src/align/align-transcript.ts';
import { findPauses, type Pause } from '../src/align/find-pauses.ts';
import { createNodeEngine } from '../src/align/node-engine.ts';
import { estimateTimings } from '../src/transcript/estimate-times.ts';
import { type Entry, type SpeechTurn, type Transcript, speechTurns, wordsFromText } from '../src/transcript/model.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIBRIVOX = '/work/shared/media/librivox';

interface CaseSpec {
  kind: 'synthetic' | 'demo' | 'librivox';
  name: string;
  audio: string;
  /** Transcript text file (synthetic, librivox). */
  transcript?: string;
  /** Verbatim JSON ground truth (synthetic, demo). */
  truth?: string;
  language: string;
  /** Untranscribed stretches (music, station breaks), seconds. */
  untranscribed?: { what: string; start: number; end: number }[];
}

/** The figures the issue asks for, for one method on one case. */
interface Figures {
  turnMedianMs: number | null;
  turnP90Ms: number | null;
  turnMaxMs: number | null;
  wordMedianMs: number | null;
  wordP90Ms: number | null;
  within100: number | null;
  within250: number | null;
  xRealtime: number;
  peakMB: number;
}

interface CaseResult extends Figures {
  name: string;
  durationSec: number;
  baseline: Figures;
  /** Extra diagnostics. */
  notes: string[];
  warnings: string[];
  estimated: boolean;
  lowConfidence: number;
  /** Audio seconds per second of CPU time of the aligning process (less sensitive to a busy machine than xRealtime). */
  cpuXRealtime?: number;
  /** Words placed mostly inside an untranscribed stretch (should be 0). */
  swallowedWords?: number;
  eventMedianMs?: number | null;
  /** LibriVox: line starts inside the pause before the line / lines measured. */
  linesInPause?: number;
  linesMeasured?: number;
  baselineLinesInPause?: number;
}

// ---------------------------------------------------------------- statistics

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

function round(value: number | null, digits = 0): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function share(errors: number[], limitMs: number): number | null {
  if (errors.length === 0) return null;
  return round(errors.filter((error) => error <= limitMs).length / errors.length, 3);
}

interface Errors {
  turns: number[];
  words: number[];
  events: number[];
  mismatched: number;
}

/** Start-time errors (ms) of `result` against `truth`, turn by turn and word by word in order. */
function startErrors(result: Transcript, truth: Transcript): Errors {
  const errors: Errors = { turns: [], words: [], events: [], mismatched: 0 };
  const got = speechTurns(result);
  const want = speechTurns(truth);
  if (got.length !== want.length) errors.mismatched += Math.abs(got.length - want.length);
  for (let i = 0; i < Math.min(got.length, want.length); i++) {
    const a = got[i] as SpeechTurn;
    const b = want[i] as SpeechTurn;
    if (a.start !== undefined && b.start !== undefined) errors.turns.push(Math.abs(a.start - b.start) * 1000);
    if (a.words.length !== b.words.length) {
      errors.mismatched += 1;
      continue;
    }
    a.words.forEach((word, j) => {
      const reference = b.words[j];
      if (word.start !== undefined && reference?.start !== undefined) errors.words.push(Math.abs(word.start - reference.start) * 1000);
    });
  }
  const gotEvents = result.entries.filter((entry) => entry.kind === 'event');
  const wantEvents = truth.entries.filter((entry) => entry.kind === 'event');
  gotEvents.forEach((event, i) => {
    const reference = wantEvents[i];
    if (event.start !== undefined && reference?.start !== undefined) errors.events.push(Math.abs(event.start - reference.start) * 1000);
  });
  return errors;
}

function figures(errors: Errors, xRealtime: number, peakMB: number): Figures {
  const turns = [...errors.turns].sort((a, b) => a - b);
  const words = [...errors.words].sort((a, b) => a - b);
  return {
    turnMedianMs: round(quantile(turns, 0.5)),
    turnP90Ms: round(quantile(turns, 0.9)),
    turnMaxMs: round(turns.at(-1) ?? null),
    wordMedianMs: round(quantile(words, 0.5)),
    wordP90Ms: round(quantile(words, 0.9)),
    within100: share(turns, 100),
    within250: share(turns, 250),
    xRealtime: round(xRealtime, 1) ?? 0,
    peakMB: round(peakMB) ?? 0,
  };
}

/** Words whose aligned span lies mostly inside an untranscribed stretch. */
function swallowedWords(result: Transcript, stretches: { start: number; end: number }[]): number {
  let count = 0;
  for (const turn of speechTurns(result)) {
    for (const word of turn.words) {
      if (word.start === undefined || word.end === undefined || word.end <= word.start) continue;
      const inside = stretches.reduce((sum, s) => sum + Math.max(0, Math.min(word.end as number, s.end) - Math.max(word.start as number, s.start)), 0);
      if (inside > 0.5 * (word.end - word.start)) count += 1;
    }
  }
  return count;
}

// ---------------------------------------------------------------- transcripts

function untimed(transcript: Transcript): Transcript {
  const entries = transcript.entries.map((entry): Entry => {
    if (entry.kind === 'event') return { kind: 'event', text: entry.text };
    return { kind: 'speech', speakerId: entry.speakerId, words: entry.words.map((word) => ({ text: word.text })) };
  });
  return { speakers: transcript.speakers, entries, ...(transcript.language ? { language: transcript.language } : {}) };
}

function readVerbatim(path: string): Transcript {
  const parsed = readTranscript(readFileSync(path, 'utf8'), { fileName: basename(path) });
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.transcript;
}

/** A LibriVox text: every non-empty line a speech turn, as the reader reads it line by line. */
function linesTranscript(text: string, language: string): Transcript {
  const entries: Entry[] = text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ kind: 'speech', speakerId: null, words: wordsFromText(line) }));
  return { speakers: [], entries, language };
}

// ---------------------------------------------------------------- LibriVox pause check

/**
 * For every line after the first: the pause that ends where the line's
 * sound begins is the last pause that starts before the line's aligned
 * start plus a tolerance; the line start "falls in the pause" when it lies
 * between the previous line's last word end (or the pause start) and that
 * onset, with 50 ms of slack for the 10 ms frame grid and the energy window.
 */
function linesInPause(result: Transcript, pauses: readonly Pause[]): { inPause: number; measured: number } {
  const turns = speechTurns(result);
  let inPause = 0;
  let measured = 0;
  const slack = 0.05;
  for (let i = 1; i < turns.length; i++) {
    const turn = turns[i] as SpeechTurn;
    const previous = turns[i - 1] as SpeechTurn;
    if (turn.start === undefined || previous.end === undefined) continue;
    // The pause between the two lines: the longest pause overlapping [previous end - 1 s, line start + 1 s].
    const candidates = pauses.filter(([start, end]) => end > previous.end! - 1 && start < turn.start! + 1);
    const pause = candidates.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
    if (!pause) continue;
    measured += 1;
    const lower = Math.min(previous.end, pause[0]) - slack;
    if (turn.start >= lower && turn.start <= pause[1] + slack) inPause += 1;
  }
  return { inPause, measured };
}

// ---------------------------------------------------------------- child: one case

async function runCase(spec: CaseSpec): Promise<CaseResult> {
  const notes: string[] = [];
  const audio = await decodeAudioFile(spec.audio);
  const duration = audio.samples.length / audio.sampleRate;
  let truth: Transcript | undefined;
  let input: Transcript;
  if (spec.kind === 'librivox') {
    input = linesTranscript(readFileSync(spec.transcript as string, 'utf8'), spec.language);
  } else if (spec.kind === 'demo') {
    truth = readVerbatim(spec.truth as string);
    input = untimed(truth);
  } else {
    truth = readVerbatim(spec.truth as string);
    const parsed = readTranscript(readFileSync(spec.transcript as string, 'utf8'), { fileName: basename(spec.transcript as string) });
    if (!parsed.ok) throw new Error(`${spec.transcript}: ${parsed.error.message}`);
    input = parsed.transcript;
  }

  const baselineStarted = performance.now();
  const baseline = estimateTimings(input, duration);
  const baselineSeconds = Math.max(1e-6, (performance.now() - baselineStarted) / 1000);
  const baselinePeak = process.resourceUsage().maxRSS / 1024;

  const engine = createNodeEngine();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const outcome = await alignTranscript(audio, input, { engine, language: spec.language });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peak = process.resourceUsage().maxRSS / 1024;

  const result: CaseResult = {
    name: spec.name,
    durationSec: round(duration, 1) ?? 0,
    ...figures({ turns: [], words: [], events: [], mismatched: 0 }, duration / seconds, peak),
    baseline: figures({ turns: [], words: [], events: [], mismatched: 0 }, duration / baselineSeconds, baselinePeak),
    notes,
    warnings: outcome.warnings,
    estimated: outcome.estimated,
    lowConfidence: outcome.lowConfidence.length,
    cpuXRealtime: round(duration / cpuSeconds, 1) ?? 0,
  };
  if (truth) {
    const errors = startErrors(outcome.transcript, truth);
    const baseErrors = startErrors(baseline, truth);
    Object.assign(result, figures(errors, duration / seconds, peak));
    result.baseline = figures(baseErrors, duration / baselineSeconds, baselinePeak);
    result.eventMedianMs = round(quantile([...errors.events].sort((a, b) => a - b), 0.5));
    if (errors.mismatched > 0) notes.push(`${errors.mismatched} turn(s) did not match the truth's structure`);
    if (spec.untranscribed && spec.untranscribed.length > 0) result.swallowedWords = swallowedWords(outcome.transcript, spec.untranscribed);
  } else {
    const pauses = findPauses(audio.samples, audio.sampleRate);
    const aligned = linesInPause(outcome.transcript, pauses);
    const base = linesInPause(baseline, pauses);
    result.linesInPause = aligned.inPause;
    result.linesMeasured = aligned.measured;
    result.baselineLinesInPause = base.inPause;
  }
  return result;
}

// ---------------------------------------------------------------- parent

function caseList(dataDir: string, withDemo: boolean, withLibrivox: boolean): CaseSpec[] {
  const cases: CaseSpec[] = [];
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as {
    cases: { name: string; audio: string; transcript: string; truth: string; untranscribed?: CaseSpec['untranscribed']; language?: string }[];
  };
  for (const item of manifest.cases) {
    cases.push({
      kind: 'synthetic',
      name: item.name,
      audio: join(dataDir, item.audio),
      transcript: join(dataDir, item.transcript),
      truth: join(dataDir, item.truth),
      language: item.language ?? 'en',
      untranscribed: item.untranscribed ?? [],
    });
  }
  const demoAudio = join(ROOT, 'public/demo/seed.opus');
  const demoTruth = join(ROOT, 'public/demo/seed.verbatim.json');
  if (withDemo && existsSync(demoAudio) && existsSync(demoTruth)) {
    cases.push({ kind: 'demo', name: 'demo-seed', audio: demoAudio, truth: demoTruth, language: 'en' });
  }
  if (withLibrivox && existsSync(LIBRIVOX)) {
    for (const file of readdirSync(LIBRIVOX).filter((name) => name.endsWith('.mp3')).sort()) {
      const stem = file.slice(0, -4);
      const text = join(LIBRIVOX, `${stem}.txt`);
      if (!existsSync(text)) continue;
      const language = /^(de|es|fr)$/u.test(stem) ? stem : 'en';
      cases.push({ kind: 'librivox', name: `librivox-${stem}`, audio: join(LIBRIVOX, file), transcript: text, language });
    }
  }
  return cases;
}

function runChild(spec: CaseSpec): Promise<CaseResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`case ${spec.name} failed (exit ${code})`));
      else resolvePromise(JSON.parse(line) as CaseResult);
    });
  });
}

function cell(value: number | null | undefined, width: number, suffix = ''): string {
  return (value === null || value === undefined ? '–' : `${value}${suffix}`).padStart(width);
}

function row(label: string, f: Figures): string {
  return [
    label.padEnd(28),
    cell(f.turnMedianMs, 7),
    cell(f.turnP90Ms, 7),
    cell(f.turnMaxMs, 7),
    cell(f.wordMedianMs, 7),
    cell(f.wordP90Ms, 7),
    cell(f.within100 === null ? null : Math.round(f.within100 * 100), 6, '%'),
    cell(f.within250 === null ? null : Math.round(f.within250 * 100), 6, '%'),
    cell(f.xRealtime, 8, '×'),
    cell(f.peakMB, 6),
  ].join(' ');
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--child') {
    const result = await runCase(JSON.parse(args[1] as string) as CaseSpec);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  let jsonFile: string | undefined;
  let dataDir = '/tmp/verbatim-bench-data';
  let withDemo = true;
  let withLibrivox = true;
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json' && args[i + 1]) jsonFile = resolve(args[++i] as string);
    else if (arg === '--data' && args[i + 1]) dataDir = resolve(args[++i] as string);
    else if (arg === '--case' && args[i + 1]) only.push(args[++i] as string);
    else if (arg === '--no-demo') withDemo = false;
    else if (arg === '--no-librivox') withLibrivox = false;
    else {
      console.error('usage: npm run bench:align -- [--json FILE] [--data DIR] [--case NAME]... [--no-demo] [--no-librivox]');
      process.exit(2);
    }
  }
  if (!existsSync(join(dataDir, 'manifest.json'))) {
    console.error(`no benchmark data in ${dataDir}; generating it with npm run bench:data (takes a few minutes)…`);
    const made = spawnSync('npm', ['run', 'bench:data', '--', '--out', dataDir], { cwd: ROOT, stdio: 'inherit' });
    if (made.status !== 0 || !existsSync(join(dataDir, 'manifest.json'))) {
      console.error(`could not generate the data; run "npm run bench:data -- --out ${dataDir}" yourself, then try again`);
      process.exit(1);
    }
  }
  const cases = caseList(dataDir, withDemo, withLibrivox).filter((spec) => only.length === 0 || only.includes(spec.name));
  console.log(`${'case'.padEnd(28)} ${'turn start error ms'.padStart(23)} ${'word ms'.padStart(15)} ${'turns within'.padStart(13)} ${'speed'.padStart(8)} ${'MB'.padStart(6)}`);
  console.log(`${''.padEnd(28)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'max'.padStart(7)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'100ms'.padStart(6)} ${'250ms'.padStart(6)}`);
  const results: CaseResult[] = [];
  for (const spec of cases) {
    let result: CaseResult;
    try {
      result = await runChild(spec);
    } catch (error) {
      console.log(`${spec.name.padEnd(28)} FAILED: ${(error as Error).message}`);
      continue;
    }
    results.push(result);
    console.log(row(`${result.name} (${Math.round(result.durationSec)} s)`, result));
    console.log(row('  baseline', result.baseline));
    const extras: string[] = [];
    if (result.cpuXRealtime !== undefined) extras.push(`speed by CPU time: ${result.cpuXRealtime}× real time`);
    if (result.estimated) extras.push('no acoustic model: estimated timings');
    if (result.swallowedWords !== undefined) extras.push(`words inside untranscribed audio: ${result.swallowedWords}`);
    if (result.eventMedianMs !== undefined && result.eventMedianMs !== null) extras.push(`event start median ${result.eventMedianMs} ms`);
    if (result.linesMeasured !== undefined) {
      extras.push(`line starts in the pause before the line: ${result.linesInPause}/${result.linesMeasured} (baseline ${result.baselineLinesInPause}/${result.linesMeasured})`);
    }
    if (result.lowConfidence > 0) extras.push(`low-confidence turns: ${result.lowConfidence}`);
    extras.push(...result.notes, ...result.warnings.map((warning) => `warning: ${warning}`));
    for (const extra of extras) console.log(`    ${extra}`);
  }
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify({ cases: results }, null, 2)}\n`);
    console.log(`wrote ${jsonFile}`);
  }
}

await main(process.argv.slice(2));
