import { describe, expect, it } from 'vitest';
import { formatClock, formatPrecise, formatSpokenDuration, parseTimeInput } from './format-time.ts';

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

describe('formatPrecise / parseTimeInput', () => {
  it('formats with milliseconds', () => {
    expect(formatPrecise(62.3)).toBe('1:02.300');
    expect(formatPrecise(3602.3456)).toBe('1:00:02.346');
    expect(formatPrecise(-1)).toBe('0:00.000');
  });
  it.each([
    ['83.5', 83.5],
    ['1:23.5', 83.5],
    ['1:02:03,250', 3723.25],
    [' 0:07 ', 7],
    ['1:60', undefined],
    ['1:75:00', undefined],
    ['-3', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('parses %j as %s', (input, expected) => expect(parseTimeInput(input)).toBe(expected));
  it('round-trips', () => {
    for (const t of [0, 0.001, 59.999, 61.5, 3599.999, 7384.25]) expect(parseTimeInput(formatPrecise(t))).toBeCloseTo(t, 3);
  });
});
