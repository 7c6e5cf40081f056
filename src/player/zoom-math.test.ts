import { describe, expect, it } from 'vitest';
import type { Entry, Transcript } from '../transcript/model.ts';
import {
  MAX_EDIT_SPAN_SECONDS,
  MAX_PX_PER_SEC,
  clampLevel,
  comfortableZoom,
  fitLevel,
  isSameLevel,
  minLevel,
  scrollForAnchor,
  visibleFraction,
  wheelFactor,
  wheelPixels,
  zoomAnchor,
} from './zoom-math.ts';
import { rulerSteps, rulerTicks } from './ruler-ticks.ts';

describe('zoom levels', () => {
  const short = { width: 1000, duration: 50, editing: false };
  const long = { width: 1000, duration: 3 * 3600, editing: true };

  it('fits the whole file, or in editor mode at most five minutes of a long one', () => {
    expect(fitLevel(short)).toBe(20);
    expect(minLevel(short)).toBe(20);
    expect(minLevel({ ...short, editing: true })).toBe(20);
    expect(fitLevel(long)).toBeCloseTo(1000 / 10800, 10);
    expect(minLevel(long)).toBeCloseTo(1000 / MAX_EDIT_SPAN_SECONDS, 10);
    expect(fitLevel({ width: 1000, duration: 0, editing: false })).toBe(0);
  });

  it('clamps between the widest allowed view and the closest useful one', () => {
    expect(clampLevel(1, short)).toBe(20);
    expect(clampLevel(5000, short)).toBe(MAX_PX_PER_SEC);
    expect(clampLevel(123, short)).toBe(123);
    expect(clampLevel(0.5, long)).toBeCloseTo(1000 / MAX_EDIT_SPAN_SECONDS, 10);
    expect(isSameLevel(100.05, 100)).toBe(true);
    expect(isSameLevel(101, 100)).toBe(false);
  });

  it('keeps the anchor under the same pixel, never scrolling before the start', () => {
    // 12 s at 50 px/s is pixel 600; to stay 200 px from the left edge, scroll 400.
    expect(scrollForAnchor(12, 200, 50)).toBe(400);
    expect(scrollForAnchor(1, 200, 50)).toBe(0);
  });

  it('anchors on the playhead when it is on screen, else on the centre', () => {
    expect(zoomAnchor(12, 50, 400, 1000)).toEqual({ time: 12, x: 200 });
    // Playhead at 100 s is pixel 5000, off a view of pixels 400–1400: the centre (900 px = 18 s) stays.
    expect(zoomAnchor(100, 50, 400, 1000)).toEqual({ time: 18, x: 500 });
  });

  it('turns wheel deltas of any unit into a zoom factor: 300 px doubles', () => {
    expect(wheelPixels(3, 1, 800)).toBe(48);
    expect(wheelPixels(1, 2, 800)).toBe(800);
    expect(wheelPixels(-120, 0, 800)).toBe(-120);
    expect(wheelFactor(-300)).toBe(2);
    expect(wheelFactor(300)).toBe(0.5);
    expect(wheelFactor(0)).toBe(1);
  });

  it('places the minimap box over the visible fraction', () => {
    expect(visibleFraction(250, 100, 1000)).toEqual({ left: 0.25, width: 0.1 });
    expect(visibleFraction(950, 100, 1000)).toEqual({ left: 0.95, width: 0.050000000000000044 });
    expect(visibleFraction(0, 100, 0)).toEqual({ left: 0, width: 1 });
  });
});

describe('rulerTicks', () => {
  it('labels at least 72 px apart with finer notches between', () => {
    expect(rulerSteps(100)).toEqual({ major: 1, minor: 0.2 });
    expect(rulerSteps(10)).toEqual({ major: 10, minor: 2 });
    expect(rulerSteps(0.001)).toEqual({ major: 3600, minor: 600 });
    const ticks = rulerTicks(0, 250, 100, 60);
    expect(ticks.filter((tick) => tick.label).map((tick) => tick.label)).toEqual(['0:00', '0:01', '0:02']);
    // 0–2.6 s: one notch past the stretch, so a scroll of a few pixels needs no redraw.
    expect(ticks).toHaveLength(14);
    expect(ticks[6]).toEqual({ time: 1.2000000000000002, x: 120.00000000000001 });
  });

  it('stops at the end of the audio and shows tenths when labels are under a second apart', () => {
    const ticks = rulerTicks(0, 10_000, 200, 2.2);
    expect(ticks.at(-1)!.time).toBeLessThanOrEqual(2.2);
    expect(ticks.filter((tick) => tick.label).map((tick) => tick.label)).toEqual(['0:00.0', '0:00.5', '0:01.0', '0:01.5', '0:02.0']);
    expect(rulerTicks(0, 100, 0, 10)).toEqual([]);
  });
});

describe('comfortableZoom', () => {
  const turn = (start: number, end: number): Entry => ({ kind: 'speech', speakerId: null, start, end, words: [] });

  it('makes the median turn 110 px wide', () => {
    const transcript: Transcript = { speakers: [], entries: [turn(0, 2), turn(2, 6), turn(6, 7), turn(7, 100)] };
    // Median of 1, 2, 4, 93 by the upper middle: 4 s.
    expect(comfortableZoom(transcript)).toBeCloseTo(110 / 4, 10);
    expect(comfortableZoom(transcript, 40)).toBeCloseTo(10, 10);
  });

  it('ignores events and untimed turns, and has no opinion without timed turns', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [{ kind: 'event', text: '(MUSIC)', start: 0, end: 60 }, { kind: 'speech', speakerId: null, words: [{ text: 'hi' }] }, turn(5, 5.2)],
    };
    // Very short turns are treated as half a second so the zoom stays sane.
    expect(comfortableZoom(transcript)).toBeCloseTo(220, 10);
    expect(comfortableZoom({ speakers: [], entries: [] })).toBe(0);
  });
});
