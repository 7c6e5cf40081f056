import { lastAtOrBefore, type TimeIndex } from '../transcript/time-index.ts';

/**
 * Turn indices (positions among speech turns) whose time span meets
 * `[from, to]`, in start order. Binary search on the index's sorted starts:
 * the cost is the number of turns returned, not the transcript's length.
 */
export function turnsInWindow(index: TimeIndex, from: number, to: number): number[] {
  const last = lastAtOrBefore(index.starts, to);
  // maxEndUpTo never decreases: the first turn that may still reach `from`.
  let lo = 0;
  let hi = last + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.maxEndUpTo[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const turns: number[] = [];
  for (let i = lo; i <= last; i++) if (index.ends[i]! >= from) turns.push(index.turnAt[i]!);
  return turns;
}

/**
 * Label rows for spans sorted by start: greedy interval colouring, so a span
 * that starts before an earlier one ends gets the first row free by then.
 */
export function labelLanes(spans: readonly { start: number; end: number }[]): number[] {
  const rowEnds: number[] = [];
  return spans.map((span) => {
    let lane = rowEnds.findIndex((end) => end <= span.start + 1e-6);
    if (lane < 0) lane = rowEnds.length;
    rowEnds[lane] = span.end;
    return lane;
  });
}
