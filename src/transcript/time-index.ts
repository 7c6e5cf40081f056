import type { SpeechTurn, Transcript } from './model.ts';
import { packedTurnSummary } from './packed-transcript.ts';

/**
 * A lookup structure answering "which turn / which word is playing at time t"
 * in O(log n). Built once per transcript change; queried on every animation frame.
 *
 * Turn indices here are positions among speech turns (events excluded), the same
 * index the UI exposes as `data-turn-index`.
 */
export interface TimeIndex {
  /** Entry index of each speech turn, by turn index. */
  readonly turnEntry: Int32Array;
  /** Timed turns sorted by start: start, effective end, turn index, running max of ends. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly turnAt: Int32Array;
  readonly maxEndUpTo: Float64Array;
  /** Speech turns with no time at all (no start of their own nor on any word). */
  readonly untimedTurns: number;
  /**
   * Per turn: its timed words (start/effective end/word index), null when it has none.
   * Built on first use, one turn at a time (playback asks for one turn per change), so
   * opening ten million words indexes turns, not words.
   */
  readonly words: { readonly length: number; at(turn: number): WordIndex | null };
}

interface WordIndex {
  starts: Float64Array;
  ends: Float64Array;
  wordAt: Int32Array;
}

/** Start of a turn: its own, else its first timed word's. */
export function turnStart(turn: SpeechTurn): number | undefined {
  if (turn.start !== undefined) return turn.start;
  // A turn whose words are not built yet (a huge file, see packed-transcript.ts) knows it without building them.
  const summary = packedTurnSummary(turn);
  if (summary) return summary.firstWordStart;
  return turn.words.find((word) => word.start !== undefined)?.start;
}

/** End of a turn: its own, else its last timed word's end. */
export function turnEnd(turn: SpeechTurn): number | undefined {
  if (turn.end !== undefined) return turn.end;
  const summary = packedTurnSummary(turn);
  if (summary) return summary.lastWordEnd;
  for (let i = turn.words.length - 1; i >= 0; i--) {
    const word = turn.words[i];
    if (word?.end !== undefined) return word.end;
  }
  return undefined;
}

/**
 * Word indices by turn object. Edits keep untouched turns' identity, so after
 * an edit (a drag writes one every few frames) only changed turns are rebuilt.
 */
const wordIndexCache = new WeakMap<SpeechTurn, WordIndex | null>();

function wordIndexOf(turn: SpeechTurn, turnEndTime: number | undefined): WordIndex | null {
  let index = wordIndexCache.get(turn);
  if (index === undefined) {
    index = buildWordIndex(turn, turnEndTime);
    wordIndexCache.set(turn, index);
  }
  return index;
}

export function buildTimeIndex(transcript: Transcript): TimeIndex {
  const steps = buildTimeIndexInSteps(transcript);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Turns one step of `buildTimeIndexInSteps` reads (a few milliseconds at most). */
export const INDEX_STEP_TURNS = 1_000;

/**
 * `buildTimeIndex` a step at a time: each `next()` reads about INDEX_STEP_TURNS turns, the
 * return value is the index. A caller with 200,000 turns spreads it over short tasks.
 */
export function* buildTimeIndexInSteps(transcript: Transcript): Generator<void, TimeIndex, void> {
  const turnEntries: number[] = [];
  // Timed turns as parallel columns (start, end or NaN, turn), in turn order.
  const timedStart: number[] = [];
  const timedEnd: number[] = [];
  const timedTurn: number[] = [];
  const turns: SpeechTurn[] = [];
  const turnEnds: (number | undefined)[] = [];
  let ordered = true;
  let untimedTurns = 0;

  const { entries } = transcript;
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    if (entryIndex > 0 && entryIndex % INDEX_STEP_TURNS === 0) yield;
    const entry = entries[entryIndex]!;
    if (entry.kind !== 'speech') continue;
    const turn = turnEntries.length;
    turnEntries.push(entryIndex);
    const start = turnStart(entry);
    // A turn without a start has no timed word either: its end is never asked for.
    const end = start === undefined ? undefined : turnEnd(entry);
    if (start === undefined) untimedTurns++;
    if (start !== undefined && Number.isFinite(start)) {
      if (timedStart.length > 0 && start < timedStart[timedStart.length - 1]!) ordered = false;
      timedStart.push(start);
      timedEnd.push(end ?? NaN);
      timedTurn.push(turn);
    }
    turns.push(entry);
    turnEnds.push(end);
  }
  const words = { length: turns.length, at: (turn: number) => (turn >= 0 && turn < turns.length ? wordIndexOf(turns[turn]!, turnEnds[turn]) : null) };

  const count = timedStart.length;
  // Nearly always already in order (then no sort); else by start, ties in turn order.
  const order = ordered ? null : Array.from({ length: count }, (_, i) => i).sort((a, b) => timedStart[a]! - timedStart[b]! || timedTurn[a]! - timedTurn[b]!);
  const at = (i: number) => (order ? order[i]! : i);
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const turnAt = new Int32Array(count);
  const maxEndUpTo = new Float64Array(count);
  for (let i = 0; i < count; i++) starts[i] = timedStart[at(i)]!;
  yield;
  let maxEnd = -Infinity;
  for (let i = 0; i < count; i++) {
    const item = at(i);
    const start = starts[i]!;
    const itemEnd = timedEnd[item]!;
    // An open-ended turn lasts until the next timed turn starts (NaN: no end, fails the comparison).
    const nextStart = i + 1 < count ? starts[i + 1]! : Infinity;
    const end = itemEnd > start ? itemEnd : nextStart;
    ends[i] = end;
    turnAt[i] = timedTurn[item]!;
    maxEnd = Math.max(maxEnd, end);
    maxEndUpTo[i] = maxEnd;
  }
  return { turnEntry: Int32Array.from(turnEntries), starts, ends, turnAt, maxEndUpTo, untimedTurns, words };
}

function buildWordIndex(turn: SpeechTurn, turnEndTime: number | undefined): WordIndex | null {
  // Words are nearly always timed in order: then the arrays are filled in one pass,
  // with no per-word objects and no sort (a replace-all re-indexes a thousand turns).
  const { words } = turn;
  let count = 0;
  let ordered = true;
  let previous = -Infinity;
  for (const word of words) {
    const start = word.start;
    if (start === undefined || !Number.isFinite(start)) continue;
    if (start < previous) ordered = false;
    previous = start;
    count++;
  }
  if (count === 0) return null;
  if (!ordered) return buildUnorderedWordIndex(turn, turnEndTime);
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const wordAt = new Int32Array(count);
  let i = 0;
  words.forEach((word, index) => {
    if (word.start === undefined || !Number.isFinite(word.start)) return;
    starts[i] = word.start;
    ends[i] = word.end ?? NaN;
    wordAt[i] = index;
    i++;
  });
  for (let k = 0; k < count; k++) {
    const end = ends[k]!;
    const nextStart = k + 1 < count ? starts[k + 1]! : (turnEndTime ?? Infinity);
    // NaN (no end) fails the comparison, as an end at or before the start does.
    ends[k] = end > starts[k]! ? end : nextStart;
  }
  return { starts, ends, wordAt };
}

/** The general case: timed words sorted by start (ties in word order). */
function buildUnorderedWordIndex(turn: SpeechTurn, turnEndTime: number | undefined): WordIndex {
  const timed: { start: number; end: number | undefined; word: number }[] = [];
  turn.words.forEach((word, index) => {
    if (word.start !== undefined && Number.isFinite(word.start)) {
      timed.push({ start: word.start, end: word.end, word: index });
    }
  });
  timed.sort((a, b) => a.start - b.start || a.word - b.word);
  const starts = new Float64Array(timed.length);
  const ends = new Float64Array(timed.length);
  const wordAt = new Int32Array(timed.length);
  timed.forEach((item, i) => {
    const nextStart = timed[i + 1]?.start ?? turnEndTime ?? Infinity;
    starts[i] = item.start;
    ends[i] = item.end !== undefined && item.end > item.start ? item.end : nextStart;
    wordAt[i] = item.word;
  });
  return { starts, ends, wordAt };
}

/** Index of the last element of `sorted` that is <= t, or -1. */
export function lastAtOrBefore(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The speech turn whose [start, end) contains t, or -1 in a gap, before the
 * first or after the last timed turn. With overlapping turns the one that
 * started last wins.
 */
export function activeTurnAt(index: TimeIndex, t: number): number {
  for (let i = lastAtOrBefore(index.starts, t); i >= 0; i--) {
    if (index.maxEndUpTo[i]! <= t) return -1;
    if (t < index.ends[i]!) return index.turnAt[i]!;
  }
  return -1;
}

/** The word of `turn` whose [start, end) contains t, or -1. */
export function activeWordAt(index: TimeIndex, turn: number, t: number): number {
  const words = index.words.at(turn);
  if (!words) return -1;
  const i = lastAtOrBefore(words.starts, t);
  if (i < 0 || t >= words.ends[i]!) return -1;
  return words.wordAt[i]!;
}
