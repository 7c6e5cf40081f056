import { describe, expect, it } from 'vitest';
import { envelopeInChunks } from './peak-envelope.ts';

describe('envelopeInChunks', () => {
  it('gives each column the largest magnitude of its samples, yielding between slices', async () => {
    const samples = new Float32Array(3_000_000);
    for (let i = 0; i < samples.length; i++) samples[i] = Math.sin(i * 0.001) * ((i % 7) / 7) * (i % 2 ? 1 : -1);
    samples[1_234_567] = -0.99;
    let yields = 0;
    const peaks = await envelopeInChunks(samples, 1000, async () => {
      yields++;
    });
    expect(yields).toBeGreaterThan(1);
    expect(peaks).toHaveLength(1000);
    for (const column of [0, 411, 999]) {
      let expected = 0;
      for (let i = column * 3000; i < (column + 1) * 3000; i++) expected = Math.max(expected, Math.abs(samples[i]!));
      expect(peaks[column]).toBe(expected);
    }
    expect(peaks[411]).toBeCloseTo(0.99, 6);
  });

  it('handles fewer samples than columns and stops when aborted', async () => {
    const peaks = await envelopeInChunks(Float32Array.from([0.5, -0.25]), 4, async () => undefined);
    expect([...peaks]).toEqual([0.5, 0, 0.25, 0]);
    const controller = new AbortController();
    controller.abort(new Error('left editor mode'));
    await expect(envelopeInChunks(new Float32Array(10), 2, async () => undefined, controller.signal)).rejects.toThrow('left editor mode');
  });
});
