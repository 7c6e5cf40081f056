import { describe, expect, it } from 'vitest';
import { SpeakingRates } from './speaking-rate.ts';

describe('SpeakingRates', () => {
  it('starts from a general rate and learns each speaker separately', () => {
    const rates = new SpeakingRates();
    const initial = rates.rate('a');
    rates.learn({ speaker: 'fast', syllables: 40, start: 0, end: 6 });
    rates.learn({ speaker: 'slow', syllables: 40, start: 7, end: 19 });
    expect(rates.rate('fast')).toBeCloseTo(0.15, 5);
    expect(rates.rate('slow')).toBeCloseTo(0.3, 5);
    expect(rates.rate('unheard')).not.toBe(initial);
    expect(rates.expected([{ speaker: 'fast', syllables: 20 }])).toBeCloseTo(3, 5);
  });

  it('adds the learned pause between turns to the expected length', () => {
    const rates = new SpeakingRates();
    rates.learn({ speaker: 'a', syllables: 10, start: 0, end: 2 });
    rates.learn({ speaker: 'b', syllables: 10, start: 4, end: 6 });
    const one = rates.expected([{ speaker: 'a', syllables: 10 }]);
    const two = rates.expected([
      { speaker: 'a', syllables: 10 },
      { speaker: 'b', syllables: 10 },
    ]);
    expect(two - 2 * one).toBeGreaterThan(0.5);
  });

  it('ignores very short turns for the rate and clamps absurd ones', () => {
    const rates = new SpeakingRates();
    rates.learn({ speaker: 'a', syllables: 2, start: 0, end: 5 });
    expect(rates.rate('a')).toBe(rates.rate(null));
    rates.learn({ speaker: 'b', syllables: 10, start: 10, end: 100 });
    expect(rates.rate('b')).toBeLessThanOrEqual(0.6);
  });
});
