import { describe, expect, it } from 'vitest';
import { setTurnSpeaker } from './set-turn-speaker.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('setTurnSpeaker', () => {
  it('changes one turn and keeps everything else', () => {
    const turn = timedTurn('hello', 0, 'ann');
    const transcript = transcriptOf(turn, untimedTurn('other'));
    const result = setTurnSpeaker(transcript, 0, 'bob');
    expect(result.entries[0]).toEqual({ ...turn, speakerId: 'bob' });
    expect(result.entries[1]).toBe(transcript.entries[1]);
    expect(setTurnSpeaker(transcript, 0, null).entries[0]).toMatchObject({ speakerId: null });
  });

  it('refuses unknown speakers, events, bad indexes and no-ops', () => {
    const transcript = transcriptOf(untimedTurn('a', 'ann'), eventEntry('(MUSIC)'));
    expect(setTurnSpeaker(transcript, 0, 'nobody')).toBe(transcript);
    expect(setTurnSpeaker(transcript, 1, 'bob')).toBe(transcript);
    expect(setTurnSpeaker(transcript, 5, 'bob')).toBe(transcript);
    expect(setTurnSpeaker(transcript, 0, 'ann')).toBe(transcript);
  });
});
