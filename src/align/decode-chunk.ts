/**
 * Decoding one chunk of tokens: choosing its window, widening the window
 * when the words do not fit, and decoding again with garbage loops where the
 * result shows words sitting on untranscribed audio.
 */
import type { AlignToken } from './align-tokens.ts';
import { type SpeechIsland, islandAt } from './speech-islands.ts';
import type { DecodeOptions, TokenSegment, WindowDecoder } from './window-decoder.ts';

/** Window length = expected duration × this + WINDOW_SLACK seconds. */
const WINDOW_STRETCH = 1.2;
const WINDOW_SLACK = 2.5;
/** Words ending closer than this to a window's end were probably squeezed in: widen. */
const TAIL_MARGIN = 0.3;
/**
 * A window that was too short grows by this factor (plus 5 s). Windows miss by
 * little (a slower turn, an insert of 10-20 s): doubling decoded up to twice
 * the audio needed; 1.5 cut the 30-minute benchmark's decoded audio by 2 %
 * with the same errors.
 */
const WIDENING = 1.5;
const MAX_WIDENINGS = 3;
/**
 * Mostly sounding stretches between the words of one turn (each at least
 * MIN_COUNTED_GAP) adding up to this much are untranscribed audio, not pauses
 * or breaths.
 */
const MIN_SOUNDING_GAP = 1.2;
const MIN_COUNTED_GAP = 0.3;
/** How much longer a window may get when it is decoded again with room for untranscribed audio. */
const MAX_RETRY_EXTENSION = 20;
/** Extra window length for a chunk whose grammar has garbage loops (untranscribed audio expected). */
const GAP_ALLOWANCE = 20;
/** Windows whose grammar has garbage loops grow by at most this much when their words do not fit. */
const MAX_GAP = 60;
/** How many times a chunk is decoded again because words in it were stretched over untranscribed audio. */
const MAX_STRETCH_RETRIES = 2;
/** A turn aligned in less than this share of its speaker's usual time was squeezed into too short a window. */
const SQUEEZE_RATIO = 0.55;
/** ...judged only on turns with at least this many syllables. */
const SQUEEZE_MIN_SYLLABLES = 10;
/** pullBackLastWord: a pause at least this long before the island where the last word starts, */
const TAIL_PAUSE = 0.3;
/** ...the word starting within this of the island's onset, */
const ONSET_SLACK = 0.1;
/** ...and at least this much speech in the island after the word. */
const TAIL_MORE_SPEECH = 0.3;
/** The tokens in the last seconds of a window are not judged for untranscribed audio (they are decoded again). */
const UNJUDGED_TAIL = 3;

/** Tells whether audio between two times is mostly sound rather than pause. */
export type SoundTest = (from: number, to: number) => boolean;

export interface ChunkRequest {
  windows: WindowDecoder;
  /** 16 kHz audio. */
  samples: Float32Array;
  tokens: readonly AlignToken[];
  /** Token indices to align, in order (the context word first, when there is one). */
  chunk: number[];
  /** Window start, seconds. */
  from: number;
  /** No window reaches past this (the region's end). */
  limit: number;
  /** The chunk ends the region: its window is the rest of the region. */
  reachesEnd: boolean;
  /** Expected seconds from `from` to the chunk's last word. */
  expected: number;
  /** Tokens that may be preceded by untranscribed audio of any length. */
  gapBefore: (index: number) => boolean;
  sound: SoundTest;
  /** A speaker's measured seconds per syllable, when known: turns aligned far faster were squeezed in. */
  knownRate: (speaker: string | null) => number | undefined;
  /**
   * One turn decoded on its own because the chunk it was in found no path:
   * whatever the window holds after it (the turns that follow, noise) goes to
   * a garbage loop, and a window with no path is decoded once more with a
   * wider beam.
   */
  alone?: boolean;
  /** Tokens that follow a spoken word with no pronunciation the model knows (a name, a word missing from the French dictionary). */
  unsaidBefore?: (index: number) => boolean;
  /** Decode only the speech the detector heard (see DecodeOptions.speechOnly). */
  speechOnly?: readonly SpeechIsland[];
}

export interface ChunkResult {
  segments: Map<number, TokenSegment>;
  widenings: number;
}

/** Decodes one chunk, widening its window until its words fit; null when they never do. */
export function decodeChunk(request: ChunkRequest): ChunkResult | null {
  const { windows, samples, tokens, chunk, from, limit, reachesEnd, expected, sound, knownRate } = request;
  // A word the model cannot say leaves its sound to a garbage loop (in the grammar only: it needs no
  // room in the window beyond its own syllables).
  const gapBefore = request.unsaidBefore ? (index: number) => request.gapBefore(index) || (request.unsaidBefore?.(index) ?? false) : request.gapBefore;
  const options: DecodeOptions = {
    ...(request.alone ? { tailGap: !reachesEnd, widenBeam: true } : {}),
    ...(request.speechOnly ? { speechOnly: request.speechOnly } : {}),
  };
  const hasGaps = chunk.some(request.gapBefore);
  // After a stage direction the music or jingle takes time the words do not account for; a window
  // with room for it from the start saves decoding the chunk twice.
  const initial = expected * WINDOW_STRETCH + WINDOW_SLACK + (hasGaps ? GAP_ALLOWANCE : 0);
  let length = initial;
  for (let widenings = 0; widenings <= MAX_WIDENINGS; widenings++) {
    // Never straight to the end of a long file: one stubborn turn would cost a pass over all of it.
    // Where the grammar has garbage loops, the words could jump over minutes of real speech in a
    // long window, so those windows grow by at most MAX_GAP.
    const to = reachesEnd ? limit : Math.min(limit, from + (hasGaps ? Math.min(length, initial + MAX_GAP) : length));
    const segments = windows.decode(samples, from, to, tokens, chunk, gapBefore, options);
    if (fits(segments, chunk, to, limit) && (to >= limit || !squeezed(tokens, chunk, segments, knownRate))) {
      const kept = windows.overBudget() ? segments : retryUntranscribed(windows, samples, tokens, chunk, from, to, limit, gapBefore, sound, segments, options);
      const tail = request.alone && request.speechOnly && !reachesEnd ? pullBackLastWord(windows, samples, tokens, chunk, from, kept, gapBefore, options, request.speechOnly) : kept;
      return { segments: tail, widenings };
    }
    if (to >= limit || (hasGaps && length >= initial + MAX_GAP) || windows.overBudget()) return null;
    length = length * WIDENING + 5;
  }
  return null;
}

/**
 * A turn decoded alone has a garbage loop after it, and under noise its last
 * word can leave its own audio for the next turn's first words: it starts at
 * the onset of a speech island after a pause, while that island goes on well
 * past it (the Praat sentences under street noise: "barrel" 1.4 s late, on
 * the next "Mary", which then started 0.8 s late). Decoded again in a window
 * that ends at that onset, the word goes back to its own audio; kept when
 * every word is found.
 */
function pullBackLastWord(
  windows: WindowDecoder,
  samples: Float32Array,
  tokens: readonly AlignToken[],
  chunk: number[],
  from: number,
  segments: Map<number, TokenSegment>,
  gapBefore: (index: number) => boolean,
  options: DecodeOptions,
  islands: readonly SpeechIsland[],
): Map<number, TokenSegment> {
  if (chunk.length < 2 || windows.overBudget()) return segments;
  const onset = lastWordOnNextOnset(segments.get(chunk.at(-2) as number) as TokenSegment, segments.get(chunk.at(-1) as number) as TokenSegment, islands);
  if (onset === null) return segments;
  const again = windows.decode(samples, from, onset + ONSET_SLACK, tokens, chunk, gapBefore, options);
  return again && chunk.every((index) => again.has(index)) ? again : segments;
}

/**
 * The onset of the speech island the last word starts at, when a pause
 * separates it from the word before and the island goes on well past it;
 * otherwise null.
 */
export function lastWordOnNextOnset(before: TokenSegment, last: TokenSegment, islands: readonly SpeechIsland[]): number | null {
  const island = islandAt(islands, last.start + ONSET_SLACK);
  if (!island || island.start - before.end < TAIL_PAUSE || last.start - island.start > ONSET_SLACK || island.end < last.end + TAIL_MORE_SPEECH) return null;
  return island.start;
}

function fits(segments: Map<number, TokenSegment> | null, chunk: number[], to: number, limit: number): segments is Map<number, TokenSegment> {
  return segments !== null && (to >= limit || (segments.get(chunk.at(-1) as number) as TokenSegment).end <= to - TAIL_MARGIN);
}

/**
 * Words stretched over seconds, or silences between words that are not
 * silent, mean the decoder had nothing better for some untranscribed audio (a
 * jingle, an intro in the middle of a long file, an ad). Decodes again with a
 * garbage loop allowed there, in a window longer by the suspicious time (the
 * words after it may move later). The new grammar contains every path of the
 * old one, so its best path can only be better by the decoder's own measure;
 * it is kept when its words still fit.
 */
function retryUntranscribed(
  windows: WindowDecoder,
  samples: Float32Array,
  tokens: readonly AlignToken[],
  chunk: number[],
  from: number,
  to: number,
  limit: number,
  gapBefore: (index: number) => boolean,
  sound: SoundTest,
  segments: Map<number, TokenSegment>,
  options: DecodeOptions,
): Map<number, TokenSegment> {
  const gaps = new Set<number>();
  let end = to;
  let current = segments;
  for (let retry = 0; retry < MAX_STRETCH_RETRIES; retry++) {
    const suspects = untranscribedSuspects(tokens, chunk, current, from, sound, gapBefore);
    const before = gaps.size;
    for (const suspect of suspects.positions) gaps.add(chunk[suspect] as number);
    if (gaps.size === before) break;
    end = Math.min(limit, end + Math.min(MAX_RETRY_EXTENSION, suspects.seconds));
    const again = windows.decode(samples, from, end, tokens, chunk, (index) => gapBefore(index) || gaps.has(index), options);
    if (!fits(again, chunk, end, limit)) break;
    current = again;
  }
  return current;
}

/**
 * True when a whole turn of a known speaker, away from the window's tail,
 * was aligned in under SQUEEZE_RATIO of the time that speaker takes: a window
 * too short makes the decoder compress words rather than fail, and the words
 * of the next chunk then land on this turn's audio.
 */
export function squeezed(
  tokens: readonly AlignToken[],
  chunk: number[],
  segments: Map<number, TokenSegment>,
  knownRate: (speaker: string | null) => number | undefined,
): boolean {
  const lastEnd = (segments.get(chunk.at(-1) as number) as TokenSegment).end;
  let start: TokenSegment | undefined;
  let syllables = 0;
  for (const index of chunk) {
    const token = tokens[index] as AlignToken;
    const segment = segments.get(index) as TokenSegment;
    if (token.turnStart) {
      start = segment;
      syllables = 0;
    }
    syllables += token.syllables;
    if (!token.turnEnd || start === undefined) continue;
    const rate = knownRate(token.speaker);
    if (segment.end < lastEnd - UNJUDGED_TAIL && rate !== undefined && syllables >= SQUEEZE_MIN_SYLLABLES) {
      if (segment.end - start.start < SQUEEZE_RATIO * syllables * rate) return true;
    }
    start = undefined;
  }
  return false;
}

/** Position in `chunk` of the first token of the turn that holds the token at `position` (0 if the turn began earlier). */
function turnStartOf(tokens: readonly AlignToken[], chunk: number[], position: number): number {
  let start = position;
  while (start > 0 && !(tokens[chunk[start] as number] as AlignToken).turnStart) start -= 1;
  return start;
}

/**
 * Positions (in `chunk`) before which untranscribed audio probably sits: the
 * start of any turn whose words (the first one included) are separated by
 * mostly sounding stretches adding up to MIN_SOUNDING_GAP, and those
 * stretches themselves; and around any token far longer than any way of
 * saying it (0.8 s plus 0.4 s per syllable), with the start of its turn.
 * The last UNJUDGED_TAIL seconds are not judged; they are decoded again with
 * the next window anyway.
 */
function untranscribedSuspects(
  tokens: readonly AlignToken[],
  chunk: number[],
  segments: Map<number, TokenSegment>,
  from: number,
  sound: SoundTest,
  gapBefore: (index: number) => boolean,
): { positions: number[]; seconds: number } {
  const lastEnd = (segments.get(chunk.at(-1) as number) as TokenSegment).end;
  const positions = new Set<number>();
  let seconds = 0;
  let previousEnd = from;
  // Sounding gaps add up per turn: words dragged over music leave several shorter ones.
  let turnSounding = 0;
  let turnGaps: number[] = [];
  const closeTurn = () => {
    if (turnSounding >= MIN_SOUNDING_GAP) {
      for (const position of turnGaps) positions.add(position);
      seconds += turnSounding;
    }
    turnSounding = 0;
    turnGaps = [];
  };
  chunk.forEach((index, position) => {
    const token = tokens[index] as AlignToken;
    const segment = segments.get(index) as TokenSegment;
    if (token.turnStart) closeTurn();
    if (segment.start >= lastEnd - UNJUDGED_TAIL) return;
    const gap = segment.start - previousEnd;
    // Where the grammar already had a garbage loop, the sound in front of the word was explained by it.
    if (gap >= MIN_COUNTED_GAP && !gapBefore(index) && sound(previousEnd, segment.start)) {
      // The untranscribed audio most likely came before the turn and pulled its first words in.
      turnGaps.push(position, turnStartOf(tokens, chunk, position));
      turnSounding += gap;
    }
    previousEnd = segment.end;
    const duration = segment.end - segment.start;
    const longest = 0.8 + 0.4 * token.syllables;
    if (duration > longest) {
      positions.add(turnStartOf(tokens, chunk, position));
      positions.add(position);
      if (position + 1 < chunk.length) positions.add(position + 1);
      seconds += duration - longest;
    }
  });
  closeTurn();
  return { positions: [...positions].sort((a, b) => a - b), seconds };
}
