import { useEffect, type RefObject } from 'react';
import { appStore } from '../store/app-store.ts';
import { lastAtOrBefore, type TimeIndex } from '../transcript/time-index.ts';

/** Prefers reduced motion, read live so a system change applies without reload. */
function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Keeps the active turn in view while following. Any scroll the app did not
 * start itself (wheel, touch, keyboard, scrollbar drag, script) pauses following.
 */
export function useFollowActiveTurn(
  scrollerRef: RefObject<HTMLElement | null>,
  listRef: RefObject<HTMLElement | null>,
  currentTime: () => number,
): void {
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let ownScrollUntil = 0;
    let ownScrollTarget = -1;

    const onScroll = () => {
      const now = performance.now();
      const reachedTarget = ownScrollTarget >= 0 && Math.abs(scroller.scrollTop - ownScrollTarget) < 2;
      if (now < ownScrollUntil) {
        if (reachedTarget) ownScrollUntil = 0;
        return;
      }
      if (reachedTarget) return;
      appStore.getState().setFollowing(false);
    };
    const onScrollEnd = () => {
      ownScrollUntil = 0;
      ownScrollTarget = -1;
    };
    // A wheel or touch during our own smooth scroll is the user taking over.
    const onUserIntent = () => {
      ownScrollUntil = 0;
      ownScrollTarget = -1;
    };

    const follow = (turn: number, force: boolean) => {
      const list = listRef.current;
      if (!list || turn < 0) return;
      const row = list.children[appStore.getState().timeIndex.turnEntry[turn] ?? -1] as HTMLElement | undefined;
      if (!row) return;
      const view = scroller.getBoundingClientRect();
      const box = row.getBoundingClientRect();
      const top = box.top - view.top;
      // Leave a comfortable band; only move when the turn drifts out of it.
      const comfortable = top >= view.height * 0.05 && top + Math.min(box.height, view.height * 0.6) <= view.height * 0.9;
      if (comfortable && !force) return;
      const target = Math.max(0, Math.min(scroller.scrollTop + top - view.height * 0.2, scroller.scrollHeight - scroller.clientHeight));
      if (Math.abs(target - scroller.scrollTop) < 2) return;
      const smooth = !prefersReducedMotion();
      ownScrollTarget = Math.round(target);
      ownScrollUntil = performance.now() + (smooth ? 1500 : 200);
      scroller.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
    };

    const unsubscribe = appStore.subscribe((state, previous) => {
      if (!state.following) return;
      if (!previous.following) follow(nearestTurn(state.activeTurn, state.timeIndex, currentTime()), true);
      else if (state.activeTurn !== previous.activeTurn) follow(state.activeTurn, false);
    });

    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('scrollend', onScrollEnd);
    scroller.addEventListener('wheel', onUserIntent, { passive: true });
    scroller.addEventListener('touchstart', onUserIntent, { passive: true });
    scroller.addEventListener('pointerdown', onUserIntent);
    return () => {
      unsubscribe();
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('scrollend', onScrollEnd);
      scroller.removeEventListener('wheel', onUserIntent);
      scroller.removeEventListener('touchstart', onUserIntent);
      scroller.removeEventListener('pointerdown', onUserIntent);
    };
  }, [scrollerRef, listRef, currentTime]);
}

/** The active turn, or in a gap the last turn that started before `time`. */
function nearestTurn(activeTurn: number, timeIndex: TimeIndex, time: number): number {
  if (activeTurn >= 0) return activeTurn;
  const before = lastAtOrBefore(timeIndex.starts, time);
  return before >= 0 ? timeIndex.turnAt[before]! : (timeIndex.turnAt[0] ?? -1);
}
