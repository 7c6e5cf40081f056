/**
 * Lines placed on the speech of a recording without an acoustic model.
 *
 * The audio is reduced to speech islands (stretches of speech between
 * pauses). Each line's speech duration is expected in proportion to its
 * syllables, at the rate the whole recording shows (its speech time over the
 * transcript's syllables, pauses excluded). A dynamic programme picks, for
 * every line, the island start (or, at a cost, a point inside an island
 * where the reader did not pause) that best fits those durations, rewarding
 * long pauses as line boundaries. Words are then spread by syllables over
 * the speech inside their line only, so no word starts in a pause.
 *
 * Pure: islands and syllable counts in, times out.
 */
import type { SpeechIsland } from './energy-islands.ts';

export interface SpeechUnit {
  /** Syllables of each word, in order; a unit's speech duration is expected in proportion to their sum. */
  wordSyllables: number[];
}

export interface PlacedUnit {
  start: number;
  end: number;
  /** `[start, end]` of each word. */
  words: [number, number][];
}

/** Speech-time spacing of candidate line starts inside an island (no pause there). */
const INSIDE_STEP = 0.1;
/** Cost of starting a line where the reader made no pause, in squared standard deviations of a line's duration. */
const INSIDE_COST = 2;
/** Reward for a line starting after a pause, growing with the pause up to this length. */
const PAUSE_REWARD = 2;
const FULL_PAUSE = 1;
/** A line's speech duration is expected within about this relative spread, plus a fixed part for short lines. */
const RELATIVE_SPREAD = 0.4;
const FIXED_SPREAD = 0.15;
/** Speech before the first line or after the last (an intro, a sign-off) costs this much per second. */
const LINE_SKIP_COST = 2;
/** Inside a line every bit of speech belongs to one of its words. */
const WORD_SKIP_COST = 1000;
/**
 * Every line takes this much speech time on top of its syllables' share: the
 * slowing down and the short breath at a line's end that the detector does not
 * cut out as a pause. Without it a run of one-word lines ("wie, / wo, /
 * wann,") was given a fifth of a second each and the line after them started
 * 1.2 s early. Measured on the development readings (line starts within 0.5 s
 * at 0 / 0.1 / 0.2 / 0.3 / 0.4 s): German 20 / 18 / 22 / 22 / 22 of 24,
 * Spanish 31 / 32 / 32 / 32 / 31 of 32, Swedish 2 / 2 / 2 / 3 / 3 of 3.
 */
const LINE_FIXED = 0.3;
/** A line may take at most this many times its expected duration (bounds the search). */
const MAX_STRETCH = 4;

interface Candidate {
  /** Position on the speech-time axis (pauses removed). */
  speech: number;
  /** The pause before this point, seconds; 0 inside an island. */
  pause: number;
}

/** Cumulative speech time at each island's start. */
function speechOffsets(islands: readonly SpeechIsland[]): number[] {
  const offsets: number[] = [];
  let total = 0;
  for (const island of islands) {
    offsets.push(total);
    total += island.end - island.start;
  }
  offsets.push(total);
  return offsets;
}

/**
 * Speech position -> time. At an island boundary a start goes to the next
 * island's start (after the pause) and an end to the previous island's end.
 */
function timeAt(islands: readonly SpeechIsland[], offsets: number[], speech: number, edge: 'start' | 'end'): number {
  let lo = 0;
  let hi = islands.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((offsets[mid] as number) < speech || (edge === 'start' && offsets[mid] === speech)) lo = mid;
    else hi = mid - 1;
  }
  const island = islands[lo] as SpeechIsland;
  return Math.min(island.end, island.start + Math.max(0, speech - (offsets[lo] as number)));
}

function candidatesOf(islands: readonly SpeechIsland[], offsets: number[], from: number): Candidate[] {
  const candidates: Candidate[] = [];
  islands.forEach((island, i) => {
    const before = i === 0 ? island.start - from : island.start - (islands[i - 1] as SpeechIsland).end;
    candidates.push({ speech: offsets[i] as number, pause: Math.max(0, before) });
    const length = island.end - island.start;
    for (let t = INSIDE_STEP; t < length - INSIDE_STEP / 2; t += INSIDE_STEP) candidates.push({ speech: (offsets[i] as number) + t, pause: 0 });
  });
  return candidates;
}

function boundaryCost(candidate: Candidate): number {
  return candidate.pause > 0 ? -PAUSE_REWARD * Math.min(1, candidate.pause / FULL_PAUSE) : INSIDE_COST;
}

function fitCost(actual: number, expected: number): number {
  const z = (actual - expected) / (RELATIVE_SPREAD * expected + FIXED_SPREAD);
  return z * z;
}

/** Speech positions (pauses removed) where each unit starts, and where the last one stops. */
interface Solution {
  starts: number[];
  stop: number;
}

/**
 * The dynamic programme over candidate starts. `skipCost` prices speech left
 * before the first unit or after the last (cheap for lines, where an intro
 * may be untranscribed; prohibitive for the words of one line). `fixed`
 * seconds of every unit's expected duration do not depend on its syllables
 * (at most half the speech goes to them).
 */
function solve(weights: readonly number[], candidates: readonly Candidate[], total: number, skipCost: number, fixed = 0): Solution | null {
  const m = candidates.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  if (m === 0 || !(sum > 0)) return null;
  const each = Math.min(fixed, (0.5 * total) / weights.length);
  const rate = (total - each * weights.length) / sum;
  return solveFor(weights.map((n) => each + n * rate), candidates, total, skipCost);
}

function solveFor(expected: readonly number[], candidates: readonly Candidate[], total: number, skipCost: number): Solution | null {
  const m = candidates.length;
  // cost[j]: best cost of the units so far with the current unit starting at candidate j.
  let cost = new Float64Array(m).fill(Infinity);
  const back: Int32Array[] = [];
  candidates.forEach((candidate, j) => {
    // The first unit starts after a pause or at the first sound for free, elsewhere like any line start inside speech.
    cost[j] = skipCost * candidate.speech + (j === 0 || candidate.pause > 0 ? 0 : INSIDE_COST);
  });
  for (let i = 1; i < expected.length; i++) {
    const next = new Float64Array(m).fill(Infinity);
    const previousOf = new Int32Array(m).fill(-1);
    const length = expected[i - 1] as number;
    const limit = MAX_STRETCH * length + 1;
    let k0 = 0;
    for (let j = 1; j < m; j++) {
      const at = (candidates[j] as Candidate).speech;
      while (k0 < j && at - (candidates[k0] as Candidate).speech > limit) k0++;
      let best = Infinity;
      let bestK = -1;
      for (let k = k0; k < j; k++) {
        const previous = cost[k] as number;
        if (previous === Infinity) continue;
        const value = previous + fitCost(at - (candidates[k] as Candidate).speech, length);
        if (value < best) {
          best = value;
          bestK = k;
        }
      }
      if (bestK >= 0) {
        next[j] = best + boundaryCost(candidates[j] as Candidate);
        previousOf[j] = bestK;
      }
    }
    back.push(previousOf);
    cost = next;
  }
  // The last unit runs to the end of the speech, or stops at its expected length and leaves the rest (a sign-off) unread.
  const last = expected.at(-1) as number;
  let bestValue = Infinity;
  let bestJ = -1;
  let stop = total;
  for (let j = 0; j < m; j++) {
    if ((cost[j] as number) === Infinity) continue;
    const at = (candidates[j] as Candidate).speech;
    for (const end of [total, Math.min(total, at + last)]) {
      const value = (cost[j] as number) + fitCost(end - at, last) + skipCost * (total - end);
      if (value < bestValue) {
        bestValue = value;
        bestJ = j;
        stop = end;
      }
    }
  }
  if (bestJ < 0) return null;
  const indices = new Array<number>(expected.length);
  indices[expected.length - 1] = bestJ;
  for (let i = expected.length - 1; i >= 1; i--) indices[i - 1] = (back[i - 1] as Int32Array)[indices[i] as number] as number;
  return { starts: indices.map((j) => (candidates[j] as Candidate).speech), stop };
}

function clipIslands(islands: readonly SpeechIsland[], from: number, to: number): SpeechIsland[] {
  return islands
    .map((island) => ({ start: Math.max(from, island.start), end: Math.min(to, island.end) }))
    .filter((island) => island.end - island.start > 0);
}

/**
 * Places `units` (lines, sentences) in order on `islands` between `from` and
 * `to` seconds. Returns one placement per unit; when there is no speech to
 * place them on, returns `null` (the caller falls back to a plain spread).
 */
export function placeOnSpeech(units: readonly SpeechUnit[], islands: readonly SpeechIsland[], from: number, to: number): PlacedUnit[] | null {
  const inside = clipIslands(islands, from, to);
  if (units.length === 0 || inside.length === 0) return null;
  const offsets = speechOffsets(inside);
  const weights = units.map((unit) => Math.max(0.5, unit.wordSyllables.reduce((sum, n) => sum + n, 0)));
  const solution = solve(weights, candidatesOf(inside, offsets, from), offsets.at(-1) as number, LINE_SKIP_COST, LINE_FIXED);
  if (!solution) return null;
  return units.map((unit, i) => {
    const begin = solution.starts[i] as number;
    const finish = i + 1 < units.length ? (solution.starts[i + 1] as number) : solution.stop;
    return placeWords(unit, timeAt(inside, offsets, begin, 'start'), timeAt(inside, offsets, finish, 'end'), inside);
  });
}

/**
 * Words placed the same way inside their line, so a word after a pause
 * starts after it (slow counting, a list read out); a line without pauses
 * gets a plain syllable spread.
 */
function placeWords(unit: SpeechUnit, start: number, end: number, islands: readonly SpeechIsland[]): PlacedUnit {
  const inside = clipIslands(islands, start, end);
  const weights = unit.wordSyllables.map((n) => Math.max(0.5, n));
  if (inside.length === 0 || weights.length === 0) return { start, end, words: weights.map(() => [start, end]) };
  const offsets = speechOffsets(inside);
  const total = offsets.at(-1) as number;
  const solution = inside.length > 1 && weights.length > 1 ? solve(weights, candidatesOf(inside, offsets, start), total, WORD_SKIP_COST) : null;
  const sum = weights.reduce((a, b) => a + b, 0);
  const starts = solution?.starts ?? weights.map((_, i) => (total * weights.slice(0, i).reduce((a, b) => a + b, 0)) / sum);
  const words = weights.map((_, i): [number, number] => {
    const wordStart = timeAt(inside, offsets, starts[i] as number, 'start');
    const next = i + 1 < weights.length ? (starts[i + 1] as number) : total;
    return [wordStart, Math.max(wordStart, timeAt(inside, offsets, next, 'end'))];
  });
  return { start: words[0]?.[0] ?? start, end: words.at(-1)?.[1] ?? end, words };
}
