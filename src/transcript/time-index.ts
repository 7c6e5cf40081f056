import type { SpeechTurn, Transcript } from './model.ts';

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
  return turn.words.find((word) => word.start !== undefined)?.start;
}

/** End of a turn: its own, else its last timed word's end. */
export function turnEnd(turn: SpeechTurn): number | undefined {
  if (turn.end !== undefined) return turn.end;
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
  const turnEntries: number[] = [];
  const timed: { start: number; end: number | undefined; turn: number }[] = [];
  const turns: SpeechTurn[] = [];
  const turnEnds: (number | undefined)[] = [];

  transcript.entries.forEach((entry, entryIndex) => {
    if (entry.kind !== 'speech') return;
    const turn = turnEntries.length;
    turnEntries.push(entryIndex);
    const start = turnStart(entry);
    // A turn without a start has no timed word either: its end is never asked for.
    const end = start === undefined ? undefined : turnEnd(entry);
    if (start !== undefined && Number.isFinite(start)) timed.push({ start, end, turn });
    turns.push(entry);
    turnEnds.push(end);
  });
  const words = { length: turns.length, at: (turn: number) => (turn >= 0 && turn < turns.length ? wordIndexOf(turns[turn]!, turnEnds[turn]) : null) };

  timed.sort((a, b) => a.start - b.start || a.turn - b.turn);
  const count = timed.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const turnAt = new Int32Array(count);
  const maxEndUpTo = new Float64Array(count);
  let maxEnd = -Infinity;
  for (let i = 0; i < count; i++) {
    const item = timed[i]!;
    // An open-ended turn lasts until the next timed turn starts.
    const nextStart = i + 1 < count ? timed[i + 1]!.start : Infinity;
    const end = item.end !== undefined && item.end > item.start ? item.end : nextStart;
    starts[i] = item.start;
    ends[i] = end;
    turnAt[i] = item.turn;
    maxEnd = Math.max(maxEnd, end);
    maxEndUpTo[i] = maxEnd;
  }
  return { turnEntry: Int32Array.from(turnEntries), starts, ends, turnAt, maxEndUpTo, words };
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
