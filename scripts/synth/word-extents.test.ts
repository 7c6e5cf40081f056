import { describe, expect, it } from 'vitest';
import type { PhoneSegment } from './phone-segment.ts';
import { wordExtents } from './word-extents.ts';

const RATE = 16000;

/** Silence with tones of `level` over the given spans (seconds). */
function signal(duration: number, spans: [number, number, number][]): Float32Array {
  const samples = new Float32Array(Math.round(duration * RATE));
  for (const [from, to, level] of spans) {
    for (let i = Math.round(from * RATE); i < Math.round(to * RATE); i++) samples[i] = level * Math.sin((2 * Math.PI * 300 * i) / RATE);
  }
  return samples;
}

function segment(phone: string, token: number | null, start: number, end: number): PhoneSegment {
  return { phone, token, start, end };
}

describe('wordExtents', () => {
  it('trims silence the engine left inside a word (a word-gap or closure)', () => {
    const samples = signal(1, [[0.212, 0.5, 0.5]]);
    const [word] = wordExtents({ samples, sampleRate: RATE }, [segment('a', 0, 0.2, 0.5)], 1);
    expect(word!.start).toBeCloseTo(0.212, 2);
    expect(Math.abs(word!.start - 0.212)).toBeLessThan(0.002);
  });

  it('extends into a following pause while the sound decays above the floor', () => {
    const samples = signal(1, [[0.1, 0.4, 0.5], [0.4, 0.43, 0.01]]);
    const extents = wordExtents(
      { samples, sampleRate: RATE },
      [segment('a', 0, 0.1, 0.4), segment('pau', null, 0.4, 0.6), segment('b', 1, 0.6, 0.8)],
      2,
    );
    expect(extents[0]!.end).toBeGreaterThan(0.425);
    expect(extents[0]!.end).toBeLessThan(0.435);
  });

  it('never takes a boundary between two touching words from the waveform', () => {
    const samples = signal(1, [[0.1, 0.8, 0.5]]);
    const extents = wordExtents({ samples, sampleRate: RATE }, [segment('a', 0, 0.1, 0.37), segment('b', 1, 0.37, 0.8)], 2);
    expect(extents[0]!.end).toBeCloseTo(0.37, 6);
    expect(extents[1]!.start).toBeCloseTo(0.37, 6);
  });

  it('starts a p/t/k word at its burst, not at its quiet closure', () => {
    // Closure with faint room noise (-60 dB re the burst), burst at 0.26.
    const samples = signal(1, [[0.2, 0.26, 0.0005], [0.26, 0.5, 0.5]]);
    const [word] = wordExtents({ samples, sampleRate: RATE }, [segment('t', 0, 0.2, 0.3), segment('u', 0, 0.3, 0.5)], 1, { floorDbfs: -80 });
    expect(Math.abs(word!.start - 0.26)).toBeLessThan(0.002);
  });

  it('returns null for a word the engine gave no phones', () => {
    const samples = signal(1, [[0.1, 0.3, 0.5]]);
    const extents = wordExtents({ samples, sampleRate: RATE }, [segment('a', 0, 0.1, 0.3)], 2);
    expect(extents[1]).toBeNull();
  });
});

describe('wordExtents between words that both reach into a pause', () => {
  it('never lets one word start before the previous one ends', () => {
    // Sound runs through the engine's pause (0.3-0.34), so both words extend into it.
    const samples = signal(1, [[0.1, 0.6, 0.5]]);
    const extents = wordExtents(
      { samples, sampleRate: RATE },
      [segment('a', 0, 0.1, 0.3), segment('pau', null, 0.3, 0.34), segment('b', 1, 0.34, 0.6)],
      2,
    );
    expect(extents[1]!.start).toBe(extents[0]!.end);
    expect(extents[0]!.end).toBeCloseTo(0.32, 6);
  });
});
