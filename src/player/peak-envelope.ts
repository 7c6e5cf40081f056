/** Samples scanned per slice before yielding (a few milliseconds of work). */
const SLICE_SAMPLES = 1 << 20;

/**
 * Peak envelope of `samples` in `buckets` columns, computed slice by slice
 * with `yieldToHost()` between slices so a long file never blocks.
 */
export async function envelopeInChunks(
  samples: Float32Array,
  buckets: number,
  yieldToHost: () => Promise<void>,
  signal?: AbortSignal,
): Promise<Float32Array> {
  const peaks = new Float32Array(buckets);
  const edge = (bucket: number) => Math.round((bucket * samples.length) / buckets);
  let bucket = 0;
  while (bucket < buckets) {
    signal?.throwIfAborted();
    const sliceEnd = edge(bucket) + SLICE_SAMPLES;
    // Whole buckets per slice, so each bucket's maximum is found in one tight loop.
    for (; bucket < buckets && edge(bucket) < sliceEnd; bucket++) {
      let peak = 0;
      for (let i = edge(bucket), end = edge(bucket + 1); i < end; i++) {
        const value = samples[i]!;
        if (value > peak) peak = value;
        else if (-value > peak) peak = -value;
      }
      peaks[bucket] = peak;
    }
    await yieldToHost();
  }
  return peaks;
}
