import { describe, expect, it } from 'vitest';
import { formatClockTime, formatWholeSeconds, parseClockTime } from './timecode.ts';

describe('parseClockTime', () => {
  it('reads WebVTT, SRT and short clock times', () => {
    expect(parseClockTime('00:01:02.500')).toBe(62.5);
    expect(parseClockTime('00:01:02,500')).toBe(62.5);
    expect(parseClockTime('01:02.003')).toBe(62.003);
    expect(parseClockTime('0:09')).toBe(9);
    expect(parseClockTime('1:02:03')).toBe(3723);
    expect(parseClockTime('100:00:00.000')).toBe(360000);
  });

  it('reads a short fraction as a decimal fraction', () => {
    expect(parseClockTime('00:00:01,5')).toBe(1.5);
    expect(parseClockTime('00:00:01.05')).toBe(1.05);
  });

  it('refuses what is not a clock time', () => {
    for (const text of ['', 'abc', '00:00:60.000', '00:60:00.000', '1.5', '00:00:01.', '-00:00:01.000', '00:00:01.000x']) {
      expect(parseClockTime(text), text).toBeUndefined();
    }
  });
});

describe('formatClockTime', () => {
  it('writes hours, minutes, seconds and milliseconds with the separator asked for', () => {
    expect(formatClockTime(62.5)).toBe('00:01:02.500');
    expect(formatClockTime(3723.0456, ',')).toBe('01:02:03,046');
    expect(formatClockTime(-3)).toBe('00:00:00.000');
  });

  it('round-trips through parseClockTime to the millisecond', () => {
    for (const seconds of [0, 0.001, 1.2345, 59.9996, 3599.999, 86400.5]) {
      expect(parseClockTime(formatClockTime(seconds))).toBe(Math.round(seconds * 1000) / 1000);
    }
  });
});

describe('formatWholeSeconds', () => {
  it('truncates to the second', () => {
    expect(formatWholeSeconds(62.9)).toBe('00:01:02');
    expect(formatWholeSeconds(3723)).toBe('01:02:03');
  });
});
