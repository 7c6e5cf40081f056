import { describe, expect, it } from 'vitest';
import { createScrollOwnership } from './scroll-ownership.ts';

describe('createScrollOwnership', () => {
  it('owns an instant scroll until it lands, then nothing', () => {
    const own = createScrollOwnership(() => 0);
    own.claim(500, false);
    expect(own.owns(500)).toBe(true);
    expect(own.owns(300)).toBe(false);
  });

  it('owns a smooth scroll for its whole window, even past the target', () => {
    let t = 0;
    const own = createScrollOwnership(() => t);
    own.claim(500, true);
    expect(own.owns(100)).toBe(true);
    expect(own.owns(500)).toBe(true);
    t = 1000;
    expect(own.owns(480)).toBe(true);
    t = 2000;
    expect(own.owns(250)).toBe(false);
  });

  it('keeps a running smooth scroll when a short correction is claimed', () => {
    let t = 0;
    const own = createScrollOwnership(() => t);
    own.claim(800, true);
    t = 100;
    own.claim(320, false);
    t = 600;
    expect(own.owns(700)).toBe(true);
  });

  it('forgets every claim when the user takes over', () => {
    const own = createScrollOwnership(() => 0);
    own.claim(500, true);
    own.release();
    expect(own.owns(100)).toBe(false);
    expect(own.owns(500)).toBe(false);
  });
});
