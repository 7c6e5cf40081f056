import type { Entry, Transcript, Word } from '../model.ts';
import { makeWord } from './make-word.ts';
import { patchEntry } from './patch-entry.ts';
import { spliceEntries } from './splice-entries.ts';

const shift = (time: number | undefined, delta: number) => (time === undefined ? undefined : time + delta);

function shiftWord(word: Word, delta: number): Word {
  if (word.start === undefined && word.end === undefined) return word;
  return makeWord(word.text, shift(word.start, delta), shift(word.end, delta), word.timing, word.confidence, word.paragraph);
}

function earliestTime(entry: Entry): number | undefined {
  let earliest = entry.start ?? entry.end;
  if (entry.kind === 'speech') {
    for (const word of entry.words) {
      const time = word.start ?? word.end;
      if (time !== undefined && (earliest === undefined || time < earliest)) earliest = time;
    }
  }
  return earliest;
}

/**
 * Shifts an entry and all its word times by `delta` seconds, keeping the
 * words' spacing. The shift is limited so nothing moves before 0. The entry is
 * marked `manual`; words keep their timing source since their relative times
 * are unchanged. Neighbours are not touched (validateTiming reports overlaps).
 * Returns `transcript` itself for a bad index, an untimed entry or no movement.
 */
export function moveTurn(transcript: Transcript, entryIndex: number, delta: number): Transcript {
  const entry = transcript.entries[entryIndex];
  if (entry === undefined || !Number.isFinite(delta)) return transcript;
  const earliest = earliestTime(entry);
  if (earliest === undefined) return transcript;
  const clamped = Math.max(delta, -earliest);
  if (clamped === 0) return transcript;
  const times = { start: shift(entry.start, clamped), end: shift(entry.end, clamped), timing: 'manual' as const };
  const next: Entry = entry.kind === 'speech' ? patchEntry(entry, { ...times, words: entry.words.map((word) => shiftWord(word, clamped)) }) : patchEntry(entry, times);
  return spliceEntries(transcript, entryIndex, 1, next);
}
