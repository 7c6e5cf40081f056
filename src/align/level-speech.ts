import type { SpeechIsland } from './speech-islands.ts';

/**
 * Evening out speech levels that jump inside a recording before the decoder
 * hears them.
 *
 * The decoder normalizes its features over each window (cepstral mean
 * normalization): one window holding a turn 35 dB quieter than the next one
 * is normalized for the loud turn, and the quiet one finds no path at all
 * (measured: French FLEURS, whose first clip sits at about -60 dBFS and the
 * second at -25 dBFS; each turn aligned on its own, the two together never
 * did, and the retries spent the whole decoding budget). Each speech island
 * the detector heard whose level is more than TOLERANCE_DB from the
 * recording's typical speech level is brought to that level; the gain moves
 * linearly across the pauses between islands. Recordings with even levels
 * get no plan at all and are decoded exactly as before.
 */

/** Islands whose level differs from the typical speech level by less than this are left alone. */
const TOLERANCE_DB = 12;
/** Never more gain or attenuation than this. */
const MAX_GAIN_DB = 40;
/** Islands shorter than this are too short to measure; they take their neighbours' gain. */
const MIN_MEASURED = 0.3;

/** Piecewise-linear gain in dB over absolute sample indices. */
export interface LevelPlan {
  /** Sorted by `at`. */
  points: { at: number; db: number }[];
}

function levelDb(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] as number) ** 2;
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-20);
}

/** A plan for `samples` (at `sampleRate`), or `null` when every island is within the tolerance. */
export function levelPlan(samples: Float32Array, sampleRate: number, islands: readonly SpeechIsland[]): LevelPlan | null {
  const measured: { island: SpeechIsland; db: number }[] = [];
  for (const island of islands) {
    if (island.end - island.start < MIN_MEASURED) continue;
    const from = Math.max(0, Math.round(island.start * sampleRate));
    const to = Math.min(samples.length, Math.round(island.end * sampleRate));
    if (to > from) measured.push({ island, db: levelDb(samples, from, to) });
  }
  if (measured.length < 2) return null;
  // The typical level: the duration-weighted median.
  const sorted = [...measured].sort((a, b) => a.db - b.db);
  const total = sorted.reduce((sum, m) => sum + (m.island.end - m.island.start), 0);
  let acc = 0;
  let reference = (sorted.at(-1) as { db: number }).db;
  for (const m of sorted) {
    acc += m.island.end - m.island.start;
    if (acc >= total / 2) {
      reference = m.db;
      break;
    }
  }
  const gains = measured.map((m) => {
    const off = m.db - reference;
    return Math.abs(off) <= TOLERANCE_DB ? 0 : Math.max(-MAX_GAIN_DB, Math.min(MAX_GAIN_DB, -off));
  });
  if (gains.every((gain) => gain === 0)) return null;
  const points: LevelPlan['points'] = [];
  measured.forEach((m, k) => {
    const db = gains[k] as number;
    points.push({ at: Math.round(m.island.start * sampleRate), db }, { at: Math.round(m.island.end * sampleRate), db });
  });
  return { points };
}

/** The plan's gain in dB at absolute sample `at` (constant before the first and after the last point). */
export function gainAt(plan: LevelPlan, at: number): number {
  const { points } = plan;
  const first = points[0] as { at: number; db: number };
  if (at <= first.at) return first.db;
  let lo = 0;
  let hi = points.length - 1;
  if (at >= (points[hi] as { at: number }).at) return (points[hi] as { db: number }).db;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as { at: number }).at <= at) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as { at: number; db: number };
  const b = points[hi] as { at: number; db: number };
  return b.at === a.at ? b.db : a.db + ((b.db - a.db) * (at - a.at)) / (b.at - a.at);
}

/** Applies the plan in place to `target`, whose first sample is absolute index `firstIndex`. Returns `target`. */
export function applyLevels(target: Float32Array, firstIndex: number, plan: LevelPlan): Float32Array {
  // The gain changes slowly: computed every 160 samples (10 ms at 16 kHz) and held in between.
  const STEP = 160;
  for (let start = 0; start < target.length; start += STEP) {
    const gain = 10 ** (gainAt(plan, firstIndex + start + STEP / 2) / 20);
    if (gain === 1) continue;
    const end = Math.min(target.length, start + STEP);
    for (let i = start; i < end; i++) target[i] = (target[i] as number) * gain;
  }
  return target;
}
