/**
 * Two resolutions of a waveform: every value it has (`full`), and an `overview`
 * of at most {@link OVERVIEW_VALUES} values per channel for drawing the whole file.
 * wavesurfer scans every value it holds on each render (normalising, then the
 * bars), which is a 300 ms block for the million peaks of a three-hour file;
 * the whole file at screen width needs a few thousand. The overview keeps each
 * group's lowest and highest value, in that order, as peaks files and wavesurfer
 * do, so the bars it draws are the bars the full data draws at that width.
 */

/** Values (min/max pairs) per channel of the overview: above 4 pairs per 3-pixel bar on a 2× 1366 px screen. */
export const OVERVIEW_VALUES = 8192;

export interface PeakLevels {
  full: Float32Array[];
  overview: Float32Array[];
  /** Seconds both cover. */
  duration: number;
}

const asFloat32 = (channel: ArrayLike<number>): Float32Array => (channel instanceof Float32Array ? channel : Float32Array.from(channel));

/**
 * `values` in at most `target` values: per group of consecutive values its
 * minimum then its maximum. Shorter input comes back as it is (as a Float32Array).
 */
export function reducePeaks(values: ArrayLike<number>, target = OVERVIEW_VALUES): Float32Array {
  const pairs = Math.max(1, Math.floor(target / 2));
  if (values.length <= pairs * 2) return asFloat32(values);
  const reduced = new Float32Array(pairs * 2);
  for (let pair = 0; pair < pairs; pair++) {
    const from = Math.floor((pair * values.length) / pairs);
    const to = Math.floor(((pair + 1) * values.length) / pairs);
    let low = Infinity;
    let high = -Infinity;
    for (let i = from; i < to; i++) {
      const value = values[i]!;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    reduced[pair * 2] = low;
    reduced[pair * 2 + 1] = high;
  }
  return reduced;
}

/** Both levels of `channels`; `overview` may be given (the parse worker makes it beside the full data). */
export function peakLevels(channels: ArrayLike<number>[], duration: number, overview?: Float32Array[]): PeakLevels {
  const full = channels.map(asFloat32);
  return { full, overview: overview ?? full.map((channel) => reducePeaks(channel)), duration };
}

/**
 * Whether drawing at `pxPerSec` CSS pixels per second needs the full data: the
 * overview has fewer than two values per device pixel there.
 */
export function needsFull(levels: PeakLevels, pxPerSec: number, pixelRatio: number): boolean {
  const overviewLength = levels.overview[0]?.length ?? 0;
  const fullLength = levels.full[0]?.length ?? 0;
  if (overviewLength >= fullLength || !(levels.duration > 0)) return false;
  return overviewLength / levels.duration < 2 * pxPerSec * Math.max(1, pixelRatio);
}
