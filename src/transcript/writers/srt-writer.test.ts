import { describe, expect, it } from 'vitest';
import { parseSrt } from '../formats/srt.ts';
import { entryText, speakerName, type Transcript } from '../model.ts';
import { writeSrt } from './srt-writer.ts';

const transcript: Transcript = {
  speakers: [{ id: 'jo', name: 'Jo Marsh' }],
  entries: [
    { kind: 'speech', speakerId: null, start: 0, end: 1.25, words: [{ text: 'Previously...' }] },
    { kind: 'speech', speakerId: 'jo', start: 61.5, end: 3661.001, words: [{ text: 'Long' }, { text: 'story.' }] },
    { kind: 'event', text: '(APPLAUSE)', start: 3662, end: 3663 },
    { kind: 'speech', speakerId: 'jo', words: [{ text: 'no' }, { text: 'time' }] },
  ],
};

/** These cases check the one-cue-per-turn mode; caption-cues.test.ts checks the cutting. */
const PER_TURN = { captions: { cuePerTurn: true } };

describe('writeSrt', () => {
  it('writes numbered cues with comma millis and `Name: ` prefixes, leaving untimed entries out', () => {
    expect(writeSrt(transcript, PER_TURN)).toBe(
      [
        '1',
        '00:00:00,000 --> 00:00:01,250',
        'Previously...',
        '',
        '2',
        '00:01:01,500 --> 01:01:01,001',
        'Jo Marsh: Long story.',
        '',
        '3',
        '01:01:02,000 --> 01:01:03,000',
        '(APPLAUSE)',
        '',
      ].join('\n'),
    );
  });

  it('reads back with the same speakers, text and times', () => {
    const result = parseSrt(writeSrt(transcript, PER_TURN));
    if (!result.ok) throw new Error(result.error.message);
    const back = result.transcript;
    expect(back.entries.map((entry) => [entry.kind, entry.start, entry.end, entryText(entry)])).toEqual([
      ['speech', 0, 1.25, 'Previously...'],
      ['speech', 61.5, 3661.001, 'Long story.'],
      ['event', 3662, 3663, '(APPLAUSE)'],
    ]);
    const second = back.entries[1];
    expect(second?.kind === 'speech' && speakerName(back, second.speakerId)).toBe('Jo Marsh');
  });
});
