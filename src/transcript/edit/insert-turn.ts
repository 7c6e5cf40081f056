import { distributeWords } from '../estimate-times.ts';
import { wordsFromText, type EventEntry, type SpeechTurn, type Transcript } from '../model.ts';
import { spliceEntries } from './splice-entries.ts';

export interface InsertTimes {
  start?: number;
  end?: number;
}

export interface InsertTurnOptions extends InsertTimes {
  text?: string;
  /** Defaults to the speaker of the entry it is inserted after (or `null`). Must be a known speaker id or `null`. */
  speakerId?: string | null;
}

/** Valid, ordered times from the caller; `undefined` when a time is given but not a finite number. */
function cleanTimes({ start, end }: InsertTimes): InsertTimes | undefined {
  if ((start !== undefined && !Number.isFinite(start)) || (end !== undefined && !Number.isFinite(end))) return undefined;
  if (start !== undefined && end !== undefined && end < start) return { start: end, end: start };
  return { start, end };
}

function place<T extends SpeechTurn | EventEntry>(entry: T, times: InsertTimes): T {
  if (times.start !== undefined) entry.start = Math.max(0, times.start);
  if (times.end !== undefined) entry.end = Math.max(0, times.end);
  if (times.start !== undefined || times.end !== undefined) entry.timing = 'manual';
  return entry;
}

/**
 * Inserts a speech turn after entry `afterIndex` (`-1` = at the top), empty or
 * with text, untimed or with the given times (marked `manual`; with both times
 * its words are spread over them by syllables). The new turn is at
 * `afterIndex + 1`. Returns `transcript` itself for an out-of-range index,
 * an unknown speaker or non-finite times.
 */
export function insertTurn(transcript: Transcript, afterIndex: number, options: InsertTurnOptions = {}): Transcript {
  const times = cleanTimes(options);
  if (!Number.isInteger(afterIndex) || afterIndex < -1 || afterIndex >= transcript.entries.length || times === undefined) return transcript;
  const before = transcript.entries[afterIndex];
  const speakerId = options.speakerId !== undefined ? options.speakerId : before?.kind === 'speech' ? before.speakerId : null;
  if (speakerId !== null && !transcript.speakers.some((speaker) => speaker.id === speakerId)) return transcript;
  const turn = place<SpeechTurn>({ kind: 'speech', speakerId, words: wordsFromText(options.text ?? '') }, times);
  if (turn.start !== undefined && turn.end !== undefined) turn.words = distributeWords(turn.words, turn.start, turn.end);
  return spliceEntries(transcript, afterIndex + 1, 0, turn);
}

/** Inserts an event such as `(LAUGHTER)` after entry `afterIndex`; same rules as insertTurn. */
export function insertEvent(transcript: Transcript, afterIndex: number, text: string, timesIn: InsertTimes = {}): Transcript {
  const times = cleanTimes(timesIn);
  if (!Number.isInteger(afterIndex) || afterIndex < -1 || afterIndex >= transcript.entries.length || times === undefined) return transcript;
  return spliceEntries(transcript, afterIndex + 1, 0, place<EventEntry>({ kind: 'event', text: text.trim() }, times));
}
