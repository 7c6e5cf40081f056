import { describe, expect, it } from 'vitest';
import { Resampler, resample } from './resample.ts';

function sine(frequency: number, rate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.sin((2 * Math.PI * frequency * i) / rate);
  return out;
}

/** RMS over the middle half, away from the edges where the filter sees zeros. */
function middleRms(signal: Float32Array): number {
  const from = Math.floor(signal.length / 4);
  const to = Math.floor((3 * signal.length) / 4);
  let sum = 0;
  for (let i = from; i < to; i++) sum += (signal[i] ?? 0) ** 2;
  return Math.sqrt(sum / (to - from));
}

/** Amplitude of `frequency` in `signal` by correlation with a complex exponential. */
function toneAmplitude(signal: Float32Array, frequency: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < signal.length; i++) {
    re += (signal[i] ?? 0) * Math.cos((2 * Math.PI * frequency * i) / rate);
    im += (signal[i] ?? 0) * Math.sin((2 * Math.PI * frequency * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / signal.length;
}

describe('resample', () => {
  it('returns the input when the rates match', () => {
    const input = sine(440, 16000, 0.1);
    expect(resample(input, 16000, 16000)).toBe(input);
  });

  it.each([
    [44100, 16000],
    [48000, 16000],
    [22050, 16000],
    [8000, 16000],
    [44056, 16000],
  ])('keeps a 1 kHz tone at full level from %i Hz to %i Hz', (inRate, outRate) => {
    const out = resample(sine(1000, inRate, 1), inRate, outRate);
    expect(out.length).toBe(Math.round(inRate * (outRate / inRate)));
    expect(middleRms(out)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(toneAmplitude(out, 1000, outRate)).toBeGreaterThan(0.97);
  });

  it('removes content above the new Nyquist frequency instead of folding it down', () => {
    // 11 kHz at 44.1 kHz would alias to 5 kHz at 16 kHz without a low-pass.
    const out = resample(sine(11000, 44100, 1), 44100, 16000);
    expect(middleRms(out)).toBeLessThan(0.001);
    expect(toneAmplitude(out, 5000, 16000)).toBeLessThan(0.001);
  });

  it('keeps timing: an impulse lands at the same time at the new rate', () => {
    const input = new Float32Array(44100);
    input[22050] = 1;
    const out = resample(input, 44100, 16000);
    let peak = 0;
    for (let i = 1; i < out.length; i++) if ((out[i] ?? 0) > (out[peak] ?? 0)) peak = i;
    expect(Math.abs(peak - 8000)).toBeLessThanOrEqual(1);
  });

  it('streams: pieces of any size give the same output as one call', () => {
    const input = sine(700, 44100, 0.5);
    for (let i = 0; i < input.length; i += 97) input[i] = 0.9;
    const whole = resample(input, 44100, 16000);
    const resampler = new Resampler(44100, 16000);
    const pieces: Float32Array[] = [];
    let offset = 0;
    for (const size of [1, 5000, 3, 1024, 20000]) {
      pieces.push(resampler.push(input.subarray(offset, offset + size)));
      offset += size;
    }
    pieces.push(resampler.push(input.subarray(offset)), resampler.flush());
    const streamed = new Float32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    let at = 0;
    for (const piece of pieces) {
      streamed.set(piece, at);
      at += piece.length;
    }
    expect(streamed.length).toBe(whole.length);
    let maxDiff = 0;
    for (let i = 0; i < whole.length; i++) maxDiff = Math.max(maxDiff, Math.abs((whole[i] ?? 0) - (streamed[i] ?? 0)));
    expect(maxDiff).toBeLessThan(1e-6);
  });
});
