import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type SpeechTurn } from '../model.ts';
import { otranscribeFormat, parseOtranscribe } from './otranscribe.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/formats/interview.otr', import.meta.url), 'utf8');

describe('parseOtranscribe', () => {
  it('reads paragraphs, bold and prefixed speakers, and timestamp chips as word starts', () => {
    const result = parseOtranscribe(fixture);
    if (!result.ok) throw new Error(result.error.message);
    const { transcript } = result;
    expect(transcript.entries.map((entry) => (entry.kind === 'event' ? `<${entry.text}>` : `[${speakerName(transcript, entry.speakerId)}] ${entryText(entry)}`))).toEqual([
      '[Interviewer] Thanks for joining us today.',
      '[Priya Shah] Happy to be here. We started the project in 2019.',
      '[Priya Shah] It grew from there & never stopped.',
      '<(laughter)>',
    ]);
    const second = transcript.entries[1] as SpeechTurn;
    expect(second.start).toBe(6.4);
    expect(second.words[0]).toEqual({ text: 'Happy', start: 6.4, timing: 'file' });
    expect(second.words.find((word) => word.text === 'in')).toEqual({ text: 'in', start: 9.15, timing: 'file' });
    expect(second.words.find((word) => word.text === 'project')?.start).toBeUndefined();
    expect(transcript.entries[2]?.start).toBeUndefined();
    expect(transcript.entries[3]).toMatchObject({ kind: 'event', start: 14 });
  });

  it('reports a chip whose time is not a number', () => {
    const text = '{\n"text": "<p><span class=\\"timestamp\\" data-timestamp=\\"abc\\">0:00</span> Hi</p>",\n"media": "a.mp3"}';
    const result = parseOtranscribe(text, { fileName: 'a.otr' });
    expect(result).toEqual({
      ok: false,
      error: {
        format: 'otranscribe',
        fileName: 'a.otr',
        line: 2,
        position: 'text',
        message: 'text holds a timestamp data-timestamp="abc" that is not a number of seconds',
      },
    });
  });

  it('is detected by its media fields', () => {
    expect(otranscribeFormat.detect(fixture, JSON.parse(fixture))).toBeGreaterThan(0.9);
    expect(otranscribeFormat.detect('', { text: 'hello', words: [] })).toBe(0);
  });
});
