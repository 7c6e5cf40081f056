import { type SpeechDetector, VAD_FRAME_SECONDS, type VadRunOptions } from './silero-vad.ts';

/**
 * Stretches of speech, in seconds from the start of the audio, as a trained
 * detector (Silero VAD) hears them: music, jingles and noise are not speech.
 * Sorted, disjoint.
 */
export type SpeechIsland = { start: number; end: number };

export interface IslandOptions {
  /** Probability at which speech begins (Silero's default 0.5). */
  onset?: number;
  /** Probability below which it ends (hysteresis; Silero's default: onset − 0.15). */
  offset?: number;
  /** Shorter islands are dropped: a click, a breath. "Ask" and "not" in a speech are ~0.2 s. */
  minSpeech?: number;
  /** Shorter gaps inside speech are closed: a stop closure, a short breath. */
  minSilence?: number;
  /** Added on both sides: the detector's 32 ms frames and its lag hide weak onsets and decays. */
  pad?: number;
}

const DEFAULTS: Required<IslandOptions> = { onset: 0.5, offset: 0.35, minSpeech: 0.09, minSilence: 0.1, pad: 0.03 };

/** Speech islands from per-frame probabilities (frame f starts at f × `frameSeconds`). */
export function islandsFromProbabilities(
  probabilities: ArrayLike<number>,
  frameSeconds = VAD_FRAME_SECONDS,
  options: IslandOptions = {},
): SpeechIsland[] {
  const o = { ...DEFAULTS, ...options };
  const raw: SpeechIsland[] = [];
  let begin = -1;
  for (let f = 0; f < probabilities.length; f++) {
    const p = probabilities[f] as number;
    if (begin < 0 && p >= o.onset) begin = f;
    else if (begin >= 0 && p < o.offset) {
      raw.push({ start: begin * frameSeconds, end: f * frameSeconds });
      begin = -1;
    }
  }
  if (begin >= 0) raw.push({ start: begin * frameSeconds, end: probabilities.length * frameSeconds });
  const merged: SpeechIsland[] = [];
  for (const island of raw) {
    const last = merged.at(-1);
    if (last && island.start - last.end < o.minSilence) last.end = island.end;
    else merged.push({ ...island });
  }
  const total = probabilities.length * frameSeconds;
  const padded: SpeechIsland[] = [];
  for (const island of merged) {
    if (island.end - island.start < o.minSpeech) continue;
    const start = Math.max(0, island.start - o.pad, padded.at(-1)?.end ?? 0);
    padded.push({ start, end: Math.min(total, island.end + o.pad) });
  }
  return padded;
}

/**
 * Speech islands of `samples` (16 kHz mono). The detector hears quiet speech
 * poorly: on clips joined at levels up to 35 dB apart it started two quiet
 * readers 0.35 and 0.46 s late. So it listens to a levelled copy: each 32 ms
 * frame is raised (never lowered) by the ratio of the file's loud level to
 * the loudest frame within LEVEL_WINDOW seconds (at most MAX_GAIN), which
 * brings quiet passages up to the others without changing the shape of any
 * syllable. (Raising everything to a fixed level instead made the detector
 * hear speech in an 8-bit jingle.)
 */
export async function findSpeechIslands(
  samples: Float32Array,
  vad: SpeechDetector,
  options: IslandOptions & VadRunOptions = {},
): Promise<SpeechIsland[]> {
  return islandsFromProbabilities(await vad.probabilities(levelled(samples), options), VAD_FRAME_SECONDS, options);
}

const LEVEL_WINDOW = 1.5;
/** 30 dB; frames quieter than 1 % of the file's loud level are not raised further. */
const MAX_GAIN = 30;
const FLOOR_SHARE = 0.01;

function levelled(samples: Float32Array): Float32Array {
  const frame = Math.round(VAD_FRAME_SECONDS * 16000);
  const count = Math.ceil(samples.length / frame);
  const rms = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    let sum = 0;
    const end = Math.min(samples.length, (f + 1) * frame);
    for (let i = f * frame; i < end; i++) {
      const x = samples[i] as number;
      sum += x * x;
    }
    rms[f] = Math.sqrt(sum / frame);
  }
  const loud = [...rms].sort((a, b) => a - b)[Math.floor(count * 0.95)] ?? 0;
  const reach = Math.round(LEVEL_WINDOW / VAD_FRAME_SECONDS);
  const out = new Float32Array(samples.length);
  // Sliding maximum over ±reach frames (a deque keeps it linear on long files).
  const deque: number[] = [];
  let head = 0;
  let next = 0;
  for (let f = 0; f < count; f++) {
    while (next < count && next <= f + reach) {
      while (deque.length > head && (rms[deque.at(-1) as number] as number) <= (rms[next] as number)) deque.pop();
      deque.push(next);
      next += 1;
    }
    while ((deque[head] as number) < f - reach) head += 1;
    const peak = rms[deque[head] as number] as number;
    const gain = Math.max(1, Math.min(MAX_GAIN, loud / Math.max(peak, loud * FLOOR_SHARE, 1e-6)));
    const end = Math.min(samples.length, (f + 1) * frame);
    for (let i = f * frame; i < end; i++) out[i] = (samples[i] as number) * gain;
  }
  return out;
}

/** Seconds of speech inside [start, end). */
export function speechWithin(islands: readonly SpeechIsland[], start: number, end: number): number {
  let total = 0;
  for (let i = firstEndingAfter(islands, start); i < islands.length; i++) {
    const island = islands[i] as SpeechIsland;
    if (island.start >= end) break;
    total += Math.max(0, Math.min(end, island.end) - Math.max(start, island.start));
  }
  return total;
}

/** The island containing `time`, or undefined. */
export function islandAt(islands: readonly SpeechIsland[], time: number): SpeechIsland | undefined {
  const island = islands[firstEndingAfter(islands, time)];
  return island && island.start <= time ? island : undefined;
}

/** Index of the first island whose end is after `time` (binary search). */
export function firstEndingAfter(islands: readonly SpeechIsland[], time: number): number {
  let low = 0;
  let high = islands.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((islands[mid] as SpeechIsland).end <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}
