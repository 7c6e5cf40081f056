import type { SpeechTurn, TimingSource, Transcript } from '../model.ts';
import { patchEntry } from './patch-entry.ts';
import { spliceEntries } from './splice-entries.ts';

/** Least trusted first: a merged turn claims no more trust than its weaker half. */
const TRUST: TimingSource[] = ['estimated', 'file', 'aligned', 'manual'];

function weaker(a: TimingSource | undefined, b: TimingSource | undefined): TimingSource | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return TRUST.indexOf(a) <= TRUST.indexOf(b) ? a : b;
}

function extreme(pick: (x: number, y: number) => number, a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return pick(a, b);
}

/**
 * Merges a speech turn with the next (or previous) entry when that is also a
 * speech turn: words are concatenated as they are (paragraph flags kept, none added, so merge undoes a split), times are the union of both, the
 * speaker is the first turn's. Returns `transcript` itself when there is no
 * such neighbour or it is an event.
 */
export function mergeTurns(transcript: Transcript, entryIndex: number, direction: 'next' | 'previous' = 'next'): Transcript {
  const firstIndex = direction === 'next' ? entryIndex : entryIndex - 1;
  const first = transcript.entries[firstIndex];
  const second = transcript.entries[firstIndex + 1];
  if (firstIndex < 0 || first?.kind !== 'speech' || second?.kind !== 'speech') return transcript;
  const merged: SpeechTurn = patchEntry(first, {
    words: [...first.words, ...second.words],
    start: extreme(Math.min, first.start, second.start),
    end: extreme(Math.max, first.end, second.end),
    timing: weaker(first.timing, second.timing),
    confidence: extreme(Math.min, first.confidence, second.confidence),
  });
  return spliceEntries(transcript, firstIndex, 2, merged);
}
