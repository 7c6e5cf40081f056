import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type SpeechTurn } from '../model.ts';
import { hyperaudioHtmlFormat, parseHyperaudioHtml } from './hyperaudio-html.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/formats/hyperaudio.html', import.meta.url), 'utf8');

describe('parseHyperaudioHtml', () => {
  it('reads words with data-m/data-d in milliseconds, paragraphs as turns and speaker spans', () => {
    const result = parseHyperaudioHtml(fixture);
    if (!result.ok) throw new Error(result.error.message);
    const { transcript } = result;
    expect(transcript.entries.map((entry) => `[${speakerName(transcript, (entry as SpeechTurn).speakerId)}] ${entryText(entry)}`)).toEqual([
      "[Alexandra] I think unfortunately, that's a risk.",
      '[Mark] Why so?',
      '[Mark] Because it…',
    ]);
    const first = transcript.entries[0] as SpeechTurn;
    expect(first.words[0]).toEqual({ text: 'I', start: 52.89, end: 52.98, timing: 'file' });
    expect(first).toMatchObject({ start: 52.89, end: 55.08 });
    // Text after a word's span but in the same token stays with that word.
    expect((transcript.entries[2] as SpeechTurn).words.at(-1)).toEqual({ text: 'it…', start: 56.65, end: 56.8, timing: 'file' });
  });

  it('splits a span holding several words evenly and keeps unspanned words untimed', () => {
    const result = parseHyperaudioHtml('<p><span data-m="1000" data-d="1000">two words</span> plain</p>');
    if (!result.ok) throw new Error(result.error.message);
    expect((result.transcript.entries[0] as SpeechTurn).words).toEqual([
      { text: 'two', start: 1, end: 1.5, timing: 'estimated' },
      { text: 'words', start: 1.5, end: 2, timing: 'estimated' },
      { text: 'plain' },
    ]);
  });

  it('never reads a button (a player control) as words', () => {
    const result = parseHyperaudioHtml('<p><button data-m="1000">0:01</button><span data-m="1000" data-d="500">hello</span></p>');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.transcript.entries.map(entryText)).toEqual(['hello']);
  });

  it('reports a data-m that is not a number, on its line', () => {
    const result = parseHyperaudioHtml('<p>\n<span data-m="12x" data-d="3">a</span></p>', { fileName: 'h.html' });
    expect(result).toEqual({
      ok: false,
      error: { format: 'hyperaudio-html', fileName: 'h.html', line: 2, message: 'data-m="12x" is not a number of milliseconds' },
    });
    const untimed = parseHyperaudioHtml('<p>no times</p>');
    expect(untimed.ok ? '' : untimed.error.message).toContain('no timed words found');
  });

  it('is detected by data-m attributes', () => {
    expect(hyperaudioHtmlFormat.detect(fixture, undefined)).toBeGreaterThan(0.8);
    expect(hyperaudioHtmlFormat.detect('<p>data-m</p>', undefined)).toBe(0);
  });
});
