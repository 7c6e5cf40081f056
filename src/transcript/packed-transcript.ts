/**
 * A transcript as a few flat columns, for handing a parsed transcript from a worker to
 * the page. Structured clone copies an object graph one object at a time on the receiving
 * thread (a 60 MB text transcript is ten million words: seconds of main-thread work in one
 * task); typed arrays transfer without a copy and one joined string copies as a block.
 * `unpackTranscript` rebuilds the objects step by step so the caller can spread the work
 * over short tasks.
 *
 * Every field of the model survives the round trip; a field that is absent stays absent.
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
  /** Every word's text, then every event's text, end to end; `textEnds` marks where each stops. */
  text: string;
  textEnds: Uint32Array;
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
}

/** The buffers `postMessage` can move instead of copying. */
export function packedBuffers(packed: PackedTranscript): ArrayBuffer[] {
  return [
    packed.textEnds,
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
  const wordStart = new Float64Array(wordCount);
  const wordEnd = new Float64Array(wordCount);
  const wordConfidence = new Float64Array(wordCount);
  const wordTiming = new Uint8Array(wordCount);

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
    for (const word of entry.words) {
      texts[w] = word.text;
      let bits = 0;
      if (word.start !== undefined) [bits, wordStart[w]] = [bits | HAS_START, word.start];
      if (word.end !== undefined) [bits, wordEnd[w]] = [bits | HAS_END, word.end];
      if (word.confidence !== undefined) [bits, wordConfidence[w]] = [bits | HAS_CONFIDENCE, word.confidence];
      if (word.paragraph) bits |= PARAGRAPH;
      wordFlags[w] = bits;
      wordTiming[w] = timingCode(word.timing);
      w += 1;
    }
  });
  wordStarts[entries.length] = w;
  let end = 0;
  texts.forEach((text, i) => {
    end += text.length;
    textEnds[i] = end;
  });
  return {
    speakers: transcript.speakers,
    ...(transcript.language === undefined ? {} : { language: transcript.language }),
    speakerIds,
    text: texts.join(''),
    textEnds,
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
  };
}

/** How many words one step of `unpackTranscript` rebuilds, at most (about a millisecond's work). */
export const UNPACK_STEP_WORDS = 16_384;

/**
 * Rebuilds the transcript. Each `next()` rebuilds whole entries until about
 * UNPACK_STEP_WORDS words are done and yields the share finished so far (0..1); the
 * generator's return value is the transcript. Run it to the end in one go, or a few
 * steps per task.
 */
export function* unpackTranscript(packed: PackedTranscript): Generator<number, Transcript, void> {
  const { text, textEnds, entryFlags, wordStarts, wordFlags } = packed;
  const entryCount = entryFlags.length;
  const wordCount = wordFlags.length;
  const textStart = (i: number) => (i === 0 ? 0 : textEnds[i - 1]!);
  const entries: Entry[] = new Array<Entry>(entryCount);
  let event = wordCount;
  let budget = UNPACK_STEP_WORDS;
  for (let e = 0; e < entryCount; e++) {
    const flags = entryFlags[e]!;
    const timing = packed.entryTiming[e]!;
    if (flags & EVENT) {
      const entry: Entry = { kind: 'event', text: text.slice(textStart(event), textEnds[event]) };
      event += 1;
      if (flags & HAS_START) entry.start = packed.entryStart[e]!;
      if (flags & HAS_END) entry.end = packed.entryEnd[e]!;
      if (timing) entry.timing = TIMINGS[timing - 1]!;
      entries[e] = entry;
      budget -= 1;
    } else {
      const first = wordStarts[e]!;
      const last = wordStarts[e + 1]!;
      const words: Word[] = new Array<Word>(last - first);
      for (let w = first; w < last; w++) {
        const bits = wordFlags[w]!;
        const word: Word = { text: text.slice(textStart(w), textEnds[w]) };
        if (bits & HAS_START) word.start = packed.wordStart[w]!;
        if (bits & HAS_END) word.end = packed.wordEnd[w]!;
        if (bits & HAS_CONFIDENCE) word.confidence = packed.wordConfidence[w]!;
        const wordTiming = packed.wordTiming[w]!;
        if (wordTiming) word.timing = TIMINGS[wordTiming - 1]!;
        if (bits & PARAGRAPH) word.paragraph = true;
        words[w - first] = word;
      }
      const speaker = packed.entrySpeaker[e]!;
      const turn: SpeechTurn = { kind: 'speech', speakerId: speaker < 0 ? null : packed.speakerIds[speaker]!, words };
      if (flags & HAS_START) turn.start = packed.entryStart[e]!;
      if (flags & HAS_END) turn.end = packed.entryEnd[e]!;
      if (flags & HAS_CONFIDENCE) turn.confidence = packed.entryConfidence[e]!;
      if (timing) turn.timing = TIMINGS[timing - 1]!;
      entries[e] = turn;
      budget -= 1 + last - first;
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
