import { describe, expect, it } from 'vitest';
import { addDither, ditherAmplitude, loudLevel } from './dither.ts';

describe('dither', () => {
  it('fills digital silence with a small, zero-mean, deterministic noise', () => {
    const a = addDither(new Float32Array(16000), 0, 0.001);
    const b = addDither(new Float32Array(16000), 0, 0.001);
    expect(a).toEqual(b);
    let max = 0;
    let sum = 0;
    for (const value of a) {
      max = Math.max(max, Math.abs(value));
      sum += value;
    }
    expect(max).toBeGreaterThan(0.0005);
    expect(max).toBeLessThanOrEqual(0.001);
    expect(Math.abs(sum / a.length)).toBeLessThan(0.00005);
  });

  it('gives overlapping windows the same noise for the same samples', () => {
    const whole = addDither(new Float32Array(1000), 0, 0.01);
    const part = addDither(new Float32Array(500), 300, 0.01);
    expect(part).toEqual(whole.subarray(300, 800));
  });

  it('scales with the loud level of the signal, with a floor of one 16-bit step', () => {
    const loud = new Float32Array(16000).map((_, i) => 0.5 * Math.sin(i / 5));
    expect(loudLevel(loud, 16000)).toBeGreaterThan(0.45);
    expect(ditherAmplitude(loud, 16000)).toBeCloseTo(0.003 * loudLevel(loud, 16000), 6);
    expect(ditherAmplitude(new Float32Array(16000), 16000)).toBe(1 / 32768);
  });
});
