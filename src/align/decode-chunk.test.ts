import { describe, expect, it } from 'vitest';
import type { AlignToken } from './align-tokens.ts';
import { lastWordOnNextOnset, squeezed } from './decode-chunk.ts';
import type { TokenSegment } from './window-decoder.ts';

/** Turns of `words` one-syllable words each, for `speaker`, as tokens. */
function tokensFor(turns: { speaker: string; words: number }[]): AlignToken[] {
  return turns.flatMap((turn, entry) =>
    Array.from({ length: turn.words }, (_, word): AlignToken => ({
      entry,
      word,
      speaker: turn.speaker,
      readings: [],
      syllables: 1,
      turnStart: word === 0,
      turnEnd: word === turn.words - 1,
      sentenceEnd: word === turn.words - 1,
      afterEvent: false,
    })),
  );
}

/** Segments laying each turn's words evenly from `starts[i]` over `durations[i]` seconds. */
function segmentsFor(tokens: AlignToken[], starts: number[], durations: number[]): Map<number, TokenSegment> {
  const segments = new Map<number, TokenSegment>();
  tokens.forEach((token, index) => {
    const count = tokens.filter((other) => other.entry === token.entry).length;
    const step = (durations[token.entry] as number) / count;
    const start = (starts[token.entry] as number) + token.word * step;
    segments.set(index, { start, end: start + step, probability: 1 });
  });
  return segments;
}

describe('squeezed', () => {
  const tokens = tokensFor([
    { speaker: 'a', words: 20 },
    { speaker: 'b', words: 20 },
    { speaker: 'a', words: 20 },
  ]);
  const chunk = tokens.map((_, index) => index);
  const rate = (speaker: string | null) => (speaker === 'a' ? 0.25 : undefined);

  it('flags a whole turn of a known speaker aligned in far less than that speaker takes', () => {
    // Speaker a says 20 syllables in 5 s; here the first turn got 2 s.
    expect(squeezed(tokens, chunk, segmentsFor(tokens, [0, 2.5, 8], [2, 5, 5]), rate)).toBe(true);
  });

  it('accepts turns at the speaker’s pace, unknown speakers, and a squeezed turn in the window’s tail', () => {
    expect(squeezed(tokens, chunk, segmentsFor(tokens, [0, 5.5, 11], [5, 5, 5]), rate)).toBe(false);
    // Speaker b has no known rate: 1 s for 20 syllables is not judged.
    expect(squeezed(tokens, chunk, segmentsFor(tokens, [0, 5.5, 7], [5, 1, 5]), rate)).toBe(false);
    // The last turn ends the window, where words are decoded again anyway.
    expect(squeezed(tokens, chunk, segmentsFor(tokens, [0, 5.5, 11], [5, 5, 1]), rate)).toBe(false);
  });
});

describe('lastWordOnNextOnset', () => {
  const islands = [
    { start: 7.55, end: 8.54 },
    { start: 9.67, end: 10.97 },
  ];
  const word = (start: number, end: number): TokenSegment => ({ start, end, probability: 1 });

  it('finds a last word that left its own audio for the next turn\'s onset', () => {
    // "the" at 8.43, "barrel" at 9.67 on the next "Mary" (street noise under the Praat sentences).
    expect(lastWordOnNextOnset(word(8.43, 8.5), word(9.67, 10.1), islands)).toBe(9.67);
  });

  it('leaves a last word in the island of the words before it, or one that ends its island', () => {
    expect(lastWordOnNextOnset(word(8.0, 8.2), word(8.25, 8.5), islands)).toBeNull();
    expect(lastWordOnNextOnset(word(8.43, 8.5), word(9.67, 10.8), islands)).toBeNull();
    // In the next island but well after its onset: a word of its own after a pause.
    expect(lastWordOnNextOnset(word(8.43, 8.5), word(10.2, 10.4), islands)).toBeNull();
  });
});
