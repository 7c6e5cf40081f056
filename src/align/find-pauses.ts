/**
 * Pauses are the low-energy stretches of a recording: where a turn boundary
 * usually belongs. The level of each short frame is measured, the file's own
 * noise floor and speech level are read from a histogram of those levels, and
 * runs of frames below a threshold between the two become pauses.
 *
 * Pure: samples in, `[start, end]` seconds out. The chunked variant yields to
 * its caller between slices so a three-hour file never blocks a UI thread.
 */

/** `[start, end]` in seconds. */
export type Pause = readonly [start: number, end: number];

export interface PauseOptions {
  /** Analysis frame length in seconds. */
  frameSeconds?: number;
  /** The shortest quiet stretch that counts as a pause. */
  minPauseSeconds?: number;
  /** Louder blips shorter than this inside a pause (a click, a breath) do not split it. */
  bridgeSeconds?: number;
}

export interface ChunkedPauseOptions extends PauseOptions {
  /** Called between slices; resolve when the caller may run again (e.g. after a macrotask). */
  yieldToHost: () => Promise<void>;
  /** Samples measured per slice; about 10 ms of work each at the default. */
  chunkSamples?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const DEFAULTS = { frameSeconds: 0.01, minPauseSeconds: 0.12, bridgeSeconds: 0.03 };
/** Levels are kept in dB; digital silence is clamped here instead of -Infinity. */
const FLOOR_DB = -120;
/** Below this spread between quiet and loud frames the file has no audible pauses to find (a tone, constant noise). */
const MIN_DYNAMIC_RANGE_DB = 10;
const DEFAULT_CHUNK_SAMPLES = 1 << 20;

/** How many whole frames `sampleCount` samples hold (a trailing partial frame counts). */
export function frameCount(sampleCount: number, sampleRate: number, frameSeconds = DEFAULTS.frameSeconds): number {
  const frameLength = Math.max(1, Math.round(sampleRate * frameSeconds));
  return Math.ceil(sampleCount / frameLength);
}

/**
 * RMS level in dB (full scale 0 dB) of frames `[fromFrame, toFrame)` written
 * into `out`. Splitting the range across calls gives the same result as one call.
 */
export function measureFrameLevels(
  samples: Float32Array,
  sampleRate: number,
  out: Float32Array,
  fromFrame = 0,
  toFrame = out.length,
  frameSeconds = DEFAULTS.frameSeconds,
): void {
  const frameLength = Math.max(1, Math.round(sampleRate * frameSeconds));
  for (let frame = fromFrame; frame < toFrame; frame++) {
    const start = frame * frameLength;
    const end = Math.min(samples.length, start + frameLength);
    let sum = 0;
    for (let i = start; i < end; i++) {
      const s = samples[i]!;
      sum += s * s;
    }
    const meanSquare = end > start ? sum / (end - start) : 0;
    out[frame] = meanSquare > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(meanSquare)) : FLOOR_DB;
  }
}

/** The level below which `fraction` of the frames lie, from a 0.5 dB histogram (linear time). */
function percentile(histogram: Uint32Array, total: number, fraction: number): number {
  const wanted = fraction * total;
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    seen += histogram[bin]!;
    if (seen >= wanted) return FLOOR_DB + bin / 2;
  }
  return 0;
}

/** The level that separates pause frames from sound frames, or null when the file has no such contrast. */
export function pauseThreshold(levels: Float32Array): number | null {
  if (levels.length === 0) return null;
  const histogram = new Uint32Array(-FLOOR_DB * 2 + 1);
  for (let i = 0; i < levels.length; i++) {
    const bin = Math.round((Math.min(0, levels[i]!) - FLOOR_DB) * 2);
    histogram[bin] = histogram[bin]! + 1;
  }
  const floor = percentile(histogram, levels.length, 0.05);
  const loud = percentile(histogram, levels.length, 0.95);
  const range = loud - floor;
  if (range < MIN_DYNAMIC_RANGE_DB) return null;
  // A third of the way up from the floor: above breaths and room tone, below soft speech onsets.
  return floor + Math.max(6, range / 3);
}

/** Runs of quiet frames, at least `minPauseSeconds` long, as seconds. */
export function pausesFromLevels(levels: Float32Array, options: PauseOptions = {}): Pause[] {
  const { frameSeconds, minPauseSeconds, bridgeSeconds } = { ...DEFAULTS, ...options };
  const threshold = pauseThreshold(levels);
  if (threshold === null) return [];
  const minFrames = Math.max(1, Math.round(minPauseSeconds / frameSeconds));
  const bridgeFrames = Math.round(bridgeSeconds / frameSeconds);
  const pauses: Pause[] = [];
  let runStart = -1;
  let loudRun = 0;
  const close = (endFrame: number) => {
    if (runStart >= 0 && endFrame - runStart >= minFrames) pauses.push([runStart * frameSeconds, endFrame * frameSeconds]);
    runStart = -1;
  };
  for (let frame = 0; frame < levels.length; frame++) {
    if (levels[frame]! < threshold) {
      if (runStart < 0) runStart = frame;
      loudRun = 0;
    } else if (runStart >= 0) {
      loudRun++;
      if (loudRun > bridgeFrames) close(frame - loudRun + 1);
    }
  }
  if (runStart >= 0) close(levels.length - loudRun);
  return pauses;
}

/** All pauses of a mono recording, in one synchronous pass. */
export function findPauses(samples: Float32Array, sampleRate: number, options: PauseOptions = {}): Pause[] {
  const frameSeconds = options.frameSeconds ?? DEFAULTS.frameSeconds;
  const levels = new Float32Array(frameCount(samples.length, sampleRate, frameSeconds));
  measureFrameLevels(samples, sampleRate, levels, 0, levels.length, frameSeconds);
  return pausesFromLevels(levels, options);
}

/**
 * The same result as {@link findPauses}, measured slice by slice with
 * `yieldToHost()` awaited between slices. Rejects with the signal's reason when aborted.
 */
export async function findPausesInChunks(samples: Float32Array, sampleRate: number, options: ChunkedPauseOptions): Promise<Pause[]> {
  const frameSeconds = options.frameSeconds ?? DEFAULTS.frameSeconds;
  const frameLength = Math.max(1, Math.round(sampleRate * frameSeconds));
  const framesPerChunk = Math.max(1, Math.floor((options.chunkSamples ?? DEFAULT_CHUNK_SAMPLES) / frameLength));
  const levels = new Float32Array(frameCount(samples.length, sampleRate, frameSeconds));
  for (let from = 0; from < levels.length; from += framesPerChunk) {
    options.signal?.throwIfAborted();
    measureFrameLevels(samples, sampleRate, levels, from, Math.min(levels.length, from + framesPerChunk), frameSeconds);
    options.onProgress?.(Math.min(1, (from + framesPerChunk) / levels.length));
    await options.yieldToHost();
  }
  options.signal?.throwIfAborted();
  return pausesFromLevels(levels, options);
}

/**
 * `time` moved to the nearest pause start, centre or end within
 * `maxDistance` seconds; `time` itself when none is that close. `pauses` must
 * be sorted by start and not overlap (as the finders return them).
 */
export function snapToPause(time: number, pauses: readonly Pause[], maxDistance = 0.15): number {
  if (!Number.isFinite(time) || pauses.length === 0) return time;
  // First pause whose end is at or after time - maxDistance: only it and a few after it can be close.
  let lo = 0;
  let hi = pauses.length;
  const from = time - maxDistance;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pauses[mid]![1] < from) lo = mid + 1;
    else hi = mid;
  }
  let best = time;
  let bestDistance = maxDistance;
  for (let i = lo; i < pauses.length; i++) {
    const [start, end] = pauses[i]!;
    if (start > time + maxDistance) break;
    for (const candidate of [start, (start + end) / 2, end]) {
      const distance = Math.abs(candidate - time);
      if (distance <= bestDistance && (distance < bestDistance || best === time)) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}
