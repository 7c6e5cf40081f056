import { describe, expect, it } from 'vitest';
import { createScrollOwnership } from './scroll-ownership.ts';

describe('createScrollOwnership', () => {
  it('owns scrolls on the way to a claimed target, then none after arriving', () => {
    const own = createScrollOwnership(() => 0);
    own.claim(500, true);
    expect(own.owns(100)).toBe(true);
    expect(own.owns(500)).toBe(true);
    expect(own.owns(300)).toBe(false);
  });
  it('expires after the smooth-scroll window', () => {
    let t = 0;
    const own = createScrollOwnership(() => t);
    own.claim(500, true);
    t = 2000;
    expect(own.owns(250)).toBe(false);
  });
  it('forgets the claim when the user takes over', () => {
    const own = createScrollOwnership(() => 0);
    own.claim(500, false);
    own.release();
    expect(own.owns(100)).toBe(false);
    expect(own.owns(500)).toBe(false);
  });
});
