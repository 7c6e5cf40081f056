import { describe, expect, it } from 'vitest';
import { SpeakingRates } from './speaking-rate.ts';

describe('SpeakingRates', () => {
  it('starts from a general rate and learns each speaker separately', () => {
    const rates = new SpeakingRates();
    const initial = rates.rate('a');
    rates.learn({ entry: 1, speaker: 'fast', syllables: 40, start: 0, end: 6 });
    rates.learn({ entry: 2, speaker: 'slow', syllables: 40, start: 7, end: 19 });
    expect(rates.rate('fast')).toBeCloseTo(0.15, 5);
    expect(rates.rate('slow')).toBeCloseTo(0.3, 5);
    expect(rates.rate('unheard')).not.toBe(initial);
    expect(rates.expected([{ speaker: 'fast', syllables: 20 }])).toBeCloseTo(3, 5);
  });

  it('adds the learned pause between turns to the expected length', () => {
    const rates = new SpeakingRates();
    rates.learn({ entry: 3, speaker: 'a', syllables: 10, start: 0, end: 2 });
    rates.learn({ entry: 4, speaker: 'b', syllables: 10, start: 4, end: 6 });
    const one = rates.expected([{ speaker: 'a', syllables: 10 }]);
    const two = rates.expected([
      { speaker: 'a', syllables: 10 },
      { speaker: 'b', syllables: 10 },
    ]);
    expect(two - 2 * one).toBeGreaterThan(0.5);
  });

  it('learns the pause only between adjacent turns, not across one it never saw', () => {
    const rates = new SpeakingRates();
    const before = rates.expected([{ speaker: 'a', syllables: 10 }, { speaker: 'a', syllables: 10 }]);
    rates.learn({ entry: 0, speaker: 'a', syllables: 10, start: 0, end: 2 });
    rates.learn({ entry: 2, speaker: 'a', syllables: 10, start: 8, end: 10 });
    const after = rates.expected([{ speaker: 'a', syllables: 10 }, { speaker: 'a', syllables: 10 }]);
    const rateOnly = 2 * rates.expected([{ speaker: 'a', syllables: 10 }]);
    expect(after - rateOnly).toBeCloseTo(before - 2 * 10 * 0.25, 5);
  });

  it('ignores very short turns for the rate and clamps absurd ones', () => {
    const rates = new SpeakingRates();
    rates.learn({ entry: 5, speaker: 'a', syllables: 2, start: 0, end: 5 });
    expect(rates.rate('a')).toBe(rates.rate(null));
    rates.learn({ entry: 6, speaker: 'b', syllables: 10, start: 10, end: 100 });
    expect(rates.rate('b')).toBeLessThanOrEqual(0.6);
  });
});
