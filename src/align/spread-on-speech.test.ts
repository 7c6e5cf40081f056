import { describe, expect, it } from 'vitest';
import { spreadOnSpeech } from './spread-on-speech.ts';

describe('spreadOnSpeech', () => {
  it('lays items over the speech only, in proportion to their weights', () => {
    // 2 s of speech in [10, 20]: 11-12 and 15-16.
    const spans = spreadOnSpeech([1, 1, 2], [{ start: 11, end: 12 }, { start: 15, end: 16 }], 10, 20);
    expect(spans.map((span) => [span.start, span.end])).toEqual([[11, 11.5], [11.5, 12], [15, 16]]);
  });

  it('clips islands to the span and falls back to the whole span without speech', () => {
    expect(spreadOnSpeech([1, 1], [{ start: 0, end: 12 }], 10, 20).map((span) => [span.start, span.end])).toEqual([[10, 11], [11, 12]]);
    expect(spreadOnSpeech([1, 3], [{ start: 30, end: 40 }], 10, 14).map((span) => [span.start, span.end])).toEqual([[10, 11], [11, 14]]);
  });
});
