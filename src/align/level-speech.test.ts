import { describe, expect, it } from 'vitest';
import { applyLevels, gainAt, levelPlan } from './level-speech.ts';

const RATE = 1000;

/** A sine at `amplitude` over [from, to) seconds. */
function tone(samples: Float32Array, from: number, to: number, amplitude: number): void {
  for (let i = from * RATE; i < to * RATE; i++) samples[i] = amplitude * Math.sin(i * 0.7);
}

describe('levelPlan', () => {
  it('makes no plan when speech levels are even within the tolerance', () => {
    const samples = new Float32Array(10 * RATE);
    tone(samples, 1, 3, 0.3);
    tone(samples, 4, 6, 0.1);
    tone(samples, 7, 9, 0.2);
    expect(levelPlan(samples, RATE, [{ start: 1, end: 3 }, { start: 4, end: 6 }, { start: 7, end: 9 }])).toBeNull();
  });

  it('brings an island 35 dB quieter than the rest to the typical level, moving the gain across pauses', () => {
    const samples = new Float32Array(10 * RATE);
    tone(samples, 1, 3, 0.3 * 10 ** (-35 / 20));
    tone(samples, 4, 6, 0.3);
    tone(samples, 7, 9, 0.3);
    const plan = levelPlan(samples, RATE, [{ start: 1, end: 3 }, { start: 4, end: 6 }, { start: 7, end: 9 }]);
    expect(plan).not.toBeNull();
    if (!plan) return;
    expect(gainAt(plan, 2 * RATE)).toBeCloseTo(35, 0);
    expect(gainAt(plan, 5 * RATE)).toBe(0);
    expect(gainAt(plan, 8 * RATE)).toBe(0);
    // Halfway through the pause between the quiet island and the next one: half the gain.
    expect(gainAt(plan, 3.5 * RATE)).toBeCloseTo(17.5, 0);
    const window = samples.slice(1 * RATE, 3 * RATE);
    applyLevels(window, 1 * RATE, plan);
    const peak = window.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    expect(peak).toBeGreaterThan(0.28);
    expect(peak).toBeLessThan(0.32);
  });
});
