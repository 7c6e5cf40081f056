import { describe, expect, it } from 'vitest';
import { resample } from './resample.ts';

describe('resample', () => {
  it('keeps a click at the same time in seconds (no filter delay)', () => {
    const input = new Float32Array(22050);
    input[11025] = 1; // 0.5 s
    const output = resample(input, 22050, 16000);
    expect(output.length).toBe(16000);
    const peak = output.reduce((best, value, index) => (value > (output[best] ?? 0) ? index : best), 0);
    expect(peak / 16000).toBeCloseTo(0.5, 3);
  });

  it('passes a tone below the new Nyquist at its level and removes one above it', () => {
    const tone = (frequency: number): Float32Array =>
      Float32Array.from({ length: 22050 }, (_, i) => Math.sin((2 * Math.PI * frequency * i) / 22050));
    const rms = (samples: Float32Array): number => {
      const middle = samples.subarray(1000, samples.length - 1000);
      return Math.sqrt(middle.reduce((sum, value) => sum + value * value, 0) / middle.length);
    };
    expect(rms(resample(tone(1000), 22050, 16000))).toBeCloseTo(Math.SQRT1_2, 2);
    expect(rms(resample(tone(9500), 22050, 16000))).toBeLessThan(0.01);
  });

  it('upsamples 8 kHz speech-band audio without changing its length in time', () => {
    const input = Float32Array.from({ length: 8000 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 8000));
    const output = resample(input, 8000, 16000);
    expect(output.length).toBe(16000);
    expect(output[8001]).toBeCloseTo(Math.sin((2 * Math.PI * 440 * 8001) / 16000), 2);
  });
});
