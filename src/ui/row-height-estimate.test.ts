import { describe, expect, it } from 'vitest';
import { estimateTurnHeight, estimateTurnHeightFromCounts, roughTurnHeight, wrappedLines, type RowMetrics } from './row-height-estimate.ts';

const metrics: RowMetrics = { chrome: 40, lineHeight: 30, textWidth: 100, charWidth: 10, spaceWidth: 5 };
const words = (...texts: string[]) => texts.map((text) => ({ text }));

describe('row height estimate', () => {
  it('wraps greedily at word boundaries', () => {
    // "aaaa bbbb" = 40 + 5 + 40 = 85 px fits; a third word of 4 wraps.
    expect(wrappedLines(words('aaaa', 'bbbb'), metrics)).toBe(1);
    expect(wrappedLines(words('aaaa', 'bbbb', 'cccc'), metrics)).toBe(2);
    // Exactly the width still fits on the line.
    expect(wrappedLines(words('aaaaa', 'bbbb'), { ...metrics, textWidth: 95 })).toBe(1);
  });

  it('gives a word wider than the line a line of its own', () => {
    expect(wrappedLines(words('a', 'bbbbbbbbbbbbbbb', 'c'), metrics)).toBe(3);
  });

  it('adds the chrome to the lines, and falls back to a rough guess before any measurement', () => {
    expect(estimateTurnHeight(words('aaaa', 'bbbb', 'cccc'), metrics)).toBe(100);
    expect(estimateTurnHeight(words('hello'), null)).toBe(roughTurnHeight(words('hello')));
  });

  it('counts an empty turn as one line', () => {
    expect(estimateTurnHeight([], metrics)).toBe(70);
  });

  it('estimates from counts alone close to the wrapped estimate (a huge file\'s unread turns)', () => {
    const wide: RowMetrics = { chrome: 40, lineHeight: 30, textWidth: 600, charWidth: 8, spaceWidth: 4 };
    const sentence = 'so the council voted late on tuesday and the measure passed by a narrow margin which surprised almost everyone'.split(' ');
    for (const repeat of [1, 3, 10, 40]) {
      const turn = words(...Array.from({ length: repeat }, () => sentence).flat());
      const chars = turn.reduce((sum, word) => sum + word.text.length, 0);
      const wrapped = estimateTurnHeight(turn, wide);
      // Within a line of the greedy wrap.
      expect(Math.abs(estimateTurnHeightFromCounts(turn.length, chars, wide) - wrapped)).toBeLessThanOrEqual(wide.lineHeight);
      expect(estimateTurnHeightFromCounts(turn.length, chars, null)).toBe(roughTurnHeight(turn));
    }
    expect(estimateTurnHeightFromCounts(0, 0, wide)).toBe(70);
  });
});
