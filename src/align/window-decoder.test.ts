import { describe, expect, it } from 'vitest';
import { keepSpeechOnly, MODEL_SAMPLE_RATE } from './window-decoder.ts';

describe('keepSpeechOnly', () => {
  it('fades out what is not near speech and keeps the speech and a margin around it untouched', () => {
    // A window from 1 s to 4 s of constant "noise"; the detector heard speech from 2 s to 2.5 s.
    const first = MODEL_SAMPLE_RATE;
    const window = new Float32Array(3 * MODEL_SAMPLE_RATE).fill(0.5);
    keepSpeechOnly(window, first, [{ start: 2, end: 2.5 }]);
    const at = (seconds: number) => window[Math.round((seconds - 1) * MODEL_SAMPLE_RATE)] as number;
    expect(at(1.2)).toBe(0);
    expect(at(1.7)).toBe(0);
    // 0.2 s before the onset and 0.25 s after the end are kept, past a 50 ms fade.
    expect(at(1.86)).toBe(0.5);
    expect(at(2.25)).toBe(0.5);
    expect(at(2.7)).toBe(0.5);
    expect(at(2.8)).toBe(0);
    expect(at(3.5)).toBe(0);
  });

  it('keeps islands that begin before the window or run past its end', () => {
    const window = new Float32Array(MODEL_SAMPLE_RATE).fill(1);
    keepSpeechOnly(window, 0, [{ start: -1, end: 0.3 }, { start: 0.9, end: 2 }]);
    expect(window[0]).toBe(1);
    expect(window[Math.round(0.5 * MODEL_SAMPLE_RATE)]).toBe(1);
    expect(window[Math.round(0.6 * MODEL_SAMPLE_RATE)]).toBe(0);
    expect(window[MODEL_SAMPLE_RATE - 1]).toBe(1);
  });
});
