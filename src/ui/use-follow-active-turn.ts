import { useEffect, type RefObject } from 'react';
import { useStoreApi } from './app-context.ts';
import { lastAtOrBefore, type TimeIndex } from '../transcript/time-index.ts';
import type { ScrollOwnership } from './scroll-ownership.ts';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Where an entry's row is, in the scroller's content coordinates (px). */
export type LocateRow = (entryIndex: number) => { top: number; height: number } | undefined;

/** Keys that scroll a focused scroller: the user moving by keyboard. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);

/**
 * Keeps the active turn in view while following. Any scroll the app did not
 * start itself (wheel, touch, keyboard, scrollbar drag, script) pauses
 * following; resuming scrolls back to the playing turn.
 */
export function useFollowActiveTurn(
  scrollerRef: RefObject<HTMLElement | null>,
  locateRow: LocateRow,
  ownership: ScrollOwnership,
  currentTime: () => number,
): void {
  const appStore = useStoreApi();
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;

    const onScroll = () => {
      if (!ownership.owns(scroller.scrollTop)) appStore.getState().setFollowing(false);
    };
    const onUserIntent = () => ownership.release();
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key)) ownership.release();
    };

    const follow = (turn: number, force: boolean) => {
      if (turn < 0) return;
      const row = locateRow(appStore.getState().timeIndex.turnEntry[turn] ?? -1);
      if (!row) return;
      const viewHeight = scroller.clientHeight;
      const top = row.top - scroller.scrollTop;
      // Leave a comfortable band; only move when the turn drifts out of it.
      const comfortable = top >= viewHeight * 0.05 && top + Math.min(row.height, viewHeight * 0.6) <= viewHeight * 0.9;
      if (comfortable && !force) return;
      const target = Math.max(0, Math.min(row.top - viewHeight * 0.2, scroller.scrollHeight - viewHeight));
      if (Math.abs(target - scroller.scrollTop) < 2) return;
      // A far jump is instant: smooth-scrolling past hundreds of rows helps nobody.
      const smooth = !prefersReducedMotion() && Math.abs(target - scroller.scrollTop) < viewHeight * 3;
      ownership.claim(target, smooth);
      scroller.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
    };

    const unsubscribe = appStore.subscribe((state, previous) => {
      if (!state.following) return;
      if (!previous.following) follow(nearestTurn(state.activeTurn, state.timeIndex, currentTime()), true);
      else if (state.activeTurn !== previous.activeTurn) follow(state.activeTurn, false);
    });

    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('wheel', onUserIntent, { passive: true });
    scroller.addEventListener('touchstart', onUserIntent, { passive: true });
    scroller.addEventListener('pointerdown', onUserIntent);
    scroller.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('wheel', onUserIntent);
      scroller.removeEventListener('touchstart', onUserIntent);
      scroller.removeEventListener('pointerdown', onUserIntent);
      scroller.removeEventListener('keydown', onKey);
    };
  }, [appStore, scrollerRef, locateRow, ownership, currentTime]);
}

/** The active turn, or in a gap the last turn that started before `time`. */
function nearestTurn(activeTurn: number, timeIndex: TimeIndex, time: number): number {
  if (activeTurn >= 0) return activeTurn;
  const before = lastAtOrBefore(timeIndex.starts, time);
  return before >= 0 ? timeIndex.turnAt[before]! : (timeIndex.turnAt[0] ?? -1);
}
