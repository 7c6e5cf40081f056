import { describe, expect, it } from 'vitest';
import { localLevels } from './frame-energy.ts';
import { type EnergyView, claimOrphanSounds, refineOnsets } from './refine-onsets.ts';

/** A view over frame energies given per 10 ms frame (dBFS). */
function view(energies: number[]): EnergyView[] {
  const array = Float32Array.from(energies);
  return [{ energies: array, levels: localLevels(array) }];
}

/** Frames: `quiet` at -60 dB, `loud` at -15 dB. */
function frames(...runs: [level: 'quiet' | 'loud', count: number][]): number[] {
  return runs.flatMap(([level, count]) => new Array<number>(count).fill(level === 'quiet' ? -60 : -15));
}

describe('refineOnsets', () => {
  it('moves a start that lies in a pause to where the sound begins', () => {
    const energies = view(frames(['loud', 100], ['quiet', 60], ['loud', 100]));
    const spans = [
      { start: 0.2, end: 1.0 },
      { start: 1.05, end: 1.9 },
    ];
    refineOnsets(spans, energies);
    expect(spans[1]?.start).toBeCloseTo(1.6, 2);
    expect(spans[0]?.start).toBe(0.2);
  });

  it('leaves starts inside running sound alone, and short quiet dips too', () => {
    const energies = view(frames(['loud', 100], ['quiet', 5], ['loud', 100]));
    const spans = [
      { start: 0.1, end: 1.0 },
      { start: 1.0, end: 2.0 },
    ];
    refineOnsets(spans, energies);
    expect(spans.map((span) => span.start)).toEqual([0.1, 1.0]);
  });

  it('keeps fixed spans', () => {
    const energies = view(frames(['quiet', 60], ['loud', 100]));
    const spans = [{ start: 0.0, end: 1.2 }];
    refineOnsets(spans, energies, () => true);
    expect(spans[0]?.start).toBe(0);
  });
});

describe('claimOrphanSounds', () => {
  it('moves a turn start that sits on the previous word onto the speech left in the pause', () => {
    // word | pause | short word the decoder missed | pause | next word
    const energies = view(frames(['loud', 100], ['quiet', 50], ['loud', 12], ['quiet', 8], ['loud', 80]));
    const spans = [
      { start: 0.3, end: 0.95 },
      { start: 0.95, end: 1.05 },
      { start: 1.7, end: 2.4 },
    ];
    claimOrphanSounds(spans, (i) => i === 1, energies);
    expect(spans[1]?.start).toBeCloseTo(1.5, 2);
    expect(spans[1]?.end).toBeCloseTo(1.62, 2);
  });

  it('starts a late turn at the sound just before it', () => {
    const energies = view(frames(['loud', 100], ['quiet', 50], ['loud', 100]));
    const spans = [
      { start: 0.3, end: 1.0 },
      { start: 1.75, end: 2.4 },
    ];
    claimOrphanSounds(spans, (i) => i === 1, energies);
    expect(spans[1]?.start).toBeCloseTo(1.5, 2);
  });

  it('ignores sound much quieter than the speech around it (noise, not a word)', () => {
    const energies = view([...frames(['loud', 100], ['quiet', 50]), ...new Array<number>(25).fill(-40), ...frames(['loud', 100])]);
    const spans = [
      { start: 0.3, end: 1.0 },
      { start: 1.75, end: 2.4 },
    ];
    claimOrphanSounds(spans, (i) => i === 1, energies);
    expect(spans[1]?.start).toBe(1.75);
  });
});
