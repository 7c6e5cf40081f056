import { describe, expect, it } from 'vitest';
import { wordNearPoint, type WordBox } from './word-at-point.ts';

/** Two lines of three words: each 40 px wide with 10 px spaces, 20 px high, 10 px between lines. */
const box = (line: number, column: number): WordBox => ({ left: column * 50, right: column * 50 + 40, top: line * 30, bottom: line * 30 + 20 });
const boxes = [box(0, 0), box(0, 1), box(0, 2), box(1, 0), box(1, 1), box(1, 2)];

describe('wordNearPoint', () => {
  it('takes the word after a space the click hit', () => {
    expect(wordNearPoint(boxes, 45, 10)).toBe(1);
    expect(wordNearPoint(boxes, 95, 40)).toBe(5);
  });

  it("takes the line's first word for a click past the line's end", () => {
    expect(wordNearPoint(boxes, 400, 10)).toBe(0);
    expect(wordNearPoint(boxes, 400, 35)).toBe(3);
  });

  it('takes the nearest line for a click between lines, and the word under the click on it', () => {
    expect(wordNearPoint(boxes, 60, 22)).toBe(1);
    expect(wordNearPoint(boxes, 60, 28)).toBe(4);
    expect(wordNearPoint(boxes, 10, 200)).toBe(3);
  });

  it('reads a right-to-left line from the right: the word after a gap is the one to its left', () => {
    // The same two lines mirrored: reading order runs from x = 140 down to 0.
    const mirrored = boxes.map((b) => ({ ...b, left: 140 - b.right, right: 140 - b.left }));
    expect(wordNearPoint(mirrored, 95, 10)).toBe(1);
    expect(wordNearPoint(mirrored, 45, 40)).toBe(5);
    expect(wordNearPoint(mirrored, -200, 10)).toBe(0);
    expect(wordNearPoint(mirrored, 400, 35)).toBe(3);
  });

  it('gives -1 for a turn without words', () => {
    expect(wordNearPoint([], 10, 10)).toBe(-1);
  });
});
