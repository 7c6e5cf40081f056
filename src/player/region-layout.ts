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

/** A drawn or wanted region: the turn's identity and its entry index now. */
export interface RegionKey {
  /** Stays the same object while edits leave the turn alone. */
  key: object;
  entry: number;
}

/**
 * Which drawn region each wanted turn reuses: the one of the same turn object, else
 * (an edited turn: a new object at the same place, or the one under a drag) the
 * leftover region at the same entry index; -1 for a new region. The leftovers no
 * wanted turn took are to be removed. After a split or merge the turns after it
 * keep their regions, with only their entry index to update, instead of every
 * region taking its neighbour's place.
 */
export function matchRegions(shown: readonly RegionKey[], wanted: readonly RegionKey[]): { reuse: number[]; remove: number[] } {
  const byKey = new Map<object, number>();
  shown.forEach((item, i) => byKey.set(item.key, i));
  const taken = new Uint8Array(shown.length);
  const reuse = wanted.map((item) => {
    const i = byKey.get(item.key);
    if (i === undefined) return -1;
    taken[i] = 1;
    return i;
  });
  const leftoverAt = new Map<number, number>();
  shown.forEach((item, i) => {
    if (!taken[i] && !leftoverAt.has(item.entry)) leftoverAt.set(item.entry, i);
  });
  wanted.forEach((item, w) => {
    if (reuse[w]! >= 0) return;
    const i = leftoverAt.get(item.entry);
    if (i === undefined) return;
    leftoverAt.delete(item.entry);
    taken[i] = 1;
    reuse[w] = i;
  });
  const remove: number[] = [];
  taken.forEach((used, i) => {
    if (!used) remove.push(i);
  });
  return { reuse, remove };
}
