import { describe, expect, it } from 'vitest';
import { type SpeechTurn, type Transcript, speechTurns, wordsFromText } from '../transcript/model.ts';
import { collectTokens } from './align-tokens.ts';
import { buildOutcome } from './build-outcome.ts';
import type { TokenSegment } from './window-decoder.ts';

function transcript(lines: string[]): Transcript {
  return { speakers: [], entries: lines.map((line) => ({ kind: 'speech', speakerId: null, words: wordsFromText(line) })) };
}

describe('buildOutcome: a turn that could not be aligned', () => {
  // Turn 1 failed; turns 0 and 2 aligned (0.5-2.0 s and 8.0-9.5 s). Between them the detector
  // heard speech only at 3-4 s and 6-7 s (music in between).
  const input = transcript(['good morning to you', 'the weather is fine today', 'thank you very much']);
  const tokens = collectTokens(input, 'en');
  const placed = new Map<number, TokenSegment>();
  const spans: Record<number, [number, number]> = { 0: [0.5, 2], 2: [8, 9.5] };
  tokens.forEach((token, index) => {
    const span = spans[token.entry];
    if (!span) return;
    const words = tokens.filter((other) => other.entry === token.entry);
    const k = words.indexOf(token);
    const step = (span[1] - span[0]) / words.length;
    placed.set(index, { start: span[0] + k * step, end: span[0] + (k + 1) * step, probability: 0.95 });
  });
  const islands = [{ start: 0.5, end: 2 }, { start: 3, end: 4 }, { start: 6, end: 7 }, { start: 8, end: 9.5 }];
  const energies = new Float32Array(1000).fill(-60);

  it('pins it between its confident neighbours and spreads its words over the speech there', () => {
    const outcome = buildOutcome(input, tokens, placed, new Set([1]), new Set(), energies, 10, [], islands);
    const turns = speechTurns(outcome.transcript);
    const failed = turns[1] as SpeechTurn;
    expect(failed.timing).toBe('estimated');
    expect(outcome.lowConfidence).toEqual([1]);
    for (const word of failed.words) {
      expect(word.timing).toBe('estimated');
      const start = word.start as number;
      // Every word starts on speech, none on the music between 4 and 6 s.
      expect((start >= 3 && start < 4) || (start >= 6 && start < 7)).toBe(true);
    }
    expect(failed.start).toBeGreaterThanOrEqual(3);
    expect(failed.end).toBeLessThanOrEqual(7);
    // Its neighbours keep their aligned times.
    expect(turns[0]?.start).toBe(0.5);
    expect(turns[2]?.start).toBe(8);
    expect(turns[2]?.timing).toBe('aligned');
  });

  it('without a speech detector leaves it to the syllable estimate between the same neighbours', () => {
    const outcome = buildOutcome(input, tokens, placed, new Set([1]), new Set(), energies, 10, []);
    const failed = speechTurns(outcome.transcript)[1] as SpeechTurn;
    expect(failed.start).toBeGreaterThanOrEqual(2);
    expect(failed.end).toBeLessThanOrEqual(8);
    expect(outcome.lowConfidence).toEqual([1]);
  });
});
