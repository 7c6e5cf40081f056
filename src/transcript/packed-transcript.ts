/**
 * A transcript as a few flat columns, for handing a parsed transcript from a worker to
 * the page. Structured clone copies an object graph one object at a time on the receiving
 * thread (a 60 MB text transcript is ten million words: seconds of main-thread work in one
 * task); typed arrays transfer without a copy and one joined string copies as a block.
 * `unpackTranscript` rebuilds the objects step by step so the caller can spread the work
 * over short tasks.
 *
 * Every field of the model survives the round trip; a field that is absent stays absent.
 *
 * Past LAZY_WORDS words the page does not build the Word objects at all: each turn's
 * `words` is an own, enumerable getter that builds that turn's words from the columns the
 * first time anything reads them (a row rendering, an edit, an export) and then becomes a
 * plain property. Ten million small objects are most of a 60 MB transcript's heap and
 * their garbage collection pauses alone ran past 100 ms; a turn nobody reads costs its
 * summary (`packedTurnSummary`: word count, characters, first start, last and latest
 * end), which is what the time index, the row-height estimate and the audio-fit check
 * need from an unread turn.
 */
import type { Entry, Speaker, SpeechTurn, TimingSource, Transcript, Word } from './model.ts';

const TIMINGS: readonly TimingSource[] = ['file', 'aligned', 'estimated', 'manual'];

/** Presence bits of the optional fields. */
const HAS_START = 1;
const HAS_END = 2;
const HAS_CONFIDENCE = 4;
const PARAGRAPH = 8;
const EVENT = 16;

export interface PackedTranscript {
  speakers: Speaker[];
  language?: string;
  /** Distinct speaker ids; entries point into it (-1 for an unlabelled turn). */
  speakerIds: string[];
  /**
   * Every word's text, then every event's text, end to end, in pieces of about
   * TEXT_PIECE_CHARS cut between texts (never inside one): a worker posts the pieces one
   * message each, since one 50 MB string in a message took the page one 66 ms task to copy in.
   * `textEnds` marks where each text stops, `textPieceEnds` where each piece does (both counted over the whole).
   */
  text: string[];
  textEnds: Uint32Array;
  textPieceEnds: Uint32Array;
  /** Per entry. */
  entryFlags: Uint8Array;
  entrySpeaker: Int32Array;
  entryStart: Float64Array;
  entryEnd: Float64Array;
  entryConfidence: Float64Array;
  /** Index into TIMINGS + 1; 0 when absent. */
  entryTiming: Uint8Array;
  /** Words of entry i are words[wordStarts[i] .. wordStarts[i + 1]). */
  wordStarts: Uint32Array;
  /** Per word. */
  wordFlags: Uint8Array;
  wordStart: Float64Array;
  wordEnd: Float64Array;
  wordConfidence: Float64Array;
  wordTiming: Uint8Array;
  /** Per entry (speech turns; 0 / NaN for events): characters of its words' text, end to end. */
  entryChars: Uint32Array;
  /** Per entry: index of its first word with a start, of its last word with an end (-1: none). */
  entryFirstStartWord: Int32Array;
  entryLastEndWord: Int32Array;
  /** Per entry: the latest end of any of its words (-Infinity: none). */
  entryMaxWordEnd: Float64Array;
  /** Per entry: the earliest of its words' `start ?? end` (Infinity: none), and the latest `end ?? start` (-Infinity: none). */
  entryMinWordEdge: Float64Array;
  entryMaxWordEdge: Float64Array;
}

/** What the page knows of a turn whose words are not built yet (see the module comment). */
export interface TurnSummary {
  wordCount: number;
  /** Characters of the words' text, without the spaces between them. */
  chars: number;
  /** Start of the first word that has one (`turnStart`'s fallback). */
  firstWordStart: number | undefined;
  /** End of the last word that has one (`turnEnd`'s fallback). */
  lastWordEnd: number | undefined;
  /** Latest end of any word, -Infinity when none has one. */
  maxWordEnd: number;
  /** Earliest `start ?? end` of any word (Infinity: none) and latest `end ?? start` (-Infinity: none): the word-outside-turn check's bounds. */
  minWordEdge: number;
  maxWordEdge: number;
}

/**
 * An unread turn's summary and where its words are, under a non-enumerable symbol: spread,
 * JSON and structured clone leave it behind (an edited copy of the turn never carries a
 * stale one), and reading it is a plain property load, where a WeakMap of 200,000 turns
 * cost a hash lookup each and ephemeron work in every garbage collection.
 */
const UNREAD = Symbol('unread words');

interface Unread extends TurnSummary {
  packed: PackedTranscript;
  entry: number;
}

type MaybeUnread = { [UNREAD]?: Unread | undefined };

/** The summary of a turn unpacked lazily whose words were never read; undefined for every other turn (read its words). */
export function packedTurnSummary(turn: object): TurnSummary | undefined {
  return (turn as MaybeUnread)[UNREAD];
}

/**
 * `JSON.stringify(turn)`, key for key, without building an unread turn's words for good:
 * they are built for the string and dropped (young garbage), so saving a huge file does
 * not leave its ten million words on the heap.
 */
export function turnJson(turn: object): string {
  const where = (turn as MaybeUnread)[UNREAD];
  if (!where) return JSON.stringify(turn);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(turn)) copy[key] = key === 'words' ? buildWords(where.packed, where.entry) : (turn as Record<string, unknown>)[key];
  return JSON.stringify(copy);
}

/** A lazy turn's share of a step, in words (defining its getter and summary costs a few building words would; counted high to keep steps short). */
const LAZY_TURN_COST = 64;

/** Above this many words `unpackTranscript` leaves words unbuilt until read. */
export const LAZY_WORDS = 250_000;

/** The buffers `postMessage` can move instead of copying. */
export function packedBuffers(packed: PackedTranscript): ArrayBuffer[] {
  return [
    packed.textEnds,
    packed.textPieceEnds,
    packed.entryFlags,
    packed.entrySpeaker,
    packed.entryStart,
    packed.entryEnd,
    packed.entryConfidence,
    packed.entryTiming,
    packed.wordStarts,
    packed.wordFlags,
    packed.wordStart,
    packed.wordEnd,
    packed.wordConfidence,
    packed.wordTiming,
    packed.entryChars,
    packed.entryFirstStartWord,
    packed.entryLastEndWord,
    packed.entryMaxWordEnd,
    packed.entryMinWordEdge,
    packed.entryMaxWordEdge,
  ].map((array) => array.buffer as ArrayBuffer);
}

const timingCode = (timing: TimingSource | undefined) => (timing === undefined ? 0 : TIMINGS.indexOf(timing) + 1);

export function packTranscript(transcript: Transcript): PackedTranscript {
  const entries = transcript.entries;
  let wordCount = 0;
  let eventCount = 0;
  for (const entry of entries) {
    if (entry.kind === 'speech') wordCount += entry.words.length;
    else eventCount += 1;
  }
  const speakerIds: string[] = [];
  const speakerIndex = new Map<string | null, number>();
  const texts: string[] = new Array<string>(wordCount + eventCount);
  const textEnds = new Uint32Array(wordCount + eventCount);
  const entryFlags = new Uint8Array(entries.length);
  const entrySpeaker = new Int32Array(entries.length).fill(-1);
  const entryStart = new Float64Array(entries.length);
  const entryEnd = new Float64Array(entries.length);
  const entryConfidence = new Float64Array(entries.length);
  const entryTiming = new Uint8Array(entries.length);
  const wordStarts = new Uint32Array(entries.length + 1);
  const wordFlags = new Uint8Array(wordCount);
  // A column no word uses stays empty (an untimed text transcript of ten million words
  // would otherwise carry 240 MB of zeros).
  let anyStart = false;
  let anyEnd = false;
  let anyConfidence = false;
  let anyTiming = false;
  for (const entry of entries) {
    if (entry.kind !== 'speech') continue;
    for (const word of entry.words) {
      anyStart ||= word.start !== undefined;
      anyEnd ||= word.end !== undefined;
      anyConfidence ||= word.confidence !== undefined;
      anyTiming ||= word.timing !== undefined;
    }
  }
  const wordStart = new Float64Array(anyStart ? wordCount : 0);
  const wordEnd = new Float64Array(anyEnd ? wordCount : 0);
  const wordConfidence = new Float64Array(anyConfidence ? wordCount : 0);
  const wordTiming = new Uint8Array(anyTiming ? wordCount : 0);
  const entryChars = new Uint32Array(entries.length);
  const entryFirstStartWord = new Int32Array(entries.length).fill(-1);
  const entryLastEndWord = new Int32Array(entries.length).fill(-1);
  const entryMaxWordEnd = new Float64Array(entries.length).fill(-Infinity);
  const entryMinWordEdge = new Float64Array(entries.length).fill(Infinity);
  const entryMaxWordEdge = new Float64Array(entries.length).fill(-Infinity);

  let w = 0;
  let event = wordCount;
  entries.forEach((entry, e) => {
    wordStarts[e] = w;
    let flags = 0;
    if (entry.start !== undefined) [flags, entryStart[e]] = [flags | HAS_START, entry.start];
    if (entry.end !== undefined) [flags, entryEnd[e]] = [flags | HAS_END, entry.end];
    entryTiming[e] = timingCode(entry.timing);
    if (entry.kind === 'event') {
      texts[event++] = entry.text;
      entryFlags[e] = flags | EVENT;
      return;
    }
    if (entry.confidence !== undefined) [flags, entryConfidence[e]] = [flags | HAS_CONFIDENCE, entry.confidence];
    entryFlags[e] = flags;
    if (entry.speakerId !== null) {
      let index = speakerIndex.get(entry.speakerId);
      if (index === undefined) {
        index = speakerIds.push(entry.speakerId) - 1;
        speakerIndex.set(entry.speakerId, index);
      }
      entrySpeaker[e] = index;
    }
    let chars = 0;
    let maxEnd = -Infinity;
    let minEdge = Infinity;
    let maxEdge = -Infinity;
    for (const word of entry.words) {
      const first = word.start ?? word.end;
      const last = word.end ?? word.start;
      if (first !== undefined && first < minEdge) minEdge = first;
      if (last !== undefined && last > maxEdge) maxEdge = last;
      texts[w] = word.text;
      chars += word.text.length;
      let bits = 0;
      if (word.start !== undefined) {
        [bits, wordStart[w]] = [bits | HAS_START, word.start];
        if (entryFirstStartWord[e] === -1) entryFirstStartWord[e] = w;
      }
      if (word.end !== undefined) {
        [bits, wordEnd[w]] = [bits | HAS_END, word.end];
        entryLastEndWord[e] = w;
        if (word.end > maxEnd) maxEnd = word.end;
      }
      if (word.confidence !== undefined) [bits, wordConfidence[w]] = [bits | HAS_CONFIDENCE, word.confidence];
      if (word.paragraph) bits |= PARAGRAPH;
      wordFlags[w] = bits;
      if (anyTiming) wordTiming[w] = timingCode(word.timing);
      w += 1;
    }
    entryChars[e] = chars;
    entryMaxWordEnd[e] = maxEnd;
    entryMinWordEdge[e] = minEdge;
    entryMaxWordEdge[e] = maxEdge;
  });
  wordStarts[entries.length] = w;
  let end = 0;
  const pieces: string[] = [];
  const pieceEnds: number[] = [];
  let pieceFrom = 0;
  texts.forEach((text, i) => {
    end += text.length;
    textEnds[i] = end;
    if (end - (pieceEnds.at(-1) ?? 0) >= TEXT_PIECE_CHARS || i === texts.length - 1) {
      pieces.push(texts.slice(pieceFrom, i + 1).join(''));
      pieceEnds.push(end);
      pieceFrom = i + 1;
    }
  });
  return {
    speakers: transcript.speakers,
    ...(transcript.language === undefined ? {} : { language: transcript.language }),
    speakerIds,
    text: pieces,
    textEnds,
    textPieceEnds: Uint32Array.from(pieceEnds),
    entryFlags,
    entrySpeaker,
    entryStart,
    entryEnd,
    entryConfidence,
    entryTiming,
    wordStarts,
    wordFlags,
    wordStart,
    wordEnd,
    wordConfidence,
    wordTiming,
    entryChars,
    entryFirstStartWord,
    entryLastEndWord,
    entryMaxWordEnd,
    entryMinWordEdge,
    entryMaxWordEdge,
  };
}

/** How many words one step of `unpackTranscript` rebuilds, at most (about a millisecond's work). */
export const UNPACK_STEP_WORDS = 16_384;

/** Characters of a piece of `PackedTranscript.text`, about (it ends after the text that passes this). */
export const TEXT_PIECE_CHARS = 1 << 20;

/** The piece holding the text that ends at `to` (over the whole): the first piece ending at or after it. */
function pieceOf(packed: PackedTranscript, to: number): number {
  const ends = packed.textPieceEnds;
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! < to) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Text `i` (a word's or an event's), from the piece that holds it. */
function textAt(packed: PackedTranscript, i: number): string {
  const from = i === 0 ? 0 : packed.textEnds[i - 1]!;
  const to = packed.textEnds[i]!;
  if (from === to) return '';
  const piece = pieceOf(packed, to);
  const pieceStart = piece === 0 ? 0 : packed.textPieceEnds[piece - 1]!;
  return packed.text[piece]!.slice(from - pieceStart, to - pieceStart);
}

/** The words of entry `e`, built from the columns. */
function buildWords(packed: PackedTranscript, e: number): Word[] {
  const { wordStarts, wordFlags } = packed;
  const first = wordStarts[e]!;
  const last = wordStarts[e + 1]!;
  const words: Word[] = new Array<Word>(last - first);
  for (let w = first; w < last; w++) {
    const bits = wordFlags[w]!;
    const word: Word = { text: textAt(packed, w) };
    if (bits & HAS_START) word.start = packed.wordStart[w]!;
    if (bits & HAS_END) word.end = packed.wordEnd[w]!;
    if (bits & HAS_CONFIDENCE) word.confidence = packed.wordConfidence[w]!;
    const wordTiming = packed.wordTiming[w];
    if (wordTiming) word.timing = TIMINGS[wordTiming - 1]!;
    if (bits & PARAGRAPH) word.paragraph = true;
    words[w - first] = word;
  }
  return words;
}

function settleWords(turn: SpeechTurn, words: Word[]): void {
  (turn as MaybeUnread)[UNREAD] = undefined;
  Object.defineProperty(turn, 'words', { value: words, writable: true, enumerable: true, configurable: true });
}

/**
 * The accessor every unread turn shares (one function pair for all of them: V8 then gives
 * them one hidden class, where a closure per turn cost microseconds a turn): builds the
 * words on first read, then `words` is a plain property like any other turn's.
 */
const LAZY_WORDS_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: SpeechTurn): Word[] {
    const where = (this as MaybeUnread)[UNREAD]!;
    const words = buildWords(where.packed, where.entry);
    // Built: from now on the words themselves answer (and may be replaced), not the summary.
    settleWords(this, words);
    return words;
  },
  set(this: SpeechTurn, words: Word[]) {
    settleWords(this, words);
  },
};

/** Makes `turn.words` the shared getter over entry `e` of the columns, with the turn's summary. */
function defineLazyWords(turn: SpeechTurn, packed: PackedTranscript, e: number): void {
  Object.defineProperty(turn, 'words', LAZY_WORDS_PROPERTY);
  const { wordStarts } = packed;
  const firstStart = packed.entryFirstStartWord[e]!;
  const lastEnd = packed.entryLastEndWord[e]!;
  const summary: Unread = {
    wordCount: wordStarts[e + 1]! - wordStarts[e]!,
    chars: packed.entryChars[e]!,
    firstWordStart: firstStart < 0 ? undefined : packed.wordStart[firstStart]!,
    lastWordEnd: lastEnd < 0 ? undefined : packed.wordEnd[lastEnd]!,
    maxWordEnd: packed.entryMaxWordEnd[e]!,
    minWordEdge: packed.entryMinWordEdge[e]!,
    maxWordEdge: packed.entryMaxWordEdge[e]!,
    packed,
    entry: e,
  };
  Object.defineProperty(turn, UNREAD, { value: summary, writable: true, enumerable: false, configurable: true });
}

/**
 * Rebuilds the transcript. Each `next()` rebuilds whole entries until about
 * UNPACK_STEP_WORDS words are done and yields the share finished so far (0..1); the
 * generator's return value is the transcript. Run it to the end in one go, or a few
 * steps per task. Past `lazyWords` words (LAZY_WORDS unless told) the words are left to
 * be built when read (see the module comment); a step then counts entries, not words.
 */
export function* unpackTranscript(packed: PackedTranscript, lazyWords = LAZY_WORDS): Generator<number, Transcript, void> {
  const { entryFlags, wordStarts, wordFlags } = packed;
  const entryCount = entryFlags.length;
  const wordCount = wordFlags.length;
  const lazy = wordCount > lazyWords;
  const entries: Entry[] = new Array<Entry>(entryCount);
  let event = wordCount;
  let budget = UNPACK_STEP_WORDS;
  for (let e = 0; e < entryCount; e++) {
    const flags = entryFlags[e]!;
    const timing = packed.entryTiming[e]!;
    if (flags & EVENT) {
      const entry: Entry = { kind: 'event', text: textAt(packed, event) };
      event += 1;
      if (flags & HAS_START) entry.start = packed.entryStart[e]!;
      if (flags & HAS_END) entry.end = packed.entryEnd[e]!;
      if (timing) entry.timing = TIMINGS[timing - 1]!;
      entries[e] = entry;
      budget -= 1;
    } else {
      const speaker = packed.entrySpeaker[e]!;
      const speakerId = speaker < 0 ? null : packed.speakerIds[speaker]!;
      let turn: SpeechTurn;
      if (lazy) {
        // Property order as an eager turn's (kind, speakerId, words, …): exports write keys in it.
        turn = { kind: 'speech', speakerId } as SpeechTurn;
        defineLazyWords(turn, packed, e);
        budget -= LAZY_TURN_COST;
      } else {
        turn = { kind: 'speech', speakerId, words: buildWords(packed, e) };
        budget -= 1 + wordStarts[e + 1]! - wordStarts[e]!;
      }
      if (flags & HAS_START) turn.start = packed.entryStart[e]!;
      if (flags & HAS_END) turn.end = packed.entryEnd[e]!;
      if (flags & HAS_CONFIDENCE) turn.confidence = packed.entryConfidence[e]!;
      if (timing) turn.timing = TIMINGS[timing - 1]!;
      entries[e] = turn;
    }
    if (budget <= 0) {
      budget = UNPACK_STEP_WORDS;
      yield (e + 1) / entryCount;
    }
  }
  return {
    speakers: packed.speakers,
    entries,
    ...(packed.language === undefined ? {} : { language: packed.language }),
  };
}
