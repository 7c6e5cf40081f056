import { describe, expect, it } from 'vitest';
import type { SpeechTurn } from '../model.ts';
import { insertEvent, insertTurn } from './insert-turn.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('insertTurn', () => {
  it('inserts an empty untimed turn after an entry, with that entry speaker', () => {
    const transcript = transcriptOf(untimedTurn('first', 'bob'), untimedTurn('last'));
    const result = insertTurn(transcript, 0);
    expect(result.entries).toHaveLength(3);
    expect(result.entries[1]).toEqual({ kind: 'speech', speakerId: 'bob', words: [] });
    expect(result.entries[0]).toBe(transcript.entries[0]);
    expect(result.entries[2]).toBe(transcript.entries[1]);
  });

  it('inserts at the top and at the bottom, and into an empty transcript', () => {
    const transcript = transcriptOf(untimedTurn('only'));
    expect((insertTurn(transcript, -1, { text: 'new top' }).entries[0] as SpeechTurn).words.map((word) => word.text)).toEqual(['new', 'top']);
    expect(insertTurn(transcript, -1).entries[0]).toMatchObject({ speakerId: null });
    expect(insertTurn(transcript, 0, { text: 'bottom' }).entries).toHaveLength(2);
    expect(insertTurn(transcriptOf(), -1, { text: 'first' }).entries).toHaveLength(1);
  });

  it('spreads text over given times and marks them manual', () => {
    const result = insertTurn(transcriptOf(timedTurn('a', 0)), 0, { text: 'hello there world', start: 3, end: 1, speakerId: 'bob' });
    const turn = result.entries[1] as SpeechTurn;
    expect(turn).toMatchObject({ speakerId: 'bob', start: 1, end: 3, timing: 'manual' });
    expect(turn.words[0]?.start).toBe(1);
    expect(turn.words[2]?.end).toBe(3);
  });

  it('keeps words untimed with only a start', () => {
    const turn = insertTurn(transcriptOf(), -1, { text: 'a b', start: 2 }).entries[0] as SpeechTurn;
    expect(turn.start).toBe(2);
    expect(turn.words.every((word) => word.start === undefined)).toBe(true);
  });

  it('refuses bad indexes, unknown speakers and non-finite times', () => {
    const transcript = transcriptOf(untimedTurn('x'));
    expect(insertTurn(transcript, 1)).toBe(transcript);
    expect(insertTurn(transcript, -2)).toBe(transcript);
    expect(insertTurn(transcript, 0, { speakerId: 'nobody' })).toBe(transcript);
    expect(insertTurn(transcript, 0, { start: Number.NaN })).toBe(transcript);
  });
});

describe('insertEvent', () => {
  it('inserts an event with optional times', () => {
    const transcript = transcriptOf(untimedTurn('x'), eventEntry('(MUSIC)'));
    const result = insertEvent(transcript, 0, ' (LAUGHTER) ', { start: 4, end: 5 });
    expect(result.entries[1]).toEqual({ kind: 'event', text: '(LAUGHTER)', start: 4, end: 5, timing: 'manual' });
    expect(result.entries[2]).toBe(transcript.entries[1]);
    expect(insertEvent(transcript, 0, '(APPLAUSE)').entries[1]).toEqual({ kind: 'event', text: '(APPLAUSE)' });
    expect(insertEvent(transcript, 7, '(APPLAUSE)')).toBe(transcript);
  });
});
