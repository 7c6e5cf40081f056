import { describe, expect, it } from 'vitest';
import { findPauses, findPausesInChunks, pauseThreshold, snapToPause, type Pause } from './find-pauses.ts';

const RATE = 8000;

/** Deterministic noise so failures reproduce. */
function noise(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

/**
 * A speech-like recording: `sound` segments are a 180 Hz tone with a slow
 * syllable-rate wobble plus noise; quiet segments are faint room noise.
 */
function recording(segments: { seconds: number; sound: boolean }[], roomLevel = 0.002): Float32Array {
  const total = Math.round(segments.reduce((sum, segment) => sum + segment.seconds, 0) * RATE);
  const samples = new Float32Array(total);
  const random = noise(7);
  let offset = 0;
  for (const segment of segments) {
    const length = Math.round(segment.seconds * RATE);
    for (let i = 0; i < length; i++) {
      const t = (offset + i) / RATE;
      const room = random() * roomLevel;
      samples[offset + i] = segment.sound ? 0.3 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t)) * Math.sin(2 * Math.PI * 180 * t) + random() * 0.02 : room;
    }
    offset += length;
  }
  return samples;
}

const near = (actual: number, expected: number, tolerance = 0.021) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);

describe('findPauses', () => {
  it('finds each silence between sounds at its true place', () => {
    const samples = recording([
      { seconds: 1.5, sound: true },
      { seconds: 0.4, sound: false },
      { seconds: 2, sound: true },
      { seconds: 0.8, sound: false },
      { seconds: 1, sound: true },
    ]);
    const pauses = findPauses(samples, RATE);
    expect(pauses).toHaveLength(2);
    near(pauses[0]![0], 1.5);
    near(pauses[0]![1], 1.9);
    near(pauses[1]![0], 3.9);
    near(pauses[1]![1], 4.7);
  });

  it('reports leading and trailing silence', () => {
    const samples = recording([
      { seconds: 0.5, sound: false },
      { seconds: 1, sound: true },
      { seconds: 0.3, sound: false },
    ]);
    const pauses = findPauses(samples, RATE);
    expect(pauses).toHaveLength(2);
    near(pauses[0]![0], 0);
    near(pauses[0]![1], 0.5);
    near(pauses[1]![0], 1.5);
    near(pauses[1]![1], 1.8);
  });

  it('ignores gaps shorter than the minimum pause', () => {
    const samples = recording([
      { seconds: 1, sound: true },
      { seconds: 0.06, sound: false },
      { seconds: 1, sound: true },
      { seconds: 0.3, sound: false },
      { seconds: 1, sound: true },
    ]);
    const pauses = findPauses(samples, RATE);
    expect(pauses).toHaveLength(1);
    near(pauses[0]![0], 2.06);
    const shorter = findPauses(samples, RATE, { minPauseSeconds: 0.04 });
    expect(shorter).toHaveLength(2);
  });

  it('does not split a pause at a short click', () => {
    const samples = recording([
      { seconds: 1, sound: true },
      { seconds: 0.3, sound: false },
      { seconds: 0.02, sound: true },
      { seconds: 0.3, sound: false },
      { seconds: 1, sound: true },
    ]);
    const pauses = findPauses(samples, RATE);
    expect(pauses).toHaveLength(1);
    near(pauses[0]![0], 1);
    near(pauses[0]![1], 1.62);
    expect(findPauses(samples, RATE, { bridgeSeconds: 0 })).toHaveLength(2);
  });

  it('finds pauses over a loud noise floor relative to the speech level', () => {
    const samples = recording(
      [
        { seconds: 1, sound: true },
        { seconds: 0.5, sound: false },
        { seconds: 1, sound: true },
      ],
      0.03,
    );
    const pauses = findPauses(samples, RATE);
    expect(pauses).toHaveLength(1);
    near(pauses[0]![0], 1);
    near(pauses[0]![1], 1.5);
  });

  it('finds nothing in a steady tone or in digital silence', () => {
    const tone = new Float32Array(RATE * 2).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / RATE));
    expect(findPauses(tone, RATE)).toEqual([]);
    expect(findPauses(new Float32Array(RATE), RATE)).toEqual([]);
    expect(findPauses(new Float32Array(0), RATE)).toEqual([]);
    expect(pauseThreshold(new Float32Array(0))).toBeNull();
  });

  it('works at other sample rates', () => {
    const rate = 22050;
    const samples = new Float32Array(rate * 3);
    for (let i = 0; i < samples.length; i++) {
      const t = i / rate;
      samples[i] = t >= 1.2 && t < 1.7 ? 0 : 0.4 * Math.sin(2 * Math.PI * 220 * t);
    }
    const pauses = findPauses(samples, rate);
    expect(pauses).toHaveLength(1);
    near(pauses[0]![0], 1.2);
    near(pauses[0]![1], 1.7);
  });
});

describe('findPausesInChunks', () => {
  const samples = recording(
    Array.from({ length: 40 }, (_, i) => ({ seconds: i % 2 === 0 ? 0.7 + (i % 5) * 0.1 : 0.15 + (i % 3) * 0.1, sound: i % 2 === 0 })),
  );

  it('gives exactly the synchronous result, yielding between slices and reporting progress', async () => {
    let yields = 0;
    const progress: number[] = [];
    const pauses = await findPausesInChunks(samples, RATE, {
      chunkSamples: 3000,
      yieldToHost: async () => {
        yields++;
      },
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(pauses).toEqual(findPauses(samples, RATE));
    expect(pauses.length).toBeGreaterThan(15);
    expect(yields).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const run = findPausesInChunks(samples, RATE, {
      chunkSamples: 3000,
      signal: controller.signal,
      yieldToHost: async () => controller.abort(new Error('left editor mode')),
    });
    await expect(run).rejects.toThrow('left editor mode');
  });
});

describe('snapToPause', () => {
  const pauses: Pause[] = [
    [1, 1.4],
    [3, 3.1],
    [10, 12],
  ];

  it('moves to the nearest pause edge within reach', () => {
    expect(snapToPause(1.45, pauses)).toBe(1.4);
    expect(snapToPause(0.9, pauses)).toBe(1);
    expect(snapToPause(9.86, pauses)).toBe(10);
    expect(snapToPause(12.1, pauses)).toBe(12);
  });

  it('moves to a short pause centre when that is nearest', () => {
    expect(snapToPause(3.04, pauses)).toBeCloseTo(3.05, 10);
    expect(snapToPause(1.22, pauses)).toBeCloseTo(1.2, 10);
  });

  it('leaves the time alone when no pause is within reach', () => {
    expect(snapToPause(2, pauses)).toBe(2);
    expect(snapToPause(11, pauses)).toBe(11);
    expect(snapToPause(1.56, pauses)).toBe(1.56);
    expect(snapToPause(1.56, pauses, 0.2)).toBe(1.4);
    expect(snapToPause(5, [])).toBe(5);
  });

  it('searches thousands of pauses and agrees with a linear scan', () => {
    const many: Pause[] = Array.from({ length: 5000 }, (_, i) => [i * 2 + 0.5, i * 2 + 0.5 + (i % 7) * 0.05 + 0.1]);
    const random = noise(3);
    for (let k = 0; k < 500; k++) {
      const time = (random() + 0.5) * 10000;
      let expected = time;
      let best = 0.15;
      for (const [start, end] of many) {
        for (const candidate of [start, (start + end) / 2, end]) {
          const distance = Math.abs(candidate - time);
          if (distance < best) {
            best = distance;
            expected = candidate;
          }
        }
      }
      expect(snapToPause(time, many)).toBe(expected);
    }
  });
});
