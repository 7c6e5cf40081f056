import { describe, expect, it } from 'vitest';
import { parseWebVtt } from '../formats/webvtt.ts';
import type { Transcript } from '../model.ts';
import { writeWebVtt } from './webvtt-writer.ts';

const transcript: Transcript = {
  language: 'en',
  speakers: [{ id: 'ann', name: 'Ann <Lee>' }, { id: 'bo', name: 'Bo' }],
  entries: [
    { kind: 'speech', speakerId: 'ann', start: 1, end: 2.5, words: [{ text: 'Fish', start: 1, end: 1.4 }, { text: '&', start: 1.4, end: 1.6 }, { text: 'chips', start: 1.6, end: 2.5 }] },
    { kind: 'event', text: '[LAUGHTER]', start: 2.5, end: 3 },
    { kind: 'speech', speakerId: null, words: [{ text: 'untimed' }] },
    { kind: 'speech', speakerId: 'bo', start: 3, end: 4.0004, words: [{ text: 'a-->b' }] },
  ],
};

/** These cases check the one-cue-per-turn mode; caption-cues.test.ts checks the cutting. */
const PER_TURN = { captions: { cuePerTurn: true } };

describe('writeWebVtt', () => {
  it('writes voices, escapes text, counts untimed entries in a NOTE', () => {
    expect(writeWebVtt(transcript, PER_TURN)).toBe(
      [
        'WEBVTT',
        'Language: en',
        '',
        'NOTE 1 entry has no time and is not included.',
        '',
        '1',
        '00:00:01.000 --> 00:00:02.500',
        '<v Ann &lt;Lee&gt;>Fish &amp; chips',
        '',
        '2',
        '00:00:02.500 --> 00:00:03.000',
        '[LAUGHTER]',
        '',
        '3',
        '00:00:03.000 --> 00:00:04.000',
        '<v Bo>a--&gt;b',
        '',
      ].join('\n'),
    );
  });

  it('writes inline word timestamps when asked, and they read back as word times', () => {
    const text = writeWebVtt(transcript, { ...PER_TURN, wordTimestamps: true });
    expect(text).toContain('<v Ann &lt;Lee&gt;>Fish <00:00:01.400>&amp; <00:00:01.600>chips');
    const result = parseWebVtt(text);
    if (!result.ok) throw new Error(result.error.message);
    const first = result.transcript.entries[0];
    expect(first?.kind === 'speech' && first.words.map((word) => [word.text, word.start, word.end])).toEqual([
      ['Fish', 1, 1.4],
      ['&', 1.4, 1.6],
      ['chips', 1.6, 2.5],
    ]);
  });

  it('reads back with the same speakers, text and times', () => {
    const result = parseWebVtt(writeWebVtt(transcript, PER_TURN));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.transcript.speakers.map((speaker) => speaker.name)).toEqual(['Ann <Lee>', 'Bo']);
    expect(result.transcript.entries.map((entry) => [entry.kind, entry.start, entry.end])).toEqual([
      ['speech', 1, 2.5],
      ['event', 2.5, 3],
      ['speech', 3, 4],
    ]);
  });
});
