import { describe, expect, it } from 'vitest';
import { mergeSpeakers } from './merge-speakers.ts';
import { eventEntry, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('mergeSpeakers', () => {
  it('moves every turn of one speaker to another and drops the first', () => {
    const transcript = transcriptOf(untimedTurn('a', 'ann'), untimedTurn('b', 'bob'), eventEntry('(MUSIC)'), untimedTurn('c', 'bob'), untimedTurn('d', null));
    const result = mergeSpeakers(transcript, 'bob', 'ann');
    expect(result.speakers.map((speaker) => speaker.id)).toEqual(['ann']);
    expect(result.entries.map((entry) => (entry.kind === 'speech' ? entry.speakerId : 'event'))).toEqual(['ann', 'ann', 'event', 'ann', null]);
    for (const i of [0, 2, 4]) expect(result.entries[i]).toBe(transcript.entries[i]);
    expect(result.entries[1]).not.toBe(transcript.entries[1]);
  });

  it('refuses unknown or identical ids', () => {
    const transcript = transcriptOf(untimedTurn('a', 'ann'));
    expect(mergeSpeakers(transcript, 'ann', 'ann')).toBe(transcript);
    expect(mergeSpeakers(transcript, 'carl', 'ann')).toBe(transcript);
    expect(mergeSpeakers(transcript, 'ann', 'carl')).toBe(transcript);
  });
});
