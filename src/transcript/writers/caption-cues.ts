/**
 * Subtitle-ready cues for WebVTT and SRT: each timed turn is cut into cues on its word times,
 * following common broadcast subtitle guidelines (BBC, Netflix timed-text style):
 * at most `maxLines` lines of at most `maxChars` characters, at most `maxDuration` seconds,
 * at least about a second where the gap after it allows (never under half a second), a reading
 * speed of at most ~20 characters per second where timing allows, breaks at sentence and clause
 * ends rather than mid-phrase and never inside a word, a new cue at every turn (so at every
 * speaker change), no overlaps and a small gap between cues.
 *
 * Cutting is a small dynamic programme per turn: each cue costs a constant (fewer cues are
 * better) plus how bad its last word is as a break point, so a turn that fits one cue always
 * stays one cue. A word longer than a line is kept whole on its own line (never split).
 */
import { distributeWords } from '../estimate-times.ts';
import { wordsFromText, type Entry, type Transcript, type Word } from '../model.ts';
import { roundToMillis } from '../formats/timecode.ts';
import { timedCues } from './timed-cues.ts';

export interface CaptionLimits {
  /** Characters per line (default 42). */
  maxChars: number;
  /** Lines per cue (default 2). */
  maxLines: number;
  /** Seconds per cue (default 7). */
  maxDuration: number;
  /** Seconds a cue should last when the gap after it allows (default 1). */
  minDuration: number;
  /** Reading speed, characters per second, to reach by lengthening into the gap (default 20). */
  maxCps: number;
  /** Seconds left between one cue's end and the next one's start (default 0.08, two frames). */
  gap: number;
}

export interface CaptionOptions extends Partial<CaptionLimits> {
  /** One cue per turn, as before captions were cut (the Export dialog's and CLI's `--cue-per-turn`). */
  cuePerTurn?: boolean;
}

export const DEFAULT_CAPTION_LIMITS: CaptionLimits = { maxChars: 42, maxLines: 2, maxDuration: 7, minDuration: 1, maxCps: 20, gap: 0.08 };
/** Below this no cue is ever shown, whatever the timing: too short to read at all. */
export const HARD_MIN_DURATION = 0.5;

export interface CaptionCue {
  entry: Entry;
  start: number;
  end: number;
  /** The cue's words with their (possibly interpolated) times, for inline timestamps. */
  words: Word[];
  /** Cue text as lines (without any speaker prefix). */
  lines: string[];
  /** The first cue of its entry: where SRT puts `NAME:` or a dialogue dash. */
  firstOfEntry: boolean;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;
/** `U.S.`, `Dr.`: a full stop that does not end the sentence. */
const ABBREVIATION = /^["'“‘(]*(?:(?:\p{L}\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Jr\.|Sr\.|vs\.|etc\.)$/u;
const CLAUSE_END = /[,;:—–-]["'”’)\]]*$/u;
const WEAK_END = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'that', 'my', 'your', 'his', 'her', 'our', 'their', 'its', 'is', 'was']);

const width = (text: string): number => [...text].length;
/** What one more cue costs against a bad break (see breakCost): a clause break is worth a cue, a sentence end more. */
const CUE_COST = 2;

/** Words a new line or cue may well start with: a phrase begins there. */
const PHRASE_START = new Set(['and', 'but', 'or', 'so', 'because', 'which', 'who', 'when', 'where', 'while', 'if', 'then', 'than', 'as']);

/**
 * How bad it is to end a cue or a line after `text` (before `next`): sentence end 0,
 * clause 1.5, before a conjunction 3, mid-phrase 5, a dangling article or preposition 8.
 */
function breakCost(text: string, next: string | undefined): number {
  if (SENTENCE_END.test(text) && !ABBREVIATION.test(text)) return 0;
  if (CLAUSE_END.test(text)) return 1.5;
  if (WEAK_END.has(text.toLowerCase())) return 8;
  return next !== undefined && PHRASE_START.has(next.toLowerCase()) ? 3 : 5;
}

/**
 * Lines for `texts` within the limits, or `undefined` when they do not fit. `lead` is text
 * before the first word on the first line (SRT's `Name: `). Prefers a break at punctuation
 * and, among equals, the more even split.
 */
export function wrapLines(texts: string[], maxChars: number, maxLines: number, lead = 0): string[] | undefined {
  const n = texts.length;
  if (n === 0) return [];
  // best[i][k]: cheapest way to put texts[0..i) on k lines.
  const best: { cost: number; from: number }[][] = Array.from({ length: n + 1 }, () => []);
  (best[0] as { cost: number; from: number }[])[0] = { cost: 0, from: -1 };
  for (let i = 0; i < n; i += 1) {
    for (let k = 0; k < maxLines; k += 1) {
      const here = best[i]?.[k];
      if (here === undefined) continue;
      let lineWidth = i === 0 ? lead : 0;
      for (let j = i; j < n; j += 1) {
        lineWidth += width(texts[j] ?? '') + (j > i ? 1 : 0);
        // A single over-long word still gets its own line: words are never cut.
        if (lineWidth > maxChars && j > i) break;
        const last = j === n - 1;
        // Squared slack favours even lines over one full line and a stub.
        const slack = (maxChars - Math.min(lineWidth, maxChars)) / maxChars;
        const cost = here.cost + (last ? 0 : breakCost(texts[j] ?? '', texts[j + 1]) + 1) + 3 * slack * slack;
        const slot = best[j + 1];
        if (slot && (slot[k + 1] === undefined || cost < (slot[k + 1]?.cost ?? Infinity))) slot[k + 1] = { cost, from: i };
      }
    }
  }
  let lines = -1;
  for (let k = 1; k <= maxLines; k += 1) {
    const option = best[n]?.[k];
    if (option && (lines === -1 || option.cost < (best[n]?.[lines]?.cost ?? Infinity))) lines = k;
  }
  if (lines === -1) return undefined;
  const result: string[] = [];
  for (let end = n, k = lines; k > 0; k -= 1) {
    const from = best[end]?.[k]?.from ?? 0;
    result.unshift(texts.slice(from, end).join(' '));
    end = from;
  }
  return result;
}

/** The entry's words, every one timed: known times kept, the rest interpolated inside `start`..`end`. */
function timedWords(entry: Entry, start: number, end: number): Word[] {
  const words = entry.kind === 'speech' ? entry.words : wordsFromText(entry.text);
  const inside = words.map((word) => {
    const wordStart = word.start === undefined ? undefined : Math.min(Math.max(word.start, start), end);
    const wordEnd = word.end === undefined ? undefined : Math.min(Math.max(word.end, wordStart ?? start), end);
    return wordStart === word.start && wordEnd === word.end ? word : { ...word, start: wordStart, end: wordEnd };
  });
  return distributeWords(inside, start, end).map((word) => {
    const wordStart = word.start ?? word.end ?? start;
    return { ...word, start: wordStart, end: Math.max(wordStart, word.end ?? wordStart) };
  });
}

interface Piece {
  from: number;
  to: number;
  lines: string[];
}

/** Cuts one entry's timed words into cues; `lead` is the first cue's prefix width. */
function cutEntry(words: Word[], limits: CaptionLimits, lead: number): Piece[] {
  const n = words.length;
  const texts = words.map((word) => word.text);
  const best: { cost: number; from: number; lines: string[] }[] = [{ cost: 0, from: -1, lines: [] }];
  for (let j = 1; j <= n; j += 1) {
    let choice: { cost: number; from: number; lines: string[] } | undefined;
    for (let i = j - 1; i >= 0; i -= 1) {
      const before = best[i];
      if (before === undefined || !Number.isFinite(before.cost)) continue;
      const startTime = words[i]?.start ?? 0;
      const endTime = words[j - 1]?.end ?? startTime;
      if (endTime - startTime > limits.maxDuration && j - i > 1) break;
      const lines = wrapLines(texts.slice(i, j), limits.maxChars, limits.maxLines, i === 0 ? lead : 0);
      if (lines === undefined) break;
      const duration = Math.max(endTime - startTime, 1e-3);
      const chars = lines.reduce((sum, line) => sum + width(line), 0);
      const short = duration < limits.minDuration && j < n ? 3 : 0;
      const fast = Math.max(0, chars / duration - limits.maxCps) * 0.2;
      const cost = before.cost + CUE_COST + (j === n || words[j]?.paragraph ? 0 : breakCost(texts[j - 1] ?? '', texts[j])) + short + fast;
      if (choice === undefined || cost < choice.cost) choice = { cost, from: i, lines };
    }
    // Unreachable only when one word alone breaks the limits; it then becomes a cue of its own.
    best[j] = choice ?? { cost: (best[j - 1]?.cost ?? 0) + 100, from: j - 1, lines: [texts[j - 1] ?? ''] };
  }
  const pieces: Piece[] = [];
  for (let to = n; to > 0; ) {
    const step = best[to] as { from: number; lines: string[] };
    pieces.unshift({ from: step.from, to, lines: step.lines });
    to = step.from;
  }
  return pieces;
}

/**
 * Places cues in time: no overlaps, `gap` between cues, each lengthened into the silence after
 * it towards the minimum duration and reading speed, never shorter than HARD_MIN_DURATION nor
 * longer than `maxDuration`; a cue too close to the next pushes that one a little later.
 */
function placeCues(cues: CaptionCue[], limits: CaptionLimits): CaptionCue[] {
  const placed: CaptionCue[] = [];
  cues.forEach((cue, index) => {
    const previous = placed[placed.length - 1];
    let start = cue.start;
    if (previous && start < previous.end + limits.gap) start = previous.end + limits.gap;
    const next = cues[index + 1];
    // From the next cue's start as it will be written (to the millisecond), so the gap stays exact after rounding.
    const room = next === undefined ? Infinity : roundToMillis(next.start) - limits.gap;
    const chars = cue.lines.reduce((sum, line) => sum + width(line), 0);
    const wanted = Math.max(limits.minDuration, chars / limits.maxCps);
    let end = Math.max(cue.end, start + HARD_MIN_DURATION);
    if (end - start < wanted) end = Math.max(end, Math.min(start + wanted, room));
    end = Math.min(end, start + limits.maxDuration);
    placed.push({ ...cue, start: roundToMillis(start), end: roundToMillis(end) });
  });
  return placed;
}

export function captionLimits(options: CaptionOptions = {}): CaptionLimits {
  const pick = (value: number | undefined, fallback: number, least: number): number =>
    value !== undefined && Number.isFinite(value) && value >= least ? value : fallback;
  return {
    maxChars: Math.floor(pick(options.maxChars, DEFAULT_CAPTION_LIMITS.maxChars, 8)),
    maxLines: Math.floor(pick(options.maxLines, DEFAULT_CAPTION_LIMITS.maxLines, 1)),
    maxDuration: pick(options.maxDuration, DEFAULT_CAPTION_LIMITS.maxDuration, 1),
    minDuration: pick(options.minDuration, DEFAULT_CAPTION_LIMITS.minDuration, HARD_MIN_DURATION),
    maxCps: pick(options.maxCps, DEFAULT_CAPTION_LIMITS.maxCps, 1),
    gap: pick(options.gap, DEFAULT_CAPTION_LIMITS.gap, 0),
  };
}

/**
 * The cues of a transcript. `leadOf` gives the width of the prefix the writer puts before
 * an entry's first cue (SRT's `Name: `), so lines with it still fit. Entries without any time
 * are left out and counted, as in `timedCues`.
 */
export function captionCues(
  transcript: Transcript,
  options: CaptionOptions = {},
  leadOf: (entry: Entry) => number = () => 0,
): { cues: CaptionCue[]; skipped: number } {
  const limits = captionLimits(options);
  const { cues: spans, skipped } = timedCues(transcript);
  const cues: CaptionCue[] = [];
  for (const { entry, start, end } of spans) {
    const words = timedWords(entry, start, end).filter((word) => word.text.trim().length > 0);
    if (words.length === 0) continue;
    if (options.cuePerTurn) {
      cues.push({ entry, start, end, words, lines: [words.map((word) => word.text).join(' ')], firstOfEntry: true });
      continue;
    }
    cutEntry(words, limits, leadOf(entry)).forEach((piece, index) => {
      const slice = words.slice(piece.from, piece.to);
      cues.push({
        entry,
        start: index === 0 ? start : (slice[0]?.start ?? start),
        end: piece.to === words.length ? end : (slice[slice.length - 1]?.end ?? end),
        words: slice,
        lines: piece.lines,
        firstOfEntry: index === 0,
      });
    });
  }
  return { cues: options.cuePerTurn ? cues : placeCues(cues, limits), skipped };
}

/** Named choices for the Export menu: the broadcast default, narrower lines, single lines, or one cue per turn. */
export const CAPTION_PRESETS: readonly { id: string; label: string; options: CaptionOptions }[] = [
  { id: 'broadcast', label: 'Captions: 2 lines × 42 characters, up to 7 s', options: {} },
  { id: 'narrow', label: 'Captions: 2 lines × 32 characters, up to 6 s (vertical video)', options: { maxChars: 32, maxDuration: 6 } },
  { id: 'single-line', label: 'Captions: 1 line × 42 characters, up to 5 s', options: { maxLines: 1, maxDuration: 5 } },
  { id: 'per-turn', label: 'Captions: one cue per turn', options: { cuePerTurn: true } },
];
