/**
 * Short-time energy on the decoder's 10 ms frame grid, in dB relative to
 * full scale. Cheap, and enough to tell pauses from sound when placing
 * stage-direction events in the gaps between turns and when checking that a
 * turn does not start inside a pause.
 */

export const FRAME_SECONDS = 0.01;

/**
 * Energy of each 10 ms frame of `samples` (at `sampleRate`), in dBFS,
 * floored at -120. With `preemphasis` (e.g. 0.97) the signal is first
 * differenced, y[n] = x[n] - a·x[n-1], which tilts the spectrum towards high
 * frequencies: an /s/ or /f/ then stands out of the low-frequency hum and
 * pink or brown noise it is otherwise buried in.
 */
export function frameEnergies(samples: Float32Array, sampleRate: number, preemphasis = 0): Float32Array {
  const hop = Math.round(sampleRate * FRAME_SECONDS);
  const count = Math.ceil(samples.length / hop);
  const energies = new Float32Array(count);
  for (let f = 0; f < count; f++) {
    const from = f * hop;
    const to = Math.min(samples.length, from + hop);
    let sum = 0;
    for (let i = from; i < to; i++) {
      const value = (samples[i] as number) - (i > 0 ? preemphasis * (samples[i - 1] as number) : 0);
      sum += value * value;
    }
    energies[f] = Math.max(-120, 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12));
  }
  return energies;
}

/** Local pause thresholds are computed per block of this many frames (1 s). */
const BLOCK_FRAMES = 100;

function percentile(values: Float32Array, q: number): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

/** Levels (dBFS) for one second of audio, from its neighbourhood. */
export interface LocalLevels {
  /** Below this a frame is pause. */
  pause: Float32Array;
  /** Where a sound's onset begins: walking back from a loud frame, the first frame below this is before the sound. */
  onset: Float32Array;
}

/**
 * Pause and onset levels per second of audio, from its own neighbourhood: a
 * recording's noise floor changes (a noisy phone interview inside a clean
 * studio programme), and a file-wide threshold would call every pause of the
 * noisy part "sound". The floor is the quietest level within
 * ±`neighbourhoodSeconds` (default 10), but never
 * more than 50 dB under the loudest (digital silence would put it at -120 dB
 * and make a synthesizer's faint hiss count as speech); the pause level sits a
 * third of the way from the floor to the loudest level, at least 6 dB above
 * the floor, and the onset level halfway between floor and pause level.
 */
export function localLevels(energies: Float32Array, neighbourhoodSeconds = 10): LocalLevels {
  const reach = Math.max(0, Math.round(neighbourhoodSeconds));
  const blocks = Math.ceil(energies.length / BLOCK_FRAMES);
  const quiet = new Float32Array(blocks);
  const loud = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const slice = energies.subarray(b * BLOCK_FRAMES, Math.min(energies.length, (b + 1) * BLOCK_FRAMES));
    quiet[b] = percentile(slice, 0.1);
    loud[b] = percentile(slice, 0.9);
  }
  const pause = new Float32Array(blocks);
  const onset = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let floor = Infinity;
    let top = -Infinity;
    for (let n = Math.max(0, b - reach); n <= Math.min(blocks - 1, b + reach); n++) {
      floor = Math.min(floor, quiet[n] as number);
      top = Math.max(top, loud[n] as number);
    }
    floor = Math.max(floor, top - 50);
    pause[b] = floor + Math.max(6, (top - floor) / 3);
    onset[b] = floor + ((pause[b] as number) - floor) / 2;
  }
  return { pause, onset };
}

/** The level array's value for frame `f`. */
export function levelAt(levels: Float32Array, frame: number): number {
  return levels[Math.min(levels.length - 1, Math.max(0, Math.floor(frame / BLOCK_FRAMES)))] as number;
}

/** The share of frames from `start` to `end` seconds that are louder than their local pause threshold. */
export function soundingShare(energies: Float32Array, levels: LocalLevels, start: number, end: number): number {
  const first = Math.max(0, Math.floor(start / FRAME_SECONDS));
  const last = Math.min(energies.length, Math.ceil(end / FRAME_SECONDS));
  if (last <= first) return 0;
  let loud = 0;
  for (let f = first; f < last; f++) if ((energies[f] as number) >= levelAt(levels.pause, f)) loud += 1;
  return loud / (last - first);
}
