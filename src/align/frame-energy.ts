/**
 * Short-time energy on the decoder's 10 ms frame grid, in dB relative to
 * full scale. Cheap, and enough to tell pauses from sound when placing
 * stage-direction events in the gaps between turns and when checking that a
 * turn does not start inside a pause.
 */

export const FRAME_SECONDS = 0.01;

/** Energy of each 10 ms frame of `samples` (at `sampleRate`), in dBFS, floored at -120. */
export function frameEnergies(samples: Float32Array, sampleRate: number): Float32Array {
  const hop = Math.round(sampleRate * FRAME_SECONDS);
  const count = Math.ceil(samples.length / hop);
  const energies = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    const from = f * hop;
    const to = Math.min(samples.length, from + hop);
    let sum = 0;
    for (let i = from; i < to; i++) sum += (samples[i] as number) ** 2;
    energies[f] = Math.max(-120, 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12));
  }
  return energies;
}

/** The level below which a frame counts as a pause: the quiet floor of the file plus a margin, at most `ceiling` dB. */
export function pauseThreshold(energies: Float32Array, ceiling = -35): number {
  if (energies.length === 0) return ceiling;
  const sorted = Float32Array.from(energies).sort();
  const floor = sorted[Math.floor(0.05 * (sorted.length - 1))] as number;
  const loud = sorted[Math.floor(0.95 * (sorted.length - 1))] as number;
  // A third of the way from the floor to the loud level: robust to both noisy and digitally silent files.
  return Math.min(ceiling, floor + (loud - floor) / 3);
}
