import { describe, expect, it } from 'vitest';
import { followTarget, smoothFollow } from './follow-scroll.ts';

const view = { viewHeight: 500, scrollHeight: 10_000 };

describe('followTarget', () => {
  it('stays while the row is in the comfortable band', () => {
    expect(followTarget({ ...view, rowTop: 1200, rowHeight: 80, scrollTop: 1000 }, false)).toBeUndefined();
  });

  it('moves the row to a fifth of the way down when it drifts out, or when forced', () => {
    expect(followTarget({ ...view, rowTop: 1480, rowHeight: 80, scrollTop: 1000 }, false)).toBe(1380);
    expect(followTarget({ ...view, rowTop: 1200, rowHeight: 80, scrollTop: 1000 }, true)).toBe(1100);
  });

  it('clamps to the scrollable range', () => {
    expect(followTarget({ ...view, rowTop: 9900, rowHeight: 80, scrollTop: 0 }, true)).toBe(9500);
    expect(followTarget({ ...view, rowTop: 50, rowHeight: 80, scrollTop: 400 }, false)).toBe(0);
  });
});

describe('smoothFollow', () => {
  it('is instant for far jumps and with reduced motion', () => {
    expect(smoothFollow(1000, 800, 500, false)).toBe(true);
    expect(smoothFollow(9000, 800, 500, false)).toBe(false);
    expect(smoothFollow(1000, 800, 500, true)).toBe(false);
  });
});
