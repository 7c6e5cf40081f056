/**
 * Times a file may not carry, checked once when it is read: every time finite and not
 * negative, an end not before its start, nothing past a sane bound (the audio's duration plus
 * a margin when known, else 48 hours). Impossible times refuse the file; times past a known
 * audio end and overlapping turns are warnings. Each sentence names the file and, when the
 * time can be found in the text, its line (callers add the file name).
 */
import type { Transcript } from './model.ts';

/** With no audio to compare with, nothing spoken runs longer than this. */
export const MAX_TRANSCRIPT_SECONDS = 48 * 3600;

/** Room past the audio's end before a time counts as beyond it: 2% or 5 s, whichever is more. */
export function audioMargin(duration: number): number {
  return Math.max(5, duration * 0.02);
}

export interface TimeProblem {
  /** 1-based line of the time in the source, when it could be found. */
  line?: number;
  /** A sentence without the file name (callers add it, as for every ParseError). */
  message: string;
}

export interface ImportTimeCheck {
  /** Times that cannot be right; the file should be refused. */
  errors: TimeProblem[];
  /** `line 14: turn 3 starts …` sentences. */
  warnings: string[];
}

/** `3723.5` -> `1:02:03.500`; non-finite values as written. */
function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (Math.abs(seconds) >= 1e7) return `${seconds} s`;
  const sign = seconds < 0 ? '-' : '';
  const total = Math.abs(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = (total % 60).toFixed(3).padStart(6, '0');
  return `${sign}${hours}:${String(minutes).padStart(2, '0')}:${rest}`;
}

/** The 1-based line where a time is written in `text`, found by the ways formats write it. */
function lineOfTime(text: string | undefined, seconds: number): number | undefined {
  if (text === undefined) return undefined;
  const candidates = new Set<string>([String(seconds), String(seconds).replace('e+', 'e')]);
  if (Number.isFinite(seconds) && seconds >= 0) {
    const hours = Math.floor(seconds / 3600);
    const mmss = `${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
    candidates.add(`${String(hours).padStart(2, '0')}:${mmss}`);
    candidates.add(`${hours}:${mmss}`);
    candidates.add(String(Math.round(seconds * 1000)));
  }
  let best: number | undefined;
  for (const candidate of candidates) {
    const at = text.indexOf(candidate);
    if (at !== -1 && (best === undefined || at < best)) best = at;
  }
  if (best === undefined) return undefined;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < best; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

export interface ImportTimeOptions {
  /** The source text, to name the line of a bad time. */
  text?: string;
  /** The audio's duration in seconds, when known. */
  duration?: number;
}

/**
 * How many problems get their line looked up (each lookup scans the text) and how many
 * overlaps are listed one by one: a file with a million bad times is refused, or warned
 * about, in one pass, not in a scan of the text per time.
 */
export const LISTED_PROBLEMS = 20;

export function checkImportTimes(transcript: Transcript, options: ImportTimeOptions = {}): ImportTimeCheck {
  const errors: TimeProblem[] = [];
  const warnings: string[] = [];
  const { duration, text } = options;
  const knownDuration = duration !== undefined && Number.isFinite(duration) && duration > 0 ? duration : undefined;
  let lookups = 0;
  const lineOf = (seconds: number) => (lookups++ < LISTED_PROBLEMS ? lineOfTime(text, seconds) : undefined);
  const where = (seconds: number): string => {
    const line = lineOf(seconds);
    return line === undefined ? '' : `line ${line}: `;
  };
  const error = (seconds: number, message: string): void => {
    const line = lineOf(seconds);
    errors.push(line === undefined ? { message } : { line, message });
  };
  let overlaps = 0;
  let pastAudio = 0;
  let firstPast: string | undefined;
  let previousEnd: { value: number; name: string } | undefined;

  transcript.entries.forEach((entry, index) => {
    const name = `${entry.kind === 'speech' ? 'turn' : 'event'} ${index + 1}`;
    const spans: { start?: number; end?: number; what: string }[] = [{ start: entry.start, end: entry.end, what: name }];
    if (entry.kind === 'speech') {
      entry.words.forEach((word, wordIndex) => spans.push({ start: word.start, end: word.end, what: `word ${wordIndex + 1} ("${word.text.slice(0, 20)}") of ${name}` }));
    }
    for (const span of spans) {
      for (const [label, value] of [['starts', span.start], ['ends', span.end]] as const) {
        if (value === undefined) continue;
        if (!Number.isFinite(value)) error(value, `${span.what} ${label} at ${String(value)}, which is not a time`);
        else if (value < 0) error(value, `${span.what} ${label} at ${clock(value)}, before the start of the audio`);
        else if (value > MAX_TRANSCRIPT_SECONDS) error(value, `${span.what} ${label} at ${clock(value)}, past the ${MAX_TRANSCRIPT_SECONDS / 3600}-hour limit for a transcript`);
        else if (knownDuration !== undefined && value > knownDuration + audioMargin(knownDuration)) {
          pastAudio += 1;
          firstPast ??= `${where(value)}${span.what} ${label} at ${clock(value)}`;
        }
      }
      if (span.start !== undefined && span.end !== undefined && Number.isFinite(span.start) && Number.isFinite(span.end) && span.end < span.start) {
        error(span.end, `${span.what} ends at ${clock(span.end)}, before it starts at ${clock(span.start)}`);
      }
    }
    if (entry.kind !== 'speech') return;
    const start = entry.start ?? entry.words.find((word) => word.start !== undefined)?.start;
    if (start !== undefined && previousEnd !== undefined && Number.isFinite(start) && start < previousEnd.value - 0.001) {
      if (overlaps++ < LISTED_PROBLEMS) warnings.push(`${where(start)}${name} starts at ${clock(start)}, before ${previousEnd.name} ends at ${clock(previousEnd.value)}.`);
    }
    const end = entry.end ?? entry.words.findLast((word) => word.end !== undefined)?.end;
    if (end !== undefined && Number.isFinite(end)) previousEnd = { value: end, name };
  });
  if (overlaps > LISTED_PROBLEMS) {
    const more = overlaps - LISTED_PROBLEMS;
    warnings.push(`${more} more ${more === 1 ? 'turn starts' : 'turns start'} before the one before ${more === 1 ? 'it' : 'them'} ends.`);
  }
  if (pastAudio > 0 && knownDuration !== undefined) {
    warnings.unshift(`${pastAudio} ${pastAudio === 1 ? 'time runs' : 'times run'} past the end of the audio (${clock(knownDuration)}): ${firstPast}. Is this the transcript of this audio?`);
  }
  return { errors, warnings };
}
