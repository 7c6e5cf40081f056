import { describe, expect, it } from 'vitest';
import type { SpeechTurn } from '../model.ts';
import { moveTurn } from './move-turn.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('moveTurn', () => {
  it('shifts the turn and every word time by delta', () => {
    const turn = timedTurn('one two three', 10);
    const transcript = transcriptOf(untimedTurn('before'), turn, untimedTurn('after'));
    const result = moveTurn(transcript, 1, 2.5);
    const moved = result.entries[1] as SpeechTurn;
    expect(moved).toMatchObject({ start: 12.5, end: (turn.end ?? 0) + 2.5, timing: 'manual' });
    moved.words.forEach((word, i) => {
      expect(word.start).toBeCloseTo((turn.words[i]?.start ?? 0) + 2.5, 9);
      expect(word.end).toBeCloseTo((turn.words[i]?.end ?? 0) + 2.5, 9);
      expect(word.timing).toBe('aligned');
      expect(word.text).toBe(turn.words[i]?.text);
    });
    expect(result.entries[0]).toBe(transcript.entries[0]);
    expect(result.entries[2]).toBe(transcript.entries[2]);
  });

  it('stops at zero', () => {
    const moved = moveTurn(transcriptOf(timedTurn('one two', 1)), 0, -5).entries[0] as SpeechTurn;
    expect(moved.start).toBe(0);
    expect(moved.words[0]?.start).toBe(0);
    expect(moved.words[1]?.start).toBeCloseTo(0.5, 9);
  });

  it('respects word times earlier than the turn start when clamping', () => {
    const turn: SpeechTurn = { kind: 'speech', speakerId: null, start: 2, end: 3, words: [{ text: 'early', start: 1, end: 2 }] };
    const moved = moveTurn(transcriptOf(turn), 0, -10).entries[0] as SpeechTurn;
    expect(moved.words[0]?.start).toBe(0);
    expect(moved.start).toBe(1);
  });

  it('moves events and partly timed turns, leaving untimed words alone', () => {
    expect(moveTurn(transcriptOf(eventEntry('(MUSIC)', 4, 6)), 0, 1).entries[0]).toMatchObject({ start: 5, end: 7 });
    const partly: SpeechTurn = { kind: 'speech', speakerId: null, start: 3, words: [{ text: 'free' }] };
    const moved = moveTurn(transcriptOf(partly), 0, 1).entries[0] as SpeechTurn;
    expect(moved.start).toBe(4);
    expect('end' in moved).toBe(false);
    expect(moved.words[0]).toBe(partly.words[0]);
  });

  it('returns the transcript itself when there is nothing to move', () => {
    const transcript = transcriptOf(untimedTurn('no times'), timedTurn('at zero', 0));
    expect(moveTurn(transcript, 0, 1)).toBe(transcript);
    expect(moveTurn(transcript, 1, -1)).toBe(transcript);
    expect(moveTurn(transcript, 1, 0)).toBe(transcript);
    expect(moveTurn(transcript, 9, 1)).toBe(transcript);
  });
});
