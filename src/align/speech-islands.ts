import { type SileroVad, VAD_FRAME_SECONDS, type VadRunOptions } from './silero-vad.ts';

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

/** Speech islands of `samples` (16 kHz mono). */
export async function findSpeechIslands(
  samples: Float32Array,
  vad: SileroVad,
  options: IslandOptions & VadRunOptions = {},
): Promise<SpeechIsland[]> {
  return islandsFromProbabilities(await vad.probabilities(samples, options), VAD_FRAME_SECONDS, options);
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
