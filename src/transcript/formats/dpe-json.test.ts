import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type SpeechTurn } from '../model.ts';
import { dpeJsonFormat, parseDpeJson } from './dpe-json.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/formats/dpe-transcript.json', import.meta.url), 'utf8');

describe('parseDpeJson', () => {
  it('puts each word in the paragraph it starts in, keeping times in seconds', () => {
    const result = parseDpeJson(fixture);
    if (!result.ok) throw new Error(result.error.message);
    const { transcript } = result;
    expect(transcript.entries.map((entry) => `[${speakerName(transcript, (entry as SpeechTurn).speakerId)}] ${entryText(entry)}`)).toEqual([
      '[TBC 00] There is a day.',
      '[Kate Darling] About ten years ago.',
    ]);
    const first = transcript.entries[0] as SpeechTurn;
    expect(first).toMatchObject({ start: 13.02, end: 13.86, timing: 'file' });
    expect(first.words[0]).toEqual({ text: 'There', start: 13.02, end: 13.17, timing: 'file' });
  });

  it('makes turns at pauses when there are no paragraphs', () => {
    const words = [
      { start: 0, end: 0.5, text: 'Hello.' },
      { start: 4, end: 4.5, text: 'Again.' },
    ];
    const result = parseDpeJson(JSON.stringify({ words, paragraphs: [] }));
    expect(result.ok && result.transcript.entries.map((entry) => entryText(entry))).toEqual(['Hello.', 'Again.']);
  });

  it('reports a word without a time', () => {
    const result = parseDpeJson('{"words":[{"start":1,"end":2,"text":"a"},{"start":2,"text":"b"}],"paragraphs":[]}');
    expect(result.ok ? '' : result.error.message).toBe('words[1].end is missing (it must be a number)');
  });

  it('is detected by words and paragraphs', () => {
    expect(dpeJsonFormat.detect(fixture, JSON.parse(fixture))).toBeGreaterThan(0.9);
    expect(dpeJsonFormat.detect('', { words: [{ text: 'a', start: 0, end: 1, confidence: 1 }], id: 'x', status: 'completed', text: 'a' })).toBe(0);
  });
});
