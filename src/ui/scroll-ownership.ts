/**
 * Tells the app's own scrolls (follow mode, the virtualizer's corrections)
 * from the user's, so only the user's pause following.
 */
export interface ScrollOwnership {
  /** The app is about to scroll to `target` (px). */
  claim(target: number, smooth: boolean): void;
  /** Whether a scroll event at `scrollTop` is the app's own. */
  owns(scrollTop: number): boolean;
  /** The user took over (wheel, touch, scrollbar): nothing pending is ours any more. */
  release(): void;
}

export function createScrollOwnership(now: () => number = () => performance.now()): ScrollOwnership {
  let until = 0;
  let target = -1;
  return {
    claim(next, smooth) {
      target = Math.round(next);
      until = now() + (smooth ? 1500 : 250);
    },
    owns(scrollTop) {
      if (now() >= until) return false;
      // Arrived: later scrolls are no longer ours.
      if (Math.abs(scrollTop - target) < 2) until = 0;
      return true;
    },
    release() {
      until = 0;
      target = -1;
    },
  };
}
