import { describe, expect, it } from 'vitest';
import { OVERVIEW_VALUES, needsFull, peakLevels, reducePeaks } from './peak-levels.ts';

describe('reducePeaks', () => {
  it('keeps each group’s lowest and highest value, in that order', () => {
    const values = [-0.1, 0.2, -0.5, 0.1, 0, 0.9, -0.3, 0.3];
    expect([...reducePeaks(values, 4)]).toEqual([Math.fround(-0.5), Math.fround(0.2), Math.fround(-0.3), Math.fround(0.9)]);
  });

  it('returns short input as it is', () => {
    const values = Float32Array.of(-1, 1);
    expect(reducePeaks(values, 8)).toBe(values);
    expect([...reducePeaks([0.5, -0.5], 8)]).toEqual([0.5, -0.5]);
  });

  it('reduces a million values to the overview size with the same extremes', () => {
    const values = new Float32Array(1_000_000).map((_, i) => Math.sin(i / 7) * (i === 777_777 ? 1 : 0.5));
    const reduced = reducePeaks(values);
    expect(reduced.length).toBe(OVERVIEW_VALUES);
    const extremes = (list: Float32Array) => {
      let low = Infinity;
      let high = -Infinity;
      for (const value of list) [low, high] = [Math.min(low, value), Math.max(high, value)];
      return [low, high];
    };
    expect(extremes(reduced)).toEqual(extremes(values));
  });
});

describe('needsFull', () => {
  // Three hours at 50 pairs a second, as `npm run peaks` writes them.
  const levels = peakLevels([new Float32Array(10_800 * 100)], 10_800);

  it('draws the whole file across a screen from the overview', () => {
    expect(levels.overview[0]!.length).toBe(OVERVIEW_VALUES);
    expect(needsFull(levels, 1366 / 10_800, 2)).toBe(false);
  });

  it('needs every value once zoomed in to seconds', () => {
    expect(needsFull(levels, 20, 1)).toBe(true);
  });

  it('never needs more than it has for a short file', () => {
    const short = peakLevels([new Float32Array(2000)], 20);
    expect(short.overview[0]).toBe(short.full[0]);
    expect(needsFull(short, 1000, 2)).toBe(false);
  });
});
