/**
 * What writers may put in a file: times that are finite, not negative and within the
 * 48-hour bound. A transcript built in code (or read before times were checked) can hold
 * `NaN`, `-1` or `1e300`; writers drop such a time (the entry or word becomes untimed)
 * rather than emit `2.777e+296:36:00.568`, which no reader, Verbatim included, accepts.
 */
import { MAX_TRANSCRIPT_SECONDS } from './check-import-times.ts';
import type { Entry, Transcript, Word } from './model.ts';

export function isWritableTime(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= MAX_TRANSCRIPT_SECONDS;
}

function clean<T extends { start?: number; end?: number }>(item: T): T {
  const startOk = item.start === undefined || isWritableTime(item.start);
  const endOk = item.end === undefined || (isWritableTime(item.end) && (item.start === undefined || !startOk || item.end >= item.start));
  if (startOk && endOk) return item;
  const copy = { ...item };
  if (!startOk) delete copy.start;
  if (!endOk) delete copy.end;
  return copy;
}

/** The transcript with every unwritable time removed; the same object when there is none. */
export function withWritableTimes(transcript: Transcript): Transcript {
  let changed = false;
  const entries = transcript.entries.map((entry): Entry => {
    let next = clean(entry);
    if (next.kind === 'speech') {
      const before = next.words;
      const words = before.map((word): Word => clean(word));
      if (words.some((word, index) => word !== before[index])) next = { ...next, words };
    }
    if (next !== entry) changed = true;
    return next;
  });
  return changed ? { ...transcript, entries } : transcript;
}
