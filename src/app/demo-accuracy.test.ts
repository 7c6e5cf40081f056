import { describe, expect, it } from 'vitest';
import type { Transcript } from '../transcript/model.ts';
import { turnStartAccuracy } from './demo-accuracy.ts';

const t = (...starts: (number | undefined)[]): Transcript => ({
  speakers: [],
  entries: starts.map((start) => ({ kind: 'speech', speakerId: null, start, words: [] })),
});

describe('turnStartAccuracy', () => {
  it('reports the median error and the share within 100 ms', () => {
    const result = turnStartAccuracy(t(1.02, 5.3, 9), t(1, 5, 9.05))!;
    expect(result.medianMs).toBeCloseTo(50, 6);
    expect(result.within100).toBeCloseTo(2 / 3, 6);
  });
  it('refuses transcripts with different turn counts', () => {
    expect(turnStartAccuracy(t(1), t(1, 2))).toBeUndefined();
  });
});
