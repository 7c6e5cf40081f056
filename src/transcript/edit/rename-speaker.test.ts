import { describe, expect, it } from 'vitest';
import { speakerName } from '../model.ts';
import { renameSpeaker } from './rename-speaker.ts';
import { transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('renameSpeaker', () => {
  it('renames a speaker for every turn without touching the turns', () => {
    const transcript = transcriptOf(untimedTurn('a', 'ann'), untimedTurn('b', 'bob'), untimedTurn('c', 'ann'));
    const result = renameSpeaker(transcript, 'ann', '  Ann Smith ');
    expect(speakerName(result, 'ann')).toBe('Ann Smith');
    expect(result.entries).toBe(transcript.entries);
    expect(result.speakers[1]).toBe(transcript.speakers[1]);
  });

  it('sets, keeps and removes the role', () => {
    const transcript = transcriptOf();
    expect(renameSpeaker(transcript, 'bob', 'Bob B.').speakers[1]).toEqual({ id: 'bob', name: 'Bob B.', role: 'HOST' });
    expect(renameSpeaker(transcript, 'bob', 'Bob Barker', null).speakers[1]).toEqual({ id: 'bob', name: 'Bob Barker' });
    expect(renameSpeaker(transcript, 'ann', 'Ann Arbor', 'GUEST').speakers[0]).toEqual({ id: 'ann', name: 'Ann Arbor', role: 'GUEST' });
  });

  it('refuses unknown ids, blank names and no-ops', () => {
    const transcript = transcriptOf();
    expect(renameSpeaker(transcript, 'carl', 'Carl')).toBe(transcript);
    expect(renameSpeaker(transcript, 'ann', '   ')).toBe(transcript);
    expect(renameSpeaker(transcript, 'ann', 'Ann Arbor')).toBe(transcript);
  });
});
