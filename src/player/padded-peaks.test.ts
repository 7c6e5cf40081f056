import { describe, expect, it } from 'vitest';
import { paddedPeaks } from './padded-peaks.ts';

describe('paddedPeaks', () => {
  it('puts the readable audio at its true place and silence after it', () => {
    const peaks = paddedPeaks([0.5, -1, 0.25, 0.75], 1, 4, 8);
    // One second of four fills the first quarter: two columns, each the loudest of its half.
    expect([...peaks]).toEqual([1, 0.75, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps every column when the readable part is sparse, and is silent without audio', () => {
    expect([...paddedPeaks([0.5], 2, 4, 4)]).toEqual([0.5, 0.5, 0, 0]);
    expect([...paddedPeaks([], 1, 4, 4)]).toEqual([0, 0, 0, 0]);
    expect([...paddedPeaks([1], 1, 0, 2)]).toEqual([0, 0]);
  });
});
