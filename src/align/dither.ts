/**
 * A tiny, deterministic noise floor. Synthesized speech and digitally edited
 * audio contain runs of exact zeros; their log spectra are so far from
 * anything the acoustic model has seen that every search path dies there and
 * the decoder returns nothing (measured: 0 words on most sentences of an
 * espeak clip; every word once a floor about 50 dB below the speech is
 * added). Real recordings already have a floor far above this one.
 *
 * The noise is a hash of the absolute sample index, so it is applied to each
 * decoding window's copy of the audio rather than to the whole file (no
 * second copy of a long recording), and overlapping windows see the same
 * samples.
 */

/** Noise amplitude relative to the loud-speech level of the signal (about -50 dB). */
const RELATIVE_LEVEL = 0.003;
/** Never below this absolute peak amplitude, so near-silent files still get a floor. */
const MIN_AMPLITUDE = 1 / 32768;

/** Level of the loud parts: the 95th percentile of 20 ms block peaks. */
export function loudLevel(samples: Float32Array, sampleRate: number): number {
  const block = Math.max(1, Math.round(sampleRate * 0.02));
  const peaks = new Float32Array(Math.ceil(samples.length / block));
  for (let b = 0; b < peaks.length; b++) {
    let peak = 0;
    const end = Math.min(samples.length, (b + 1) * block);
    for (let i = b * block; i < end; i++) {
      const value = Math.abs(samples[i] as number);
      if (value > peak) peak = value;
    }
    peaks[b] = peak;
  }
  if (peaks.length === 0) return 0;
  peaks.sort();
  return peaks[Math.floor(0.95 * (peaks.length - 1))] as number;
}

/** The dither amplitude for a signal: RELATIVE_LEVEL of its loud level, at least one 16-bit step. */
export function ditherAmplitude(samples: Float32Array, sampleRate: number): number {
  return Math.max(MIN_AMPLITUDE, RELATIVE_LEVEL * loudLevel(samples, sampleRate));
}

/** A well-mixed 32-bit integer hash (lowbias32), as a uniform number in [0, 1). */
function uniform(index: number): number {
  let x = index >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/**
 * Adds triangular (TPDF) noise of peak `amplitude` in place; `firstIndex` is
 * the absolute index of `target[0]` in the whole signal. Returns `target`.
 */
export function addDither(target: Float32Array, firstIndex: number, amplitude: number): Float32Array {
  for (let i = 0; i < target.length; i++) {
    const n = 2 * (firstIndex + i);
    target[i] = (target[i] as number) + (uniform(n) - uniform(n + 1)) * amplitude;
  }
  return target;
}
