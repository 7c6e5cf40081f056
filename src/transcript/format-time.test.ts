import { describe, expect, it } from 'vitest';
import { formatClock, formatSpokenDuration } from './format-time.ts';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [9.99, '0:09'],
    [75.4, '1:15'],
    [3723, '1:02:03'],
    [-4, '0:00'],
    [Number.NaN, '0:00'],
    [Infinity, '0:00'],
  ])('%s -> %s', (input, expected) => expect(formatClock(input)).toBe(expected));
});

describe('formatSpokenDuration', () => {
  it('names each unit', () => {
    expect(formatSpokenDuration(75)).toBe('1 minute 15 seconds');
    expect(formatSpokenDuration(3601)).toBe('1 hour 1 second');
    expect(formatSpokenDuration(0)).toBe('0 seconds');
  });
});
