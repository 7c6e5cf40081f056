import type { PhoneSegment } from './phone-segment.ts';
import type { MonoAudio } from './wav-file.ts';

/** Where a written word is audible, in seconds from the start of its phrase. */
export interface Extent {
  start: number;
  end: number;
}

export interface ExtentOptions {
  /** Level below the phrase's loudest frame that still counts as sound (default 45 dB). */
  relativeDb?: number;
  /** Level below full scale that never counts as sound (default -62 dBFS). */
  floorDbfs?: number;
  /** How far a boundary may move into a neighbouring pause (default 60 ms). */
  maxShift?: number;
}

const HOP = 0.0005;
const WINDOW = 0.002;

/**
 * Turns the engine's phone segments into word extents that start where the word's sound
 * starts. Inside running speech the engine's phone boundary is the truth (coarticulated
 * sounds have no silent edge to measure). Next to a pause, or at a silent stop closure,
 * the boundary moves to where the signal actually rises above the noise: flite's units
 * carry a few ms of the recording's decay past their labels, and espeak-ng opens many
 * words with a few ms of digital silence.
 */
export function wordExtents(
  audio: MonoAudio,
  segments: readonly PhoneSegment[],
  wordCount: number,
  options: ExtentOptions = {},
): (Extent | null)[] {
  const synth: (Extent | null)[] = Array.from({ length: wordCount }, () => null);
  for (const segment of segments) {
    if (segment.token === null) continue;
    const known = synth[segment.token];
    synth[segment.token] = known
      ? { start: Math.min(known.start, segment.start), end: Math.max(known.end, segment.end) }
      : { start: segment.start, end: segment.end };
  }

  const firstPhone: (PhoneSegment | undefined)[] = new Array(wordCount);
  for (const segment of segments) {
    if (segment.token !== null && !firstPhone[segment.token]) firstPhone[segment.token] = segment;
  }

  const envelope = rmsEnvelope(audio);
  const peak = envelope.reduce((max, value) => Math.max(max, value), 0);
  const threshold = Math.max(
    peak * 10 ** (-(options.relativeDb ?? 45) / 20),
    10 ** ((options.floorDbfs ?? -62) / 20),
  );
  const maxShift = options.maxShift ?? 0.06;
  const loud = (time: number): boolean => (envelope[Math.round(time / HOP)] ?? 0) > threshold;
  const duration = audio.samples.length / audio.sampleRate;

  const measured = synth.map((extent, index) => {
    if (!extent) return null;
    const previousEnd = findNeighbour(synth, index, -1)?.end ?? 0;
    const nextStart = findNeighbour(synth, index, +1)?.start ?? duration;

    let start = extent.start;
    if (loud(start)) {
      const limit = Math.max(previousEnd, start - maxShift);
      while (start - HOP >= limit && loud(start - HOP)) start -= HOP;
    } else {
      while (start < extent.end && !loud(start)) start += HOP;
    }
    start = burstOnset(start, firstPhone[index], envelope, threshold);
    let end = extent.end;
    if (loud(end)) {
      const limit = Math.min(nextStart, end + maxShift);
      while (end + HOP <= limit && loud(end + HOP)) end += HOP;
    } else {
      while (end > start && !loud(end)) end -= HOP;
    }
    // A word with no frame above the threshold keeps the engine's own extent.
    return end > start ? { start, end } : extent;
  });

  // Two words may both reach into the pause between them when sound runs through it;
  // they then meet at the middle of the engine's pause. Stepping in 0.5 ms also leaves
  // float dust, so touching words are made to share one boundary exactly.
  let previous: Extent | null = null;
  measured.forEach((extent, index) => {
    if (!extent) return;
    if (previous && extent.start < previous.end + 1e-6) {
      const before = findNeighbour(synth, index, -1)!;
      const middle = (before.end + synth[index]!.start) / 2;
      const boundary = Math.min(Math.max(middle, extent.start), previous.end);
      previous.end = boundary;
      extent.start = boundary;
    }
    previous = extent;
  });
  return measured;
}

/** Voiceless stops in both engines' phone sets (`t2` is espeak-ng's variant of t). */
const VOICELESS_STOP = /^[ptk]\d?$/u;
/** A stop's closure is this far below its burst. */
const CLOSURE_DB = 30;

/**
 * A word that opens with p, t or k is silent until the burst; flite's recorded closures
 * carry low room noise above the general threshold, so the start moves on to the first
 * frame within 30 dB of the stop's loudest frame. Running speech that fills the closure
 * (a preceding vowel's decay) is that loud already, and the start stays.
 */
function burstOnset(start: number, phone: PhoneSegment | undefined, envelope: Float32Array, threshold: number): number {
  if (!phone || !VOICELESS_STOP.test(phone.phone) || start >= phone.end) return start;
  const from = Math.round(start / HOP);
  const to = Math.round((phone.end + 0.015) / HOP);
  let loudest = 0;
  for (let j = from; j <= to; j++) loudest = Math.max(loudest, envelope[j] ?? 0);
  const burst = Math.max(threshold, loudest * 10 ** (-CLOSURE_DB / 20));
  for (let j = from; j <= to; j++) if ((envelope[j] ?? 0) >= burst) return j * HOP;
  return start;
}

function findNeighbour(extents: readonly (Extent | null)[], index: number, step: 1 | -1): Extent | null {
  for (let i = index + step; i >= 0 && i < extents.length; i += step) {
    const extent = extents[i];
    if (extent) return extent;
  }
  return null;
}

/** RMS over a 2 ms window centred on every 0.5 ms step. */
export function rmsEnvelope(audio: MonoAudio): Float32Array {
  const { samples, sampleRate } = audio;
  const hop = HOP * sampleRate;
  const half = Math.max(1, Math.round((WINDOW * sampleRate) / 2));
  const prefix = new Float64Array(samples.length + 1);
  for (let i = 0; i < samples.length; i++) prefix[i + 1] = prefix[i]! + samples[i]! * samples[i]!;
  const frames = Math.ceil(samples.length / hop) + 1;
  const envelope = new Float32Array(frames);
  for (let j = 0; j < frames; j++) {
    const centre = Math.round(j * hop);
    const from = Math.max(0, centre - half);
    const to = Math.min(samples.length, centre + half);
    envelope[j] = to > from ? Math.sqrt((prefix[to]! - prefix[from]!) / (to - from)) : 0;
  }
  return envelope;
}
