import { describe, expect, it } from 'vitest';
import { deleteTurn } from './delete-turn.ts';
import { eventEntry, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('deleteTurn', () => {
  it('removes one entry and keeps the rest identical', () => {
    const transcript = transcriptOf(untimedTurn('a'), eventEntry('(MUSIC)'), untimedTurn('b', 'bob'));
    const result = deleteTurn(transcript, 1);
    expect(result.entries).toEqual([transcript.entries[0], transcript.entries[2]]);
    expect(result.entries[0]).toBe(transcript.entries[0]);
    expect(result.speakers).toBe(transcript.speakers);
    expect(deleteTurn(deleteTurn(result, 0), 0).entries).toEqual([]);
  });

  it('keeps the speaker of a deleted turn and refuses bad indexes', () => {
    const transcript = transcriptOf(untimedTurn('only', 'bob'));
    expect(deleteTurn(transcript, 0).speakers.map((speaker) => speaker.id)).toContain('bob');
    expect(deleteTurn(transcript, 1)).toBe(transcript);
    expect(deleteTurn(transcript, -1)).toBe(transcript);
  });
});
