import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type SpeechTurn } from '../model.ts';
import { parsePodcastJson, podcastJsonFormat } from './podcast-json.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/formats/${name}`, import.meta.url), 'utf8');

describe('parsePodcastJson', () => {
  it('merges one-word segments into turns with word times', () => {
    const result = parsePodcastJson(fixture('podcast-words.json'));
    if (!result.ok) throw new Error(result.error.message);
    const { transcript } = result;
    expect(transcript.entries).toHaveLength(2);
    const vader = transcript.entries[0] as SpeechTurn;
    expect(speakerName(transcript, vader.speakerId)).toBe('Darth Vader');
    expect(vader).toMatchObject({ start: 0.5, end: 2.5, timing: 'file' });
    expect(vader.words.map((word) => [word.text, word.start, word.end])).toEqual([
      ['I', 0.5, 0.75],
      ['am', 1, 1.25],
      ['your', 1.5, 2],
      ['father.', 2.25, 2.5],
    ]);
    expect(entryText(transcript.entries[1] as SpeechTurn)).toBe("Nooooo that's impossible!");
  });

  it('starts a new turn after a body ending in a newline and after a long pause', () => {
    const segments = [
      { speaker: 'A', startTime: 0, endTime: 0.5, body: 'One.\n' },
      { speaker: 'A', startTime: 0.6, endTime: 1, body: 'Two.' },
      { speaker: 'A', startTime: 5, endTime: 5.5, body: 'Three.' },
    ];
    const result = parsePodcastJson(JSON.stringify({ version: '1.0.0', segments }));
    expect(result.ok && result.transcript.entries.map((entry) => entryText(entry))).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keeps sentence segments as turns and unattributed bracketed ones as events', () => {
    const result = parsePodcastJson(fixture('podcast-segments.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.transcript.entries.map((entry) => [entry.kind, entry.start, entry.end])).toEqual([
      ['speech', 0, 6.09],
      ['event', 6.09, 8.2],
      ['speech', 19.08, 25.35],
    ]);
    expect(result.transcript.speakers.map((speaker) => speaker.name)).toEqual(['Sarah', 'Gillian']);
  });

  it('accepts times written as text with a warning', () => {
    const result = parsePodcastJson('{"segments":[{"startTime":"1.5","endTime":"2","body":"Hello there"}]}');
    expect(result.ok && result.transcript.entries[0]).toMatchObject({ start: 1.5, end: 2 });
    expect(result.ok && result.warnings).toEqual(['2 times were written as text and read as numbers']);
  });

  it('reports bad segments by path and line', () => {
    const text = '{\n"segments": [\n {"startTime": 1, "endTime": 2, "body": "ok"},\n {"startTime": 3, "endTime": 2, "body": "bad"}\n]}';
    expect(parsePodcastJson(text, { fileName: 'ep.json' })).toEqual({
      ok: false,
      error: {
        format: 'podcast-json',
        fileName: 'ep.json',
        line: 4,
        position: 'segments[1].endTime',
        message: 'segments[1].endTime (2) is before startTime (3)',
      },
    });
    const missing = parsePodcastJson('{"segments":[{"startTime":1}]}');
    expect(missing.ok ? '' : missing.error.message).toBe('segments[0].body is missing (it must be a string)');
  });

  it('is detected by segments with a body', () => {
    expect(podcastJsonFormat.detect('', { version: '1.0.0', segments: [{ startTime: 0, body: 'x' }] })).toBe(1);
    expect(podcastJsonFormat.detect('', { segments: [{ start: 0, end: 1, text: 'whisper' }] })).toBe(0);
    expect(podcastJsonFormat.detect('', [])).toBe(0);
  });
});
