import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseSrt, srtFormat } from './srt.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/formats/${name}`, import.meta.url), 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`parse failed: ${result.error.message}`);
  return result.transcript;
}

function outline(transcript: Transcript): string[] {
  return transcript.entries.map((entry) =>
    entry.kind === 'event' ? `<${entry.text}>` : `[${speakerName(transcript, entry.speakerId) ?? '-'}] ${entryText(entry)}`,
  );
}

describe('parseSrt', () => {
  it('reads the podcast namespace example: a name marks a speaker change and carries over', () => {
    const transcript = transcriptOf(parseSrt(fixture('podcast-namespace.srt')));
    const lines = outline(transcript);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe("[Sarah] In today's episode, you'll learn whether or not you");
    expect(lines.slice(1, 5).every((line) => line.startsWith('[Sarah] '))).toBe(true);
    expect(lines[5]).toBe('[Gillian] Hi Buzzsprout, Gillian here from breaking through');
    expect(lines[6]).toBe('[Gillian] careers podcast. My question is, do we need a podcast trailer?');
    expect(transcript.entries.map((entry) => entry.start)).toEqual([0, 2.76, 6.09, 11.61, 15.75, 19.08, 21.45]);
    expect(transcript.entries.at(-1)?.end).toBe(25.35);
  });

  it('copes with a BOM, CRLF, `.` millis, missing numbers and blank lines, tags, dashes and >>', () => {
    const transcript = transcriptOf(parseSrt(fixture('film-dialogue.srt')));
    expect(outline(transcript)).toEqual([
      '[-] Where were you?',
      '[-] Out.',
      '[JACK] I waited all night.',
      '<(DOOR SLAMS)>',
      '[JACK] Fine. Be that way.',
      '[ROSE] I will.',
    ]);
    expect(transcript.entries[0]?.start).toBe(62.5);
    expect(transcript.entries[1]?.end).toBe(64);
    expect(transcript.entries[2]).toMatchObject({ start: 64.2, end: 66.9, timing: 'file' });
  });

  it('reports the line of a time that runs backwards, in SRT notation', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:01:05,000 --> 00:01:02,000\nbad\n';
    expect(parseSrt(text, { fileName: 'notes.srt' })).toEqual({
      ok: false,
      error: {
        format: 'srt',
        fileName: 'notes.srt',
        line: 6,
        message: 'end time 00:01:02,000 is before start time 00:01:05,000',
      },
    });
  });

  it('reports text before the first cue and malformed time lines', () => {
    const garbage = parseSrt('Hello there\n1\n00:00:01,000 --> 00:00:02,000\nok');
    expect(garbage.ok ? undefined : garbage.error).toMatchObject({ line: 1 });
    expect(garbage.ok ? '' : garbage.error.message).toContain('expected a cue number or a time line');
    const malformed = parseSrt('1\n00:00:01,000 --> soon\nok');
    expect(malformed.ok ? undefined : malformed.error).toMatchObject({ line: 2, message: '"soon" is not an SRT time like 00:00:01,000' });
  });

  it('does not take a cue that is only a number for the next cue number unless it sits right above the time line', () => {
    const transcript = transcriptOf(parseSrt('1\n00:00:01,000 --> 00:00:02,000\n42\n\n2\n00:00:03,000 --> 00:00:04,000\nforty-two\n'));
    expect(outline(transcript)).toEqual(['[-] 42', '[-] forty-two']);
  });

  it('gives an empty transcript with a warning for an empty file', () => {
    expect(parseSrt('')).toEqual({ ok: true, transcript: { speakers: [], entries: [] }, warnings: ['the file has no cues'] });
  });

  it('is detected from its first cue', () => {
    expect(srtFormat.detect('\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHi', undefined)).toBeGreaterThan(0.5);
    expect(srtFormat.detect('00:00:01.000 --> 00:00:02.000\nHi', undefined)).toBeGreaterThan(0.5);
    expect(srtFormat.detect('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi', undefined)).toBe(0);
    expect(srtFormat.detect('Just some text', undefined)).toBe(0);
  });
});
