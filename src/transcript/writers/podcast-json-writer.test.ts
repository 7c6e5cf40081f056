import { describe, expect, it } from 'vitest';
import { parsePodcastJson } from '../formats/podcast-json.ts';
import { entryText, type Transcript } from '../model.ts';
import { writePodcastJson } from './podcast-json-writer.ts';

const transcript: Transcript = {
  speakers: [{ id: 'v', name: 'Vader' }, { id: 'l', name: 'Luke' }],
  entries: [
    { kind: 'speech', speakerId: 'v', start: 0.5, end: 2.5, words: [{ text: 'I', start: 0.5, end: 0.75 }, { text: 'am.', start: 1, end: 2.5 }] },
    { kind: 'speech', speakerId: 'v', start: 2.6, end: 3, words: [{ text: 'Really.', start: 2.6, end: 3 }] },
    { kind: 'speech', speakerId: 'l', start: 3, end: 5, words: [{ text: 'No' }, { text: 'way.' }] },
    { kind: 'event', text: '(SCREAM)', start: 5, end: 6 },
  ],
};

describe('writePodcastJson', () => {
  it('writes word-timed turns one word per segment and other turns whole', () => {
    const json = JSON.parse(writePodcastJson(transcript)) as { version: string; segments: unknown[] };
    expect(json.version).toBe('1.0.0');
    expect(json.segments).toEqual([
      { speaker: 'Vader', startTime: 0.5, endTime: 0.75, body: 'I' },
      { speaker: 'Vader', startTime: 1, endTime: 2.5, body: 'am.\n' },
      { speaker: 'Vader', startTime: 2.6, endTime: 3, body: 'Really.\n' },
      { speaker: 'Luke', startTime: 3, endTime: 5, body: 'No way.' },
      { startTime: 5, endTime: 6, body: '(SCREAM)' },
    ]);
  });

  it('reads back into the same turns', () => {
    const result = parsePodcastJson(writePodcastJson(transcript));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.transcript.entries.map((entry) => [entry.kind, entry.start, entry.end, entryText(entry)])).toEqual(
      transcript.entries.map((entry) => [entry.kind, entry.start, entry.end, entryText(entry)]),
    );
  });
});
