/**
 * Scale fixtures for `npm run bench:ui`: 5-minute, 1-hour and 3-hour conversations
 * with word times, a quiet-tone MP3 of the same length and its waveform peaks.
 *
 *   npx tsx scripts/scale-fixtures.ts [--out DIR]      (default bench-data/scale, gitignored)
 *
 * Transcripts are deterministic (same seed, same file). Turn lengths follow a
 * conversation rather than a metronome: many one- to four-word replies, most turns
 * of five to twenty words, a few monologues of forty or more. Four speakers; the
 * host speaks about a quarter of the turns (≈ 700 at 3 hours), so "rename a speaker"
 * touches that many rows. Audio (ffmpeg: a 220 Hz tone at -30 dB, 16 kHz mono
 * 24 kbit/s) and peaks (cli/peaks.ts's decoder) are made on first use and cached
 * next to the transcripts; nothing here is committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { computePeaks, DEFAULT_PIXELS_PER_SECOND, peaksJson } from '../cli/peaks.ts';
import type { SpeechTurn, Transcript, Word } from '../src/transcript/model.ts';
import { random } from './bench-editor.ts';

export interface ScaleSize {
  /** The JSON key of this size in bench:ui's output. */
  key: '5m' | '1h' | '3h';
  turns: number;
  words: number;
}

export const SCALE_SIZES: readonly ScaleSize[] = [
  { key: '5m', turns: 84, words: 840 },
  { key: '1h', turns: 1000, words: 10_000 },
  { key: '3h', turns: 3000, words: 30_000 },
];

export interface ScaleFixture {
  size: ScaleSize;
  transcriptPath: string;
  audioPath: string;
  peaksPath: string;
  /** Seconds of audio (the last word's end plus one second). */
  duration: number;
  transcript: Transcript;
}

/** Running prose, so words have natural lengths and "the" is the most common word (≈ 11%). */
const PROSE = `so the question we kept coming back to was whether the town could afford to rebuild the bridge before the
winter and honestly nobody in the council had a clear answer because the estimates kept changing every week the engineers
said one thing the contractors said another and the people who actually cross that river twice a day just wanted to know
when they could stop driving forty minutes around through the valley I remember talking to a farmer who told me that his
whole season depended on getting the harvest to the market on time and that the detour was costing him more than the
price of diesel it was costing him customers who simply went elsewhere that is the part of the story that does not show
up in the budget documents the slow drain of trust and patience when a community feels that its problems are always
somebody else's priority next year right and I think that is exactly why the election turned out the way it did`
  .split(/\s+/u)
  .filter(Boolean);

const SPEAKERS = ['Maria Alvarez', 'Tom Becker', 'Priya Natarajan', 'Samuel Osei'];

/** Words per turn: short replies, ordinary turns and the odd monologue. */
function turnLength(next: () => number): number {
  const r = next();
  if (r < 0.3) return 1 + Math.floor(next() * 4);
  if (r < 0.9) return 5 + Math.floor(next() * 16);
  return 25 + Math.floor(next() * 45);
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** `size.turns` turns, trimmed or padded to exactly `size.words` words. */
export function makeScaleTranscript(size: ScaleSize): Transcript {
  const next = random(size.words);
  const lengths = Array.from({ length: size.turns }, () => turnLength(next));
  // Spread the difference to the word target over the turns so the totals are exact.
  let total = lengths.reduce((sum, n) => sum + n, 0);
  for (let i = 0; total !== size.words; i = (i + 1) % size.turns) {
    if (total < size.words) {
      lengths[i]! += 1;
      total += 1;
    } else if (lengths[i]! > 1) {
      lengths[i]! -= 1;
      total -= 1;
    }
  }
  const entries: SpeechTurn[] = [];
  let time = 0.4;
  let cursor = Math.floor(next() * PROSE.length);
  for (let t = 0; t < size.turns; t++) {
    const words: Word[] = [];
    const count = lengths[t]!;
    for (let w = 0; w < count; w++) {
      const text = PROSE[cursor % PROSE.length]!;
      cursor += 1 + (next() < 0.1 ? Math.floor(next() * 40) : 0);
      // Longer words take longer to say: 25–35 ms per letter around a 120 ms core.
      const duration = 0.12 + text.length * (0.025 + next() * 0.01);
      const start = time;
      time += duration;
      const last = w === count - 1;
      words.push({ text: w === 0 ? capitalise(text) : last ? `${text}.` : next() < 0.06 ? `${text},` : text, start: round(start), end: round(time) });
      time += 0.02 + next() * 0.06;
    }
    // The host (speaker 0) takes every fourth turn on average; the others share the rest.
    const speaker = next() < 0.25 ? 0 : 1 + Math.floor(next() * 3);
    entries.push({ kind: 'speech', speakerId: `s${speaker}`, start: words[0]!.start!, end: words.at(-1)!.end!, words });
    time += 0.25 + next() * 0.4;
  }
  return { speakers: SPEAKERS.map((name, i) => ({ id: `s${i}`, name })), entries, language: 'en' };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function nonEmpty(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

/** A quiet tone of `seconds`: any audible signal will do, the benchmark measures the UI. */
function writeToneMp3(path: string, seconds: number): void {
  execFileSync(
    'ffmpeg',
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=16000:duration=${seconds}`, '-af', 'volume=-30dB', '-ac', '1', '-b:a', '24k', path],
    { stdio: 'inherit' },
  );
}

/** Writes (or reuses) every size's transcript, audio and peaks under `dir`. */
export async function ensureScaleFixtures(dir: string, log: (line: string) => void = console.log): Promise<ScaleFixture[]> {
  mkdirSync(dir, { recursive: true });
  const fixtures: ScaleFixture[] = [];
  for (const size of SCALE_SIZES) {
    const transcript = makeScaleTranscript(size);
    const duration = Math.ceil((transcript.entries.at(-1)!.end ?? 0) + 1);
    const base = join(dir, `scale-${size.key}`);
    const transcriptPath = `${base}.verbatim.json`;
    // The duration is in the media names, so a changed generator never reuses audio of another length.
    const audioPath = `${base}-${duration}s.mp3`;
    const peaksPath = `${base}-${duration}s.peaks.json`;
    writeFileSync(transcriptPath, JSON.stringify({ format: 'verbatim', version: 1, transcript }));
    if (!nonEmpty(audioPath)) {
      const started = Date.now();
      writeToneMp3(audioPath, duration);
      log(`${size.key}: ${duration} s of tone in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    if (!nonEmpty(peaksPath)) {
      const started = Date.now();
      const { peaks } = await computePeaks(audioPath, { pixelsPerSecond: DEFAULT_PIXELS_PER_SECOND, bits: 8, splitChannels: false });
      writeFileSync(peaksPath, peaksJson(peaks));
      log(`${size.key}: peaks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    fixtures.push({ size, transcriptPath, audioPath, peaksPath, duration, transcript });
  }
  return fixtures;
}

export const DEFAULT_SCALE_DIR = resolve(import.meta.dirname, '..', 'bench-data', 'scale');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const out = args[0] === '--out' && args[1] ? resolve(args[1]) : DEFAULT_SCALE_DIR;
  for (const fixture of await ensureScaleFixtures(out)) {
    const speech = fixture.transcript.entries as SpeechTurn[];
    const host = speech.filter((turn) => turn.speakerId === 's0').length;
    const the = speech.reduce((sum, turn) => sum + turn.words.filter((word) => /^the\b/iu.test(word.text)).length, 0);
    console.log(`${fixture.size.key}: ${speech.length} turns, ${fixture.size.words} words, ${fixture.duration} s, host ${host} turns, "the" ×${the} -> ${fixture.transcriptPath}`);
  }
}
