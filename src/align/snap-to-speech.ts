import { type SpeechIsland, firstEndingAfter } from './speech-islands.ts';
import type { TimedSpan } from './refine-onsets.ts';

/** Leave at least this much of a word. */
const MIN_WORD = 0.03;
/** A start this close to an island's onset is already on it (the detector's frames are 32 ms). */
const TOLERANCE = 0.04;

/**
 * A turn's first word starts where speech starts: a start the detector hears
 * no speech at (a music sting, the pause before the turn) moves forward to the
 * next speech onset, as long as that leaves the word some of its span. Word
 * spans are edited in place; `turnStart(i)` tells whether span i opens a turn.
 */
export function snapTurnStartsToSpeech(spans: TimedSpan[], turnStart: (index: number) => boolean, islands: readonly SpeechIsland[]): number {
  let moved = 0;
  spans.forEach((span, index) => {
    if (!turnStart(index)) return;
    const next = islands[firstEndingAfter(islands, span.start)];
    if (!next || next.start <= span.start + TOLERANCE) return;
    if (next.start > span.end - MIN_WORD) return;
    span.start = next.start;
    moved += 1;
  });
  return moved;
}
