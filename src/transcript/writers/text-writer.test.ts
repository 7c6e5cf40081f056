import { describe, expect, it } from 'vitest';
import type { Transcript } from '../model.ts';
import { writeText } from './text-writer.ts';

describe('writeText', () => {
  it('writes one paragraph per entry with [hh:mm:ss] and the speaker name', () => {
    const transcript: Transcript = {
      speakers: [{ id: 's', name: 'Juana Summers' }],
      entries: [
        { kind: 'speech', speakerId: null, words: [{ text: 'Intro' }, { text: 'text.' }] },
        { kind: 'speech', speakerId: 's', start: 3725.9, words: [{ text: 'Hi.' }] },
        { kind: 'event', text: '(SOUNDBITE OF MUSIC)', start: 3730 },
      ],
    };
    expect(writeText(transcript, { title: 'Russia and Venezuela' })).toBe(
      'Russia and Venezuela\n\nIntro text.\n\n[01:02:05] Juana Summers: Hi.\n\n[01:02:10] (SOUNDBITE OF MUSIC)\n',
    );
  });
});
