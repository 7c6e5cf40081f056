/** Columns drawn for a cut-short file: enough for any screen, small to build. */
export const PADDED_COLUMNS = 8000;

/**
 * Peaks for a file that holds less audio than it states: the readable part's
 * peaks at their true place, silence after, so the waveform lines up with the
 * clock instead of stretching 0.6 s across 52 s. `readablePeaks` is the
 * readable part at any resolution.
 */
export function paddedPeaks(readablePeaks: ArrayLike<number>, readableSeconds: number, statedSeconds: number, columns = PADDED_COLUMNS): Float32Array {
  const padded = new Float32Array(columns);
  if (!(statedSeconds > 0) || !(readableSeconds > 0) || readablePeaks.length === 0) return padded;
  const used = Math.min(columns, Math.max(1, Math.round((columns * readableSeconds) / statedSeconds)));
  for (let column = 0; column < used; column++) {
    // The loudest source peak under this column.
    const from = Math.floor((column * readablePeaks.length) / used);
    const to = Math.max(from + 1, Math.floor(((column + 1) * readablePeaks.length) / used));
    let peak = 0;
    for (let i = from; i < to && i < readablePeaks.length; i++) peak = Math.max(peak, Math.abs(readablePeaks[i]!));
    padded[column] = peak;
  }
  return padded;
}
