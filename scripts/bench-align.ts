/**
 * `npm run bench:align [-- --real] [--media DIR] [--json FILE] [--data DIR] [--case NAME]...
 *   [--no-synthetic] [--no-librivox] [--no-demo]`
 *
 * Runs the aligner and the syllable-proportional baseline (estimateTimings
 * over the same audio duration) on every case of the synthetic benchmark
 * (`npm run bench:data`, default /tmp/verbatim-bench-data), on the voiced demo
 * (public/demo) and on the LibriVox recordings in MEDIA/librivox, and prints a
 * table; `--json FILE` writes the figures as JSON. `--real` adds the real
 * recordings of MEDIA/real-dev and the scenarios mixed from them
 * (bench-align-real.ts). MEDIA is `--media`, else $VERBATIM_MEDIA, else
 * `../shared/media` next to the repository.
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
import { type Figures, figures, quantile, round, startErrors, swallowedWords } from './bench-align-figures.ts';
import { buildRealCases } from './bench-align-real.ts';
import { createNodeEngine } from '../src/align/node-engine.ts';
import { estimateTimings } from '../src/transcript/estimate-times.ts';
import { type Entry, type SpeechTurn, type Transcript, speechTurns, wordsFromText } from '../src/transcript/model.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared media directory: real recordings for benchmarks, never for tests or the repo. */
function defaultMedia(): string {
  const candidates = [process.env['VERBATIM_MEDIA'], resolve(ROOT, '../shared/media'), resolve(ROOT, '../../shared/media')];
  return candidates.find((dir): dir is string => dir !== undefined && existsSync(dir)) ?? resolve(ROOT, '../shared/media');
}

interface CaseSpec {
  kind: 'synthetic' | 'demo' | 'librivox' | 'real';
  name: string;
  audio: string;
  /** Transcript text file (synthetic, librivox). */
  transcript?: string;
  /** Verbatim JSON ground truth (synthetic, demo); `{ truth, untranscribed }` JSON (real). */
  truth?: string;
  language: string;
  /** Untranscribed stretches (music, station breaks), seconds. */
  untranscribed?: { what: string; start: number; end: number }[];
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
  /** Seconds from spawning the case's process to its result: start-up, decoding, model loading, aligning. */
  wallSec?: number;
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
  } else if (spec.kind === 'real') {
    const file = JSON.parse(readFileSync(spec.truth as string, 'utf8')) as { truth: Transcript; untranscribed: CaseSpec['untranscribed'] };
    truth = file.truth;
    spec.untranscribed = file.untranscribed;
    input = untimed(truth);
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

interface Selection {
  dataDir: string;
  media: string;
  synthetic: boolean;
  demo: boolean;
  librivox: boolean;
  real: boolean;
}

async function caseList(selection: Selection): Promise<CaseSpec[]> {
  const { dataDir, media } = selection;
  const cases: CaseSpec[] = [];
  if (selection.synthetic) {
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
  }
  const demoAudio = join(ROOT, 'public/demo/seed.opus');
  const demoTruth = join(ROOT, 'public/demo/seed.verbatim.json');
  if (selection.demo && existsSync(demoAudio) && existsSync(demoTruth)) {
    cases.push({ kind: 'demo', name: 'demo-seed', audio: demoAudio, truth: demoTruth, language: 'en' });
  }
  if (selection.real) {
    const built = await buildRealCases(media, join(dataDir, 'real'));
    if (built.length === 0) console.error(`no real recordings in ${join(media, 'real-dev')} (set --media DIR)`);
    for (const item of built) cases.push({ kind: 'real', name: item.name, audio: item.audio, truth: item.truth, language: item.language });
  }
  const librivox = join(media, 'librivox');
  if (selection.librivox && existsSync(librivox)) {
    for (const file of readdirSync(librivox).filter((name) => name.endsWith('.mp3')).sort()) {
      const stem = file.slice(0, -4);
      const text = join(librivox, `${stem}.txt`);
      if (!existsSync(text)) continue;
      const language = /^(de|es|fr)$/u.test(stem) ? stem : 'en';
      cases.push({ kind: 'librivox', name: `librivox-${stem}`, audio: join(librivox, file), transcript: text, language });
    }
  }
  return cases;
}

function runChild(spec: CaseSpec): Promise<CaseResult> {
  const started = performance.now();
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
      else resolvePromise({ ...(JSON.parse(line) as CaseResult), wallSec: (performance.now() - started) / 1000 });
    });
  });
}

function cell(value: number | null | undefined, width: number, suffix = ''): string {
  return (value === null || value === undefined ? '–' : `${value}${suffix}`).padStart(width);
}

function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}

function row(label: string, f: Figures, wall?: number): string {
  return [
    label.padEnd(34),
    cell(f.turnMedianMs, 6),
    cell(f.turnP90Ms, 6),
    cell(f.turnMaxMs, 6),
    cell(f.turnsOver500, 5),
    cell(f.wordMedianMs, 6),
    cell(f.wordP90Ms, 6),
    cell(percent(f.wordWithin50), 5, '%'),
    cell(percent(f.within100), 5, '%'),
    cell(f.xRealtime, 7, '×'),
    cell(wall === undefined ? null : round(wall, 1), 7, '×'),
    cell(f.peakMB, 5),
  ].join(' ');
}

const USAGE = 'usage: npm run bench:align -- [--real] [--media DIR] [--json FILE] [--data DIR] [--case NAME]... [--no-synthetic] [--no-demo] [--no-librivox]';

async function main(args: string[]): Promise<void> {
  if (args[0] === '--child') {
    const result = await runCase(JSON.parse(args[1] as string) as CaseSpec);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  let jsonFile: string | undefined;
  const selection: Selection = { dataDir: '/tmp/verbatim-bench-data', media: defaultMedia(), synthetic: true, demo: true, librivox: true, real: false };
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json' && args[i + 1]) jsonFile = resolve(args[++i] as string);
    else if (arg === '--data' && args[i + 1]) selection.dataDir = resolve(args[++i] as string);
    else if (arg === '--media' && args[i + 1]) selection.media = resolve(args[++i] as string);
    else if (arg === '--case' && args[i + 1]) only.push(args[++i] as string);
    else if (arg === '--real') selection.real = true;
    else if (arg === '--no-synthetic') selection.synthetic = false;
    else if (arg === '--no-demo') selection.demo = false;
    else if (arg === '--no-librivox') selection.librivox = false;
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  const { dataDir } = selection;
  if (selection.synthetic && !existsSync(join(dataDir, 'manifest.json'))) {
    console.error(`no benchmark data in ${dataDir}; generating it with npm run bench:data (takes a few minutes)…`);
    const made = spawnSync('npm', ['run', 'bench:data', '--', '--out', dataDir], { cwd: ROOT, stdio: 'inherit' });
    if (made.status !== 0 || !existsSync(join(dataDir, 'manifest.json'))) {
      console.error(`could not generate the data; run "npm run bench:data -- --out ${dataDir}" yourself, then try again`);
      process.exit(1);
    }
  }
  const cases = (await caseList(selection)).filter((spec) => only.length === 0 || only.includes(spec.name));
  console.log(`${'case'.padEnd(34)} ${'turn start error ms'.padStart(20)} ${'>0.5s'.padStart(5)} ${'word start ms'.padStart(13)} ${'≤50ms'.padStart(6)} ${'turns'.padStart(5)} ${'speed'.padStart(7)} ${'wall'.padStart(7)} ${'MB'.padStart(5)}`);
  console.log(`${''.padEnd(34)} ${'median'.padStart(6)} ${'p90'.padStart(6)} ${'max'.padStart(6)} ${''.padStart(5)} ${'median'.padStart(6)} ${'p90'.padStart(6)} ${'words'.padStart(6)} ${'≤0.1s'.padStart(5)}`);
  const results: CaseResult[] = [];
  for (const spec of cases) {
    let result: CaseResult;
    try {
      result = await runChild(spec);
    } catch (error) {
      console.log(`${spec.name.padEnd(34)} FAILED: ${(error as Error).message}`);
      continue;
    }
    results.push(result);
    console.log(row(`${result.name} (${Math.round(result.durationSec)} s)`, result, result.wallSec === undefined ? undefined : result.durationSec / result.wallSec));
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
  console.log('speed: audio seconds per second of alignTranscript; wall: per second from spawning the case process to its result (start-up, decoding, model loading included).');
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify({ cases: results }, null, 2)}\n`);
    console.log(`wrote ${jsonFile}`);
  }
}

await main(process.argv.slice(2));
