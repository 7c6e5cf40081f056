/**
 * Speech islands from signal energy: the stretches between pauses
 * (find-pauses.ts). A stand-in for the trained detector (Silero VAD, in
 * speech-islands.ts once it lands): energy cannot tell speech from music, so
 * on a clean reading it is as good, and under a music bed it is not.
 */
import { frameCount, measureFrameLevels, type PauseOptions, pausesFromLevels } from './find-pauses.ts';

/** Seconds; the same shape as speech-islands.ts's `SpeechIsland`, so switching is one import. */
export interface SpeechIsland {
  start: number;
  end: number;
}

/** Sound shorter than this between two pauses is a click or a breath, not speech. */
const MIN_ISLAND = 0.08;
/** An island whose loudest frame stays this far below the recording's loud level is a breath or room noise. */
const QUIET_ISLAND_DB = 18;
const FRAME = 0.01;

/**
 * Pauses down to 50 ms count: a reader often leaves no more between two
 * short lines ("wie, / wo, / wann,"); the placement weighs pauses by length.
 */
const MIN_PAUSE = 0.12;

export function energySpeechIslands(samples: Float32Array, sampleRate: number, options: PauseOptions = {}): SpeechIsland[] {
  const levels = new Float32Array(frameCount(samples.length, sampleRate, FRAME));
  measureFrameLevels(samples, sampleRate, levels, 0, levels.length, FRAME);
  const sorted = Float32Array.from(levels).sort();
  const loud = sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0;
  const duration = samples.length / sampleRate;
  const islands: SpeechIsland[] = [];
  const keep = (start: number, end: number) => {
    if (end - start < MIN_ISLAND) return;
    let peak = -Infinity;
    for (let frame = Math.floor(start / FRAME); frame < Math.min(levels.length, Math.ceil(end / FRAME)); frame++) peak = Math.max(peak, levels[frame] as number);
    if (peak >= loud - QUIET_ISLAND_DB) islands.push({ start, end });
  };
  let at = 0;
  for (const [start, end] of pausesFromLevels(levels, { minPauseSeconds: MIN_PAUSE, ...options, frameSeconds: FRAME })) {
    keep(at, start);
    at = end;
  }
  keep(at, duration);
  return islands;
}
