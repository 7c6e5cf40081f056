import { describe, expect, it } from 'vitest';
import { describeSavedAt } from './describe-saved-at.ts';

const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

describe('describeSavedAt', () => {
  const now = at(2026, 11, 3, 18, 5);

  it('says today, yesterday, or the date', () => {
    expect(describeSavedAt(at(2026, 11, 3, 14, 32), now, 'en-GB')).toBe('today at 14:32');
    expect(describeSavedAt(at(2026, 11, 3, 0, 1), now, 'en-GB')).toBe('today at 00:01');
    expect(describeSavedAt(at(2026, 11, 2, 23, 59), now, 'en-GB')).toBe('yesterday at 23:59');
    expect(describeSavedAt(at(2026, 10, 30, 9, 15), now, 'en-GB')).toBe('30 Oct 2026, 09:15');
  });

  it('counts calendar days, not 24-hour spans', () => {
    expect(describeSavedAt(at(2026, 11, 2, 19, 0), at(2026, 11, 3, 0, 30), 'en-GB')).toBe('yesterday at 19:00');
  });
});
