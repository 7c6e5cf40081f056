import { describe, expect, it } from 'vitest';
import type { SpeechTurn } from '../model.ts';
import { mergeTurns } from './merge-turns.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('mergeTurns', () => {
  it('merges with the next turn: words concatenated, times united, first speaker', () => {
    const a = timedTurn('one two', 0, 'ann');
    const b = { ...timedTurn('three four', 2, 'bob'), timing: 'manual' as const, confidence: 0.5 };
    const tail = untimedTurn('tail');
    const transcript = transcriptOf(a, b, tail);
    const result = mergeTurns(transcript, 0, 'next');
    expect(result.entries).toHaveLength(2);
    const merged = result.entries[0] as SpeechTurn;
    expect(merged).toMatchObject({ speakerId: 'ann', start: 0, end: b.end, timing: 'aligned', confidence: 0.5 });
    expect(merged.words).toEqual([...a.words, ...b.words]);
    merged.words.forEach((word, i) => expect(word).toBe([...a.words, ...b.words][i]));
    expect(result.entries[1]).toBe(tail);
  });

  it('merges with the previous turn', () => {
    const transcript = transcriptOf(untimedTurn('head', 'bob'), untimedTurn('body'));
    const merged = mergeTurns(transcript, 1, 'previous').entries[0] as SpeechTurn;
    expect(merged.speakerId).toBe('bob');
    expect(merged.words.map((word) => word.text)).toEqual(['head', 'body']);
  });

  it('takes whichever times exist, and the wider span when they overlap', () => {
    const a: SpeechTurn = { kind: 'speech', speakerId: null, words: [{ text: 'a' }], start: 5 };
    const b: SpeechTurn = { kind: 'speech', speakerId: null, words: [{ text: 'b' }], start: 4, end: 9 };
    expect(mergeTurns(transcriptOf(a, b), 0).entries[0]).toMatchObject({ start: 4, end: 9 });
    const untimed = mergeTurns(transcriptOf(untimedTurn('a'), untimedTurn('b')), 0).entries[0];
    expect(untimed && 'start' in untimed).toBe(false);
  });

  it('merges a turn with no words', () => {
    const a = timedTurn('words here', 1);
    const merged = mergeTurns(transcriptOf(a, untimedTurn('')), 0).entries[0] as SpeechTurn;
    expect(merged.words).toEqual(a.words);
    expect(merged).toMatchObject({ start: 1, end: a.end });
  });

  it('does nothing across an event or past either end', () => {
    const transcript = transcriptOf(untimedTurn('a'), eventEntry('(MUSIC)'), untimedTurn('b'));
    expect(mergeTurns(transcript, 0, 'next')).toBe(transcript);
    expect(mergeTurns(transcript, 2, 'previous')).toBe(transcript);
    expect(mergeTurns(transcript, 2, 'next')).toBe(transcript);
    expect(mergeTurns(transcript, 0, 'previous')).toBe(transcript);
  });
});
