import { describe, expect, it } from 'vitest';
import type { SpeechTurn, Transcript } from '../model.ts';
import { splitTurn } from './split-turn.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

const speech = (entry: unknown) => entry as SpeechTurn;

describe('splitTurn', () => {
  it('splits a timed turn at a word', () => {
    const turn = timedTurn('one two three four', 10); // two ends 10.9, three starts 11
    const transcript = transcriptOf(eventEntry('(MUSIC)'), turn, untimedTurn('after', 'bob'));
    const result = splitTurn(transcript, 1, 2);
    expect(result.entries).toHaveLength(4);
    const [first, second] = [speech(result.entries[1]), speech(result.entries[2])];
    expect(first).toMatchObject({ speakerId: 'ann', start: 10, end: 10.9, timing: 'aligned' });
    expect(second).toMatchObject({ speakerId: 'ann', start: 11, end: turn.end, timing: 'aligned' });
    expect(first.words).toEqual(turn.words.slice(0, 2));
    expect(second.words[0]).toBe(turn.words[2]);
    expect(result.entries[0]).toBe(transcript.entries[0]);
    expect(result.entries[3]).toBe(transcript.entries[2]);
  });

  it('uses whichever neighbour time exists', () => {
    const turn: SpeechTurn = { kind: 'speech', speakerId: null, words: [{ text: 'a', start: 0, end: 1 }, { text: 'b' }] };
    const result = splitTurn(transcriptOf(turn), 0, 1);
    expect(result.entries[0]?.end).toBe(1);
    expect(result.entries[1]?.start).toBe(1);
    const reverse: SpeechTurn = { kind: 'speech', speakerId: null, words: [{ text: 'a' }, { text: 'b', start: 2, end: 3 }] };
    const reversed = splitTurn(transcriptOf(reverse), 0, 1);
    expect(reversed.entries[0]?.end).toBe(2);
    expect(reversed.entries[1]?.start).toBe(2);
  });

  it('estimates the split point when only the turn is timed', () => {
    const turn = { ...untimedTurn('short then a considerably longer tail'), start: 0, end: 10, timing: 'manual' as const };
    const result = splitTurn(transcriptOf(turn), 0, 1);
    const split = result.entries[0]?.end ?? NaN;
    expect(split).toBeGreaterThan(0);
    expect(split).toBeLessThan(5);
    expect(result.entries[1]?.start).toBeGreaterThanOrEqual(split);
    expect(result.entries[0]?.timing).toBe('estimated');
    expect(speech(result.entries[0]).words[0]?.start).toBeUndefined();
  });

  it('keeps an untimed turn untimed', () => {
    const result = splitTurn(transcriptOf(untimedTurn('a b c')), 0, 1);
    for (const entry of result.entries) {
      expect('start' in entry).toBe(false);
      expect('end' in entry).toBe(false);
    }
    expect(speech(result.entries[1]).words.map((word) => word.text)).toEqual(['b', 'c']);
  });

  it('refuses splits that would leave an empty part, and events', () => {
    const transcript = transcriptOf(timedTurn('a b', 0), eventEntry('(MUSIC)'));
    for (const wordIndex of [0, 2, -1, 0.5]) expect(splitTurn(transcript, 0, wordIndex)).toBe(transcript);
    expect(splitTurn(transcript, 1, 1)).toBe(transcript);
    expect(splitTurn(transcript, 4, 1)).toBe(transcript);
  });
});

describe('splitTurn paragraphs', () => {
  it('drops the flag on the word that now opens a turn and keeps later ones', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'a' }, { text: 'b', paragraph: true }, { text: 'c' }, { text: 'd', paragraph: true }] }],
    };
    const result = splitTurn(transcript, 0, 1);
    expect((result.entries[0] as SpeechTurn).words).toEqual([{ text: 'a' }]);
    expect((result.entries[1] as SpeechTurn).words).toEqual([{ text: 'b' }, { text: 'c' }, { text: 'd', paragraph: true }]);
  });
});
