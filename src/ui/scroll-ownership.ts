/**
 * Tells the app's own scrolls (follow mode, the virtualizer's corrections)
 * from the user's, so only the user's pause following.
 */
export interface ScrollOwnership {
  /** The app is about to scroll (to `target` px); scroll events in the next moments are the app's. */
  claim(target: number, smooth: boolean): void;
  /** Whether a scroll event at `scrollTop` is the app's own. */
  owns(scrollTop: number): boolean;
  /** The user took over (wheel, touch, scrollbar, keys): nothing pending is ours any more. */
  release(): void;
}

/** A smooth scroll may take this long; an instant one lands within a few frames. */
const SMOOTH_MS = 1500;
const INSTANT_MS = 250;

export function createScrollOwnership(now: () => number = () => performance.now()): ScrollOwnership {
  let until = 0;
  let target = -1;
  let smoothUntil = 0;
  return {
    claim(next, smooth) {
      const t = now();
      target = Math.round(next);
      // Claims overlap (a correction during a smooth scroll): the longest window wins.
      until = Math.max(until, t + (smooth ? SMOOTH_MS : INSTANT_MS));
      if (smooth) smoothUntil = t + SMOOTH_MS;
    },
    owns(scrollTop) {
      const t = now();
      if (t >= until) return false;
      // Arrived and no smooth scroll still running: later scrolls are not ours.
      if (Math.abs(scrollTop - target) < 2 && t >= smoothUntil) until = t;
      return true;
    },
    release() {
      until = 0;
      smoothUntil = 0;
      target = -1;
    },
  };
}
