import { describe, expect, it } from 'vitest';
import { formatPassage, parsePassage, passageUrl } from './passage-fragment.ts';

describe('parsePassage', () => {
  it('reads start and end in seconds and clock forms', () => {
    expect(parsePassage('#t=12.5,20')).toEqual({ start: 12.5, end: 20 });
    expect(parsePassage('#t=npt:1:02:03.5,1:02:10')).toEqual({ start: 3723.5, end: 3730 });
    expect(parsePassage('t=90')).toEqual({ start: 90 });
    expect(parsePassage('#t=,20')).toEqual({ start: 0, end: 20 });
    expect(parsePassage('#foo=1&t=3,4')).toEqual({ start: 3, end: 4 });
  });

  it('refuses what is not a time, and drops an end that is not after the start', () => {
    expect(parsePassage('')).toBeUndefined();
    expect(parsePassage('#t=abc')).toBeUndefined();
    expect(parsePassage('#t=-3')).toBeUndefined();
    expect(parsePassage('#t=1:75')).toBeUndefined();
    expect(parsePassage('#t=1,2,3')).toBeUndefined();
    expect(parsePassage('#t=10,5')).toEqual({ start: 10 });
  });
});

describe('formatPassage / passageUrl', () => {
  it('writes millisecond precision without trailing zeros and reads back', () => {
    expect(formatPassage({ start: 1.23456, end: 7 })).toBe('t=1.235,7');
    expect(formatPassage({ start: 4 })).toBe('t=4');
    for (const passage of [{ start: 0.5, end: 9.75 }, { start: 3600 }]) {
      expect(parsePassage(`#${formatPassage(passage)}`)).toEqual(passage);
    }
  });

  it('replaces only the hash t, keeping the query and other hash parameters', () => {
    expect(passageUrl('https://x.org/?audio=a.mp3&transcript=b.vtt', { start: 1, end: 2 })).toBe(
      'https://x.org/?audio=a.mp3&transcript=b.vtt#t=1,2',
    );
    expect(passageUrl('https://x.org/page#t=5&id=ep1', { start: 1, end: 2 })).toBe('https://x.org/page#t=1,2&id=ep1');
  });
});
