import type { Entry, Transcript, Word } from '../model.ts';
import { spliceEntries } from './splice-entries.ts';

const shift = (time: number | undefined, delta: number) => (time === undefined ? undefined : time + delta);

function shiftWord(word: Word, delta: number): Word {
  if (word.start === undefined && word.end === undefined) return word;
  const moved = { ...word, start: shift(word.start, delta), end: shift(word.end, delta) };
  if (moved.start === undefined) delete moved.start;
  if (moved.end === undefined) delete moved.end;
  return moved;
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
  const moved = { ...entry, start: shift(entry.start, clamped), end: shift(entry.end, clamped), timing: 'manual' as const };
  if (moved.start === undefined) delete moved.start;
  if (moved.end === undefined) delete moved.end;
  const next: Entry = moved.kind === 'speech' ? { ...moved, words: moved.words.map((word) => shiftWord(word, clamped)) } : moved;
  return spliceEntries(transcript, entryIndex, 1, next);
}
