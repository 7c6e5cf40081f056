/**
 * Where following should scroll so the playing turn sits comfortably in view:
 * pure geometry, shared by the embed's read-along (and free of React so the
 * app's follow hook can use the same rule).
 */
export interface FollowGeometry {
  /** The row's top in the scroller's content coordinates (px). */
  rowTop: number;
  rowHeight: number;
  viewHeight: number;
  scrollTop: number;
  scrollHeight: number;
}

/**
 * The scrollTop to move to, or undefined to stay. Unforced, it moves only when
 * the row drifts out of a comfortable band; forced ("Back to current"), it
 * always brings the row to a fifth of the way down.
 */
export function followTarget(geometry: FollowGeometry, force: boolean): number | undefined {
  const { rowTop, rowHeight, viewHeight, scrollTop, scrollHeight } = geometry;
  const top = rowTop - scrollTop;
  const comfortable = top >= viewHeight * 0.05 && top + Math.min(rowHeight, viewHeight * 0.6) <= viewHeight * 0.9;
  if (comfortable && !force) return undefined;
  const target = Math.max(0, Math.min(rowTop - viewHeight * 0.2, scrollHeight - viewHeight));
  return Math.abs(target - scrollTop) < 2 ? undefined : target;
}

/** A far jump is instant: smooth-scrolling past hundreds of rows helps nobody. */
export function smoothFollow(target: number, scrollTop: number, viewHeight: number, reducedMotion: boolean): boolean {
  return !reducedMotion && Math.abs(target - scrollTop) < viewHeight * 3;
}
