import { describe, expect, it } from 'vitest';
import { makeWord } from './make-word.ts';

describe('makeWord', () => {
  it('builds a word in model order, leaving out what is undefined', () => {
    expect(makeWord('hi')).toEqual({ text: 'hi' });
    expect(Object.keys(makeWord('hi'))).toEqual(['text']);
    const word = makeWord('hi', 1, 2, 'manual', 0.9);
    expect(word).toEqual({ text: 'hi', start: 1, end: 2, confidence: 0.9, timing: 'manual' });
    expect(Object.keys(word)).toEqual(['text', 'start', 'end', 'confidence', 'timing']);
    expect(Object.keys(makeWord('hi', undefined, 2))).toEqual(['text', 'end']);
  });

  it('keeps zero times', () => {
    expect(makeWord('a', 0, 0)).toEqual({ text: 'a', start: 0, end: 0 });
  });
});
