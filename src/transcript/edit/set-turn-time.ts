import type { Entry, Transcript } from '../model.ts';
import { fitWordsToTurn } from './fit-words-to-turn.ts';
import { patchEntry } from './patch-entry.ts';
import { spliceEntries } from './splice-entries.ts';

/**
 * An entry with new bounds, marked `manual`; a speech turn's words are fitted
 * to the new bounds. Returns `entry` itself when nothing changes.
 */
export function withBounds(entry: Entry, start: number | undefined, end: number | undefined): Entry {
  if (entry.start === start && entry.end === end && entry.timing === 'manual') return entry;
  if (entry.kind === 'event') return patchEntry(entry, { start, end, timing: 'manual' });
  return patchEntry(entry, { start, end, timing: 'manual', words: fitWordsToTurn(entry.words, start, end) });
}

/**
 * Sets an entry's start (seconds, clamped at 0) by hand. An end earlier than
 * the new start moves with it, so the entry never runs backwards. Words that
 * fall outside the new bounds are clipped or re-estimated; words inside keep
 * their times. Returns `transcript` itself when the index is out of range,
 * the time is not finite, or nothing changes.
 */
export function setTurnStart(transcript: Transcript, entryIndex: number, time: number): Transcript {
  const entry = transcript.entries[entryIndex];
  if (entry === undefined || !Number.isFinite(time)) return transcript;
  const start = Math.max(0, time);
  const end = entry.end !== undefined && entry.end < start ? start : entry.end;
  const next = withBounds(entry, start, end);
  return next === entry ? transcript : spliceEntries(transcript, entryIndex, 1, next);
}

/** Sets an entry's end by hand; the mirror image of {@link setTurnStart}. */
export function setTurnEnd(transcript: Transcript, entryIndex: number, time: number): Transcript {
  const entry = transcript.entries[entryIndex];
  if (entry === undefined || !Number.isFinite(time)) return transcript;
  const end = Math.max(0, time);
  const start = entry.start !== undefined && entry.start > end ? end : entry.start;
  const next = withBounds(entry, start, end);
  return next === entry ? transcript : spliceEntries(transcript, entryIndex, 1, next);
}
