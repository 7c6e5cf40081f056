import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from './read-transcript.ts';

const fixture = (path: string): string => readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), 'utf8');

describe('readTranscript', () => {
  it('detects the format and says which it used', () => {
    const result = readTranscript(fixture('formats/podcast-namespace.vtt'), { fileName: 'ep.vtt' });
    expect(result).toMatchObject({ ok: true, formatId: 'webvtt', formatLabel: 'WebVTT captions' });
    expect(result.ok && result.transcript.entries).toHaveLength(8);
  });

  it('reads with the importer the caller names instead of detecting', () => {
    const vtt = fixture('formats/zoom-meeting.vtt');
    const asSrt = readTranscript(vtt, { fileName: 'z.vtt', formatId: 'srt' });
    expect(asSrt).toMatchObject({ ok: false, formatId: 'srt', error: { format: 'srt', fileName: 'z.vtt', line: 1 } });
    const asText = readTranscript(fixture('formats/podcast-namespace.srt'), { formatId: 'plain-text' });
    expect(asText.formatId).toBe('plain-text');
  });

  it('refuses an unknown override, an empty file and JSON of no known shape', () => {
    const unknown = readTranscript('x', { formatId: 'docx' });
    expect(unknown.ok ? '' : unknown.error.message).toMatch(/^unknown format "docx" \(known formats: verbatim-json, webvtt, srt/u);
    expect(readTranscript(' \n\uFEFF ', { fileName: 'e.txt' })).toMatchObject({ ok: false, error: { message: 'the file is empty', fileName: 'e.txt' } });
    expect(readTranscript('[1, 2, 3]')).toMatchObject({ ok: false, formatId: 'json' });
  });

  it('reads plain prose with the plain-text fallback', () => {
    const result = readTranscript(fixture('seed/npr-russia-venezuela.txt'), { fileName: 'npr.txt' });
    expect(result).toMatchObject({ ok: true, formatId: 'plain-text' });
  });
});
