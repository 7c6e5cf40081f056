/**
 * Estimated timings: the simple baseline used when a transcript (or part of
 * one) has no times. Speech time is spread in proportion to syllables, with
 * a little extra for the pauses that punctuation implies. Every time that
 * already exists is an anchor that never moves; only the gaps between anchors
 * are filled, so hand-set and aligned times survive any re-estimate.
 */
import type { Entry, Transcript, Word } from './model.ts';
import { makeWord } from './edit/make-word.ts';
import { patchEntry } from './edit/patch-entry.ts';
import { countSyllables } from './syllables.ts';

/** Pause after a word, in syllable units, implied by its trailing punctuation. */
function pauseAfter(text: string): number {
  const bare = text.replace(/["'”’)\]»]+$/u, '');
  if (/[.!?…]$/u.test(bare)) return 1;
  if (/[,;:—–-]$/u.test(bare)) return 0.5;
  return 0;
}

/** Pause between two entries (a change of speaker or a new paragraph), in syllable units. */
const ENTRY_GAP = 1;
/** Nominal length of an event such as `(SOUNDBITE OF MUSIC)`, in syllable units (about a second of speech). */
const EVENT_WEIGHT = 4;
/** Nominal length of a speech turn that has no words yet, in syllable units. */
const EMPTY_TURN_WEIGHT = 1;

/**
 * An ordered list of boundary times, some unknown (NaN), with the weight
 * between consecutive boundaries: `weights[k]` lies between boundary `k - 1`
 * and `k` (`weights[0]` is measured from the virtual boundary `from`).
 * Typed arrays keep the 60,000 boundaries of a long transcript unboxed.
 */
interface Timeline {
  times: Float64Array;
  weights: Float64Array;
}

function timeline(size: number): Timeline {
  return { times: new Float64Array(size).fill(Number.NaN), weights: new Float64Array(size) };
}

/**
 * Fills the unknown boundaries of a timeline in place. Unknown boundaries
 * between two known ones are placed in proportion to the weight between them;
 * `trailing` is the weight from the last boundary to the virtual boundary
 * `to`. The virtual bounds give way to real anchors that lie beyond them.
 */
function fillTimeline({ times, weights }: Timeline, trailing: number, from: number, to: number): Float64Array {
  const n = times.length;
  const positions = new Float64Array(n);
  let position = 0;
  for (let k = 0; k < n; k++) {
    position += weights[k] ?? 0;
    positions[k] = position;
  }
  const endPosition = position + trailing;

  // Fills the open run (left, right) between two known boundaries.
  const fillRun = (left: number, right: number, leftPos: number, leftTime: number, rightPos: number, rightTime: number) => {
    const count = right - left - 1;
    if (count <= 0) return;
    const span = rightPos - leftPos;
    const duration = Math.max(0, rightTime - leftTime);
    for (let k = left + 1; k < right; k++) {
      const fraction = span > 0 ? ((positions[k] ?? 0) - leftPos) / span : (k - left) / (count + 1);
      times[k] = leftTime + duration * fraction;
    }
  };

  let lastKnown = -1;
  let lastPos = 0;
  let lastTime = from;
  for (let k = 0; k < n; k++) {
    const time = times[k] ?? Number.NaN;
    if (Number.isNaN(time)) continue;
    // A virtual start later than the first anchor gives way to the anchor.
    const leftTime = lastKnown === -1 ? Math.min(lastTime, time) : lastTime;
    fillRun(lastKnown, k, lastPos, leftTime, positions[k] ?? 0, time);
    lastKnown = k;
    lastPos = positions[k] ?? 0;
    lastTime = time;
  }
  fillRun(lastKnown, n, lastPos, lastTime, endPosition, Math.max(to, lastTime));
  return times;
}

/** Writes a run of words into the timeline from slot `offset`: start and end per word, pauses between. */
function putWords(line: Timeline, offset: number, words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const k = offset + 2 * i;
    if (word.start !== undefined) line.times[k] = word.start;
    if (word.end !== undefined) line.times[k + 1] = word.end;
    line.weights[k] = i === 0 ? 0 : pauseAfter((words[i - 1] as Word).text);
    line.weights[k + 1] = countSyllables(word.text);
  }
}

/** Typical conversational pace, used only where no anchor says how fast this speaker talks. */
const SECONDS_PER_SYLLABLE = 0.25;

/** How long `words` would take at a typical pace, pauses included; for estimates with only one known bound. */
export function nominalDuration(words: Word[]): number {
  let weight = 0;
  words.forEach((word, i) => {
    weight += countSyllables(word.text) + (i < words.length - 1 ? pauseAfter(word.text) : 0);
  });
  return weight * SECONDS_PER_SYLLABLE;
}

function estimatedWord(word: Word, start: number, end: number): Word {
  if (word.start === start && word.end === end) return word;
  return makeWord(word.text, start, end, 'estimated', word.confidence, word.paragraph);
}

/**
 * Gives times to the untimed words of one run of words spanning `start`..`end`.
 * Words that already have times are anchors and keep them (and their identity);
 * only the untimed stretches between anchors are filled, in proportion to
 * syllables plus punctuation pauses, and marked `timing: 'estimated'`. A word
 * with only one of `start`/`end` keeps that one. Returns `words` itself when
 * nothing needed filling.
 */
export function distributeWords(words: Word[], start: number, end: number): Word[] {
  if (words.every((word) => word.start !== undefined && word.end !== undefined)) return words;
  const line = timeline(2 * words.length);
  putWords(line, 0, words);
  const filled = fillTimeline(line, 0, start, end);
  return words.map((word, i) => estimatedWord(word, filled[2 * i] ?? start, filled[2 * i + 1] ?? end));
}

function boundaryCount(entry: Entry): number {
  return entry.kind === 'event' ? 2 : 2 + 2 * entry.words.length;
}

/** Writes an entry's boundaries (start, words, end) into the shared timeline from slot `offset`. */
function putEntry(line: Timeline, offset: number, entry: Entry, isFirst: boolean): void {
  if (entry.start !== undefined) line.times[offset] = entry.start;
  line.weights[offset] = isFirst ? 0 : ENTRY_GAP;
  const last = offset + boundaryCount(entry) - 1;
  if (entry.end !== undefined) line.times[last] = entry.end;
  if (entry.kind === 'event') {
    line.weights[last] = EVENT_WEIGHT;
    return;
  }
  putWords(line, offset + 1, entry.words);
  line.weights[last] = entry.words.length === 0 ? EMPTY_TURN_WEIGHT : 0;
}

const isUntimed = (entry: Entry) =>
  entry.start === undefined ||
  entry.end === undefined ||
  (entry.kind === 'speech' && entry.words.some((word) => word.start === undefined || word.end === undefined));

/**
 * The simple baseline: spreads all untimed speech over `0..duration` by
 * syllable count. Existing entry and word times are anchors that never move;
 * events get a small nominal duration; everything filled in is marked
 * `timing: 'estimated'`. Entries that were already fully timed keep their
 * identity. Returns the transcript unchanged when `duration` is not a positive
 * number (e.g. the audio has not loaded yet) or when nothing is untimed.
 */
export function estimateTimings(transcript: Transcript, duration: number): Transcript {
  if (!(duration > 0) || !Number.isFinite(duration) || !transcript.entries.some(isUntimed)) return transcript;
  let size = 0;
  for (const entry of transcript.entries) size += boundaryCount(entry);
  const line = timeline(size);
  let at = 0;
  transcript.entries.forEach((entry, i) => {
    putEntry(line, at, entry, i === 0);
    at += boundaryCount(entry);
  });
  const filled = fillTimeline(line, 0, 0, duration);

  let offset = 0;
  let changed = false;
  const entries = transcript.entries.map((entry): Entry => {
    const base = offset;
    offset += boundaryCount(entry);
    const start = filled[base] ?? 0;
    const end = filled[offset - 1] ?? start;
    const entryFilled = entry.start === undefined || entry.end === undefined;
    if (entry.kind === 'event') {
      if (!entryFilled) return entry;
      changed = true;
      return patchEntry(entry, { start, end, timing: 'estimated' });
    }
    let wordsChanged = false;
    const words = entry.words.map((word, j) => {
      const next = estimatedWord(word, filled[base + 1 + 2 * j] ?? start, filled[base + 2 + 2 * j] ?? end);
      if (next !== word) wordsChanged = true;
      return next;
    });
    if (!entryFilled && !wordsChanged) return entry;
    changed = true;
    const wordsPatch = wordsChanged ? { words } : {};
    return patchEntry(entry, entryFilled ? { ...wordsPatch, start, end, timing: 'estimated' } : wordsPatch);
  });
  return changed ? { ...transcript, entries } : transcript;
}
