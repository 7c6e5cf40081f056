import { describe, expect, it } from 'vitest';
import { addSpeaker, uniqueSpeakerId } from './add-speaker.ts';
import { transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('addSpeaker', () => {
  it('adds a speaker with an id from the name', () => {
    const transcript = transcriptOf(untimedTurn('a'));
    const result = addSpeaker(transcript, ' Carla Díaz ', { role: 'GUEST' });
    expect(result.speakers.at(-1)).toEqual({ id: 'carla-diaz', name: 'Carla Díaz', role: 'GUEST' });
    expect(result.entries).toBe(transcript.entries);
  });

  it('numbers ids that are taken, and lets the caller know the id first', () => {
    let transcript = transcriptOf();
    expect(uniqueSpeakerId(transcript, 'Ann')).toBe('ann-2');
    transcript = addSpeaker(transcript, 'Ann');
    expect(uniqueSpeakerId(transcript, 'Ann')).toBe('ann-3');
    const id = uniqueSpeakerId(transcript, 'Ann');
    expect(addSpeaker(transcript, 'Ann', { id }).speakers.at(-1)?.id).toBe(id);
  });

  it('refuses blank names and ids in use', () => {
    const transcript = transcriptOf();
    expect(addSpeaker(transcript, '  ')).toBe(transcript);
    expect(addSpeaker(transcript, 'Another Ann', { id: 'ann' })).toBe(transcript);
  });
});
