import { type SpeechIsland, firstEndingAfter } from './speech-islands.ts';

/**
 * Spans of `weights.length` items (words, weighted by syllables) laid end to
 * end over the speech between `from` and `to`: the speech islands there are
 * joined into one speech-time axis, each item takes its share of it, and the
 * axis is mapped back to audio time, so no item starts in a pause, on music
 * or on noise. Without speech in the span the whole span is used. Pure.
 */
export function spreadOnSpeech(weights: readonly number[], islands: readonly SpeechIsland[], from: number, to: number): { start: number; end: number }[] {
  const pieces: SpeechIsland[] = [];
  for (let i = firstEndingAfter(islands, from); i < islands.length; i++) {
    const island = islands[i] as SpeechIsland;
    if (island.start >= to) break;
    const start = Math.max(from, island.start);
    const end = Math.min(to, island.end);
    if (end > start) pieces.push({ start, end });
  }
  if (pieces.length === 0 && to > from) pieces.push({ start: from, end: to });
  const speech = pieces.reduce((sum, piece) => sum + (piece.end - piece.start), 0);
  const total = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0) || 1;
  /** Audio time at speech time `t`; `late` takes the end of a piece rather than the start of the next. */
  const at = (t: number, late: boolean): number => {
    let left = t;
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k] as SpeechIsland;
      const length = piece.end - piece.start;
      if (left < length || (late && left <= length) || k === pieces.length - 1) return piece.start + Math.min(left, length);
      left -= length;
    }
    return from;
  };
  const spans: { start: number; end: number }[] = [];
  let done = 0;
  for (const weight of weights) {
    const share = (Math.max(0, weight) / total) * speech;
    spans.push({ start: at(done, false), end: at(done + share, true) });
    done += share;
  }
  return spans;
}
