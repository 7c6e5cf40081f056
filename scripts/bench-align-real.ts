/**
 * The real-speech cases of `npm run bench:align -- --real`: every case of
 * `real-dev/` as it is, plus scenarios mixed from them and its `noise/` clips
 * whose truth is exact by construction (every time shifts by the offset where
 * a piece was placed; a filter or a bed under the speech moves nothing).
 *
 * Each case is written once to the cache directory as 16 kHz mono WAV plus a
 * JSON file `{ truth, language, untranscribed }`, where `truth` is a
 * Transcript whose words carry a start only where the source times them
 * (human word labels, or single words separated by pauses). These files are
 * read from the shared media directory at bench time and never enter the repo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeAudioFile } from '../cli/decode-audio.ts';
import { type Entry, type Speaker, type Transcript, type Word, speakerIdFromName, wordsFromText } from '../src/transcript/model.ts';
import { readWav, writeWav } from './synth/wav-file.ts';

const RATE = 16000;

export interface RealCase {
  name: string;
  audio: string;
  /** `{ truth: Transcript, language, untranscribed }` */
  truth: string;
  language: string;
}

interface TruthTurn {
  start: number;
  end: number;
  speaker?: string;
  text: string;
  words?: { w: string; start: number; end: number }[];
}

interface Piece {
  turns: TruthTurn[];
  samples: Float32Array;
}

interface Untranscribed {
  what: string;
  start: number;
  end: number;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');
}

/** Turn lines as `SPEAKER: text` or plain text; the truth's own text when the case has no speaker labels. */
function transcriptOf(turns: TruthTurn[], events: Map<number, EventSpec>, language: string): Transcript {
  const speakers: Speaker[] = [];
  const entries: Entry[] = [];
  turns.forEach((turn, index) => {
    const event = events.get(index);
    if (event) entries.push({ kind: 'event', text: event.text, start: event.start, end: event.end });
    let speakerId: string | null = null;
    if (turn.speaker && turn.speaker !== 'unknown') {
      speakerId = speakerIdFromName(turn.speaker);
      if (!speakers.some((speaker) => speaker.id === speakerId)) speakers.push({ id: speakerId, name: turn.speaker });
    }
    const words: Word[] = wordsFromText(turn.text);
    // Truth words are matched to the text's words in order by their letters.
    let next = 0;
    for (const truthWord of turn.words ?? []) {
      const key = normalize(truthWord.w);
      while (next < words.length && normalize((words[next] as Word).text) !== key) next += 1;
      if (next >= words.length) break;
      Object.assign(words[next] as Word, { start: truthWord.start, end: truthWord.end });
      next += 1;
    }
    entries.push({ kind: 'speech', speakerId, start: turn.start, end: turn.end, words });
  });
  return { speakers, entries, language };
}

interface EventSpec {
  text: string;
  start: number;
  end: number;
}

function readCase(dir: string): { turns: TruthTurn[]; language: string } {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { turns: TruthTurn[] };
  const language = /^([a-z]{2})-/u.exec(dir.split('/').at(-1) ?? '')?.[1] ?? 'en';
  return { turns: truth.turns, language };
}

async function audioOf(dir: string): Promise<Float32Array> {
  const file = readdirSync(dir).find((name) => name.startsWith('audio.'));
  if (!file) throw new Error(`${dir}: no audio.*`);
  const audio = await decodeAudioFile(join(dir, file));
  if (audio.sampleRate !== RATE) throw new Error(`${dir}: decoded at ${audio.sampleRate} Hz`);
  return audio.samples;
}

function shifted(turns: TruthTurn[], offset: number): TruthTurn[] {
  return turns.map((turn) => ({
    ...turn,
    start: turn.start + offset,
    end: turn.end + offset,
    ...(turn.words ? { words: turn.words.map((word) => ({ ...word, start: word.start + offset, end: word.end + offset })) } : {}),
  }));
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/** `samples` scaled so its RMS is `dbBelow` dB under `reference`'s speech RMS. */
function levelled(samples: Float32Array, reference: number, dbBelow: number): Float32Array {
  const gain = (reference * 10 ** (-dbBelow / 20)) / Math.max(1e-9, rms(samples));
  return samples.map((value) => value * gain);
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function silence(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * RATE));
}

/** Short fades so a cut clip does not click. */
function faded(samples: Float32Array, seconds = 0.05): Float32Array {
  const out = samples.slice();
  const n = Math.min(out.length >> 1, Math.round(seconds * RATE));
  for (let i = 0; i < n; i++) {
    out[i] = (out[i] as number) * (i / n);
    out[out.length - 1 - i] = (out[out.length - 1 - i] as number) * (i / n);
  }
  return out;
}

function clip(samples: Float32Array, from: number, to: number): Float32Array {
  return faded(samples.slice(Math.round(from * RATE), Math.round(to * RATE)));
}

/** Speech RMS of a case: over its turns only. */
function speechLevel(piece: Piece): number {
  const parts = piece.turns.map((turn) => piece.samples.subarray(Math.round(turn.start * RATE), Math.round(turn.end * RATE)));
  return rms(concat(parts));
}

/** Adds `bed` (looped) under `samples` from `from` seconds on. */
function mixUnder(samples: Float32Array, bed: Float32Array, from = 0): Float32Array {
  const out = samples.slice();
  const first = Math.round(from * RATE);
  for (let i = first; i < out.length; i++) out[i] = (out[i] as number) + (bed[(i - first) % bed.length] as number);
  return out;
}

/**
 * Splits a case at the pauses between turns (midway between one turn's end
 * and the next one's start) and inserts `inserts[i]` before turn i.
 */
function insertBefore(piece: Piece, inserts: Map<number, Float32Array>): { samples: Float32Array; turns: TruthTurn[]; placed: Map<number, { start: number; end: number }> } {
  const parts: Float32Array[] = [];
  const turns: TruthTurn[] = [];
  const placed = new Map<number, { start: number; end: number }>();
  let cut = 0;
  let offset = 0;
  piece.turns.forEach((turn, index) => {
    const insert = inserts.get(index);
    if (insert && index > 0) {
      const previous = piece.turns[index - 1] as TruthTurn;
      const at = Math.round(((previous.end + turn.start) / 2) * RATE);
      parts.push(piece.samples.subarray(cut, at));
      placed.set(index, { start: at / RATE + offset, end: at / RATE + offset + insert.length / RATE });
      parts.push(insert);
      offset += insert.length / RATE;
      cut = at;
    }
    turns.push(...shifted([turn], offset));
  });
  parts.push(piece.samples.subarray(cut));
  return { samples: concat(parts), turns, placed };
}

function write(outDir: string, name: string, samples: Float32Array, truth: Transcript, untranscribed: Untranscribed[]): RealCase {
  const audio = join(outDir, `${name}.wav`);
  const truthFile = join(outDir, `${name}.truth.json`);
  writeWav(audio, { samples, sampleRate: RATE });
  writeFileSync(truthFile, `${JSON.stringify({ truth, language: truth.language, untranscribed })}\n`);
  return { name, audio, truth: truthFile, language: truth.language ?? 'en' };
}

/** A case through sox effects (resampled back to 16 kHz mono); timing is unchanged. */
function soxed(samples: Float32Array, outDir: string, effects: string[]): Float32Array {
  const input = join(outDir, 'sox-in.wav');
  const output = join(outDir, 'sox-out.wav');
  writeWav(input, { samples, sampleRate: RATE });
  const run = spawnSync('sox', [input, '-r', String(RATE), '-c', '1', '-b', '16', output, ...effects], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sox ${effects.join(' ')}: ${run.stderr}`);
  return readWav(output).samples;
}

/** Builds (or reuses) every real case and scenario in `outDir`; `mediaDir` is real-dev/'s parent. */
export async function buildRealCases(mediaDir: string, outDir: string): Promise<RealCase[]> {
  const realDir = join(mediaDir, 'real-dev');
  if (!existsSync(realDir)) return [];
  mkdirSync(outDir, { recursive: true });
  const stamp = join(outDir, 'built-v1.json');
  if (existsSync(stamp)) return JSON.parse(readFileSync(stamp, 'utf8')) as RealCase[];
  const cases: RealCase[] = [];
  const pieces = new Map<string, Piece & { language: string }>();
  for (const name of readdirSync(realDir).sort()) {
    const dir = join(realDir, name);
    if (!existsSync(join(dir, 'truth.json'))) continue;
    const { turns, language } = readCase(dir);
    const samples = await audioOf(dir);
    pieces.set(name, { turns, samples, language });
    cases.push(write(outDir, name, samples, transcriptOf(turns, new Map(), language), []));
  }
  const noiseDir = join(realDir, 'noise');
  const noise = async (prefix: string) => {
    const file = readdirSync(noiseDir).find((name) => name.startsWith(prefix));
    if (!file) throw new Error(`no ${prefix}* in ${noiseDir}`);
    return (await decodeAudioFile(join(noiseDir, file))).samples;
  };
  const music = await noise('music-instrumental');
  const vocals = await noise('music-vocals');
  const jingle = await noise('jingle');
  const crowd = await noise('crowd');
  const street = await noise('street');
  const austen = pieces.get('en-librivox-austen-verbatim');
  const fleurs = pieces.get('en-fleurs-read-5speakers');
  const praat = pieces.get('en-praat-lab-sentences');
  if (!austen || !fleurs || !praat) return cases;
  const level = (piece: Piece) => speechLevel(piece);

  // A music intro no transcript line announces, then the reading.
  {
    const intro = levelled(clip(music, 0, 8), level(austen), 3);
    const samples = concat([intro, silence(0.3), austen.samples]);
    const turns = shifted(austen.turns, 8.3);
    cases.push(write(outDir, 'scenario-music-intro', samples, transcriptOf(turns, new Map(), 'en'), [{ what: 'music intro', start: 0, end: 8 }]));
  }
  // A jingle (sting) right before turns 2 and 4, untranscribed.
  {
    const sting = levelled(clip(jingle, 0, jingle.length / RATE), level(fleurs), 0);
    const built = insertBefore(fleurs, new Map([[1, concat([sting, silence(0.15)])], [3, concat([sting, silence(0.1)])]]));
    const untranscribed = [...built.placed.values()].map((span) => ({ what: 'sting', start: span.start, end: span.end - 0.1 }));
    cases.push(write(outDir, 'scenario-sting-before-turn', built.samples, transcriptOf(built.turns, new Map(), 'en'), untranscribed));
  }
  // An untranscribed ad (crowd and music, 7 s) and then a sung soundbite the transcript marks as an event.
  {
    const ad = mixUnder(levelled(clip(music, 4, 11), level(fleurs), 6), levelled(clip(crowd, 0, 7), level(fleurs), 12));
    const bite = levelled(clip(vocals, 2.4, 6.6), level(fleurs), 2);
    const insert = concat([ad, silence(0.4), bite, silence(0.3)]);
    const built = insertBefore(fleurs, new Map([[2, insert]]));
    const span = built.placed.get(2) as { start: number; end: number };
    const biteStart = span.start + ad.length / RATE + 0.4;
    const events = new Map([[2, { text: '(SOUNDBITE OF SONG, "FANTASMA")', start: biteStart, end: biteStart + bite.length / RATE }]]);
    cases.push(write(outDir, 'scenario-ad-then-soundbite', built.samples, transcriptOf(built.turns, events, 'en'), [{ what: 'ad', start: span.start, end: span.start + ad.length / RATE }]));
  }
  // A music bed under the whole reading, 14 dB below the voice.
  {
    const bed = levelled(music, level(austen), 14);
    cases.push(write(outDir, 'scenario-music-bed', mixUnder(austen.samples, bed), transcriptOf(austen.turns, new Map(), 'en'), []));
  }
  // Street noise 8 dB below the voice and restaurant babble 12 dB below (human word labels).
  {
    const noisy = mixUnder(mixUnder(praat.samples, levelled(street, level(praat), 8)), levelled(crowd, level(praat), 12));
    cases.push(write(outDir, 'scenario-noise', noisy, transcriptOf(praat.turns, new Map(), 'en'), []));
  }
  // A hard voice: the same reading through a telephone band, boomy rumble and a reverberant room.
  {
    const hard = soxed(austen.samples, outDir, ['bass', '+14', '80', 'lowpass', '2400', 'reverb', '60', '50', '80', 'gain', '-n', '-3']);
    const rumble = levelled(soxed(clip(street, 0, 15), outDir, ['lowpass', '150', 'lowpass', '150']), level(austen), 6);
    cases.push(write(outDir, 'scenario-hard-voice', mixUnder(hard.subarray(0, austen.samples.length), rumble), transcriptOf(austen.turns, new Map(), 'en'), []));
    const hardPraat = soxed(praat.samples, outDir, ['bass', '+14', '80', 'lowpass', '2400', 'reverb', '60', '50', '80', 'gain', '-n', '-3']);
    cases.push(write(outDir, 'scenario-hard-voice-words', hardPraat.subarray(0, praat.samples.length), transcriptOf(praat.turns, new Map(), 'en'), []));
  }
  writeFileSync(stamp, JSON.stringify(cases));
  return cases;
}
