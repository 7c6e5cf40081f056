/** Start-time error statistics of the alignment benchmark (scripts/bench-align.ts). */
import { type SpeechTurn, type Transcript, speechTurns } from '../src/transcript/model.ts';

/** The figures the issue asks for, for one method on one case. */
export interface Figures {
  turnMedianMs: number | null;
  turnP90Ms: number | null;
  turnMaxMs: number | null;
  wordMedianMs: number | null;
  wordP90Ms: number | null;
  within100: number | null;
  within250: number | null;
  /** Turn starts more than 0.5 s off. */
  turnsOver500: number | null;
  /** Share of timed words whose start is within 50 ms. */
  wordWithin50: number | null;
  xRealtime: number;
  peakMB: number;
}

export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

export function round(value: number | null, digits = 0): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function share(errors: number[], limitMs: number): number | null {
  if (errors.length === 0) return null;
  return round(errors.filter((error) => error <= limitMs).length / errors.length, 3);
}

export interface Errors {
  turns: number[];
  words: number[];
  events: number[];
  mismatched: number;
}

/** Start-time errors (ms) of `result` against `truth`, turn by turn and word by word in order. */
export function startErrors(result: Transcript, truth: Transcript): Errors {
  const errors: Errors = { turns: [], words: [], events: [], mismatched: 0 };
  const got = speechTurns(result);
  const want = speechTurns(truth);
  if (got.length !== want.length) errors.mismatched += Math.abs(got.length - want.length);
  for (let i = 0; i < Math.min(got.length, want.length); i++) {
    const a = got[i] as SpeechTurn;
    const b = want[i] as SpeechTurn;
    if (a.start !== undefined && b.start !== undefined) errors.turns.push(Math.abs(a.start - b.start) * 1000);
    if (a.words.length !== b.words.length) {
      errors.mismatched += 1;
      continue;
    }
    a.words.forEach((word, j) => {
      const reference = b.words[j];
      if (word.start !== undefined && reference?.start !== undefined) errors.words.push(Math.abs(word.start - reference.start) * 1000);
    });
  }
  const gotEvents = result.entries.filter((entry) => entry.kind === 'event');
  const wantEvents = truth.entries.filter((entry) => entry.kind === 'event');
  gotEvents.forEach((event, i) => {
    const reference = wantEvents[i];
    if (event.start !== undefined && reference?.start !== undefined) errors.events.push(Math.abs(event.start - reference.start) * 1000);
  });
  return errors;
}

export function figures(errors: Errors, xRealtime: number, peakMB: number): Figures {
  const turns = [...errors.turns].sort((a, b) => a - b);
  const words = [...errors.words].sort((a, b) => a - b);
  return {
    turnMedianMs: round(quantile(turns, 0.5)),
    turnP90Ms: round(quantile(turns, 0.9)),
    turnMaxMs: round(turns.at(-1) ?? null),
    wordMedianMs: round(quantile(words, 0.5)),
    wordP90Ms: round(quantile(words, 0.9)),
    within100: share(turns, 100),
    within250: share(turns, 250),
    turnsOver500: turns.length === 0 ? null : turns.filter((error) => error > 500).length,
    wordWithin50: share(words, 50),
    xRealtime: round(xRealtime, 1) ?? 0,
    peakMB: round(peakMB) ?? 0,
  };
}

/** Words whose aligned span lies mostly inside an untranscribed stretch. */
export function swallowedWords(result: Transcript, stretches: { start: number; end: number }[]): number {
  let count = 0;
  for (const turn of speechTurns(result)) {
    for (const word of turn.words) {
      if (word.start === undefined || word.end === undefined || word.end <= word.start) continue;
      const inside = stretches.reduce((sum, s) => sum + Math.max(0, Math.min(word.end as number, s.end) - Math.max(word.start as number, s.start)), 0);
      if (inside > 0.5 * (word.end - word.start)) count += 1;
    }
  }
  return count;
}

