import { describe, expect, it } from 'vitest';
import type { SpeechTurn } from '../model.ts';
import { setTurnEnd, setTurnStart } from './set-turn-time.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

const speechAt = (entries: unknown[], i: number) => entries[i] as SpeechTurn;

describe('setTurnStart', () => {
  it('sets the start by hand and keeps words that are still inside', () => {
    const turn = timedTurn('one two three four', 10); // words at 10, 10.5, 11, 11.5
    const transcript = transcriptOf(untimedTurn('before'), turn);
    const result = setTurnStart(transcript, 1, 9);
    const edited = speechAt(result.entries, 1);
    expect(edited).toMatchObject({ start: 9, end: turn.end, timing: 'manual' });
    expect(edited.words).toBe(turn.words);
    expect(result.entries[0]).toBe(transcript.entries[0]);
  });

  it('re-estimates words left before the new start, keeping the others', () => {
    const turn = timedTurn('one two three four', 10);
    const result = setTurnStart(transcriptOf(turn), 0, 10.95);
    const words = speechAt(result.entries, 0).words;
    expect(words[2]).toBe(turn.words[2]);
    expect(words[3]).toBe(turn.words[3]);
    for (const word of words.slice(0, 2)) {
      expect(word.start).toBeGreaterThanOrEqual(10.95);
      expect(word.end).toBeLessThanOrEqual(11);
      expect(word.timing).toBe('estimated');
    }
  });

  it('clips a word that straddles the new start', () => {
    const turn = timedTurn('one two', 10); // one: 10–10.4
    const words = speechAt(setTurnStart(transcriptOf(turn), 0, 10.2).entries, 0).words;
    expect(words[0]).toMatchObject({ start: 10.2, end: 10.4 });
    expect(words[1]).toBe(turn.words[1]);
  });

  it('drags the end along when the start passes it', () => {
    const turn = timedTurn('one two', 10);
    const edited = speechAt(setTurnStart(transcriptOf(turn), 0, 20).entries, 0);
    expect(edited.start).toBe(20);
    expect(edited.end).toBe(20);
    for (const word of edited.words) {
      expect(word.start).toBe(20);
      expect(word.end).toBe(20);
    }
  });

  it('leaves the words of an untimed turn untimed', () => {
    const turn = untimedTurn('no times here');
    const edited = speechAt(setTurnStart(transcriptOf(turn), 0, 3).entries, 0);
    expect(edited.start).toBe(3);
    expect(edited.end).toBeUndefined();
    expect('end' in edited).toBe(false);
    expect(edited.words).toBe(turn.words);
  });

  it('sets times on a turn with no words', () => {
    const empty = untimedTurn('');
    expect(setTurnStart(transcriptOf(empty), 0, 4).entries[0]).toEqual({ kind: 'speech', speakerId: 'ann', words: [], start: 4, timing: 'manual' });
  });

  it('works on events and clamps negative times to zero', () => {
    const transcript = transcriptOf(eventEntry('(MUSIC)', 1, 2));
    expect(setTurnStart(transcript, 0, -5).entries[0]).toMatchObject({ start: 0, end: 2, timing: 'manual' });
  });

  it('returns the transcript itself for a bad index, a non-finite time or no change', () => {
    const transcript = transcriptOf(timedTurn('a b', 1));
    expect(setTurnStart(transcript, 5, 1)).toBe(transcript);
    expect(setTurnStart(transcript, -1, 1)).toBe(transcript);
    expect(setTurnStart(transcript, 0, Number.NaN)).toBe(transcript);
    const once = setTurnStart(transcript, 0, 0.5);
    expect(setTurnStart(once, 0, 0.5)).toBe(once);
  });
});

describe('setTurnEnd', () => {
  it('re-estimates words left after the new end', () => {
    const turn = timedTurn('one two three four', 10); // ends 11.9
    const transcript = transcriptOf(turn, untimedTurn('after'));
    const result = setTurnEnd(transcript, 0, 10.9);
    const edited = speechAt(result.entries, 0);
    expect(edited).toMatchObject({ start: 10, end: 10.9, timing: 'manual' });
    expect(edited.words[0]).toBe(turn.words[0]);
    expect(edited.words[1]).toBe(turn.words[1]);
    for (const word of edited.words.slice(2)) {
      expect(word.start).toBeGreaterThanOrEqual(10.9 - 1e-9);
      expect(word.end).toBeLessThanOrEqual(10.9);
    }
    expect(result.entries[1]).toBe(transcript.entries[1]);
  });

  it('extends the end without touching words', () => {
    const turn = timedTurn('one two', 10);
    const edited = speechAt(setTurnEnd(transcriptOf(turn), 0, 30).entries, 0);
    expect(edited.end).toBe(30);
    expect(edited.words).toBe(turn.words);
  });

  it('gives a turn with only word times a sensible range', () => {
    const turn: SpeechTurn = { kind: 'speech', speakerId: null, words: [{ text: 'early', start: 1, end: 2 }, { text: 'late', start: 8, end: 9 }] };
    const edited = speechAt(setTurnEnd(transcriptOf(turn), 0, 5).entries, 0);
    expect(edited.start).toBeUndefined();
    expect(edited.words[0]).toBe(turn.words[0]);
    expect(edited.words[1]?.start).toBeGreaterThanOrEqual(2);
    expect(edited.words[1]?.end).toBeLessThanOrEqual(5);
  });

  it('pulls the start back when the end passes it', () => {
    const edited = setTurnEnd(transcriptOf(eventEntry('(MUSIC)', 5, 6)), 0, 2).entries[0];
    expect(edited).toMatchObject({ start: 2, end: 2 });
  });
});
