import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type Transcript } from '../model.ts';
import { parsePodcastHtml, podcastHtmlFormat } from './podcast-html.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/formats/podcast-transcript.html', import.meta.url), 'utf8');

function outline(transcript: Transcript): string[] {
  return transcript.entries.map((entry) =>
    entry.kind === 'event' ? `<${entry.text}>` : `${entry.start ?? '?'} [${speakerName(transcript, entry.speakerId) ?? '-'}] ${entryText(entry)}`,
  );
}

describe('parsePodcastHtml', () => {
  it('reads cite, time and p, decoding entities and continuing the speaker', () => {
    const result = parsePodcastHtml(fixture);
    if (!result.ok) throw new Error(result.error.message);
    expect(outline(result.transcript)).toEqual([
      '0 [Kevin] We have an update planned where we would like to give the ability to upload an artwork file for these videos',
      '9 [Alban] You’re triggering Tom right now with a "hey, here\'s a cool feature."',
      '3723 [Alban] And another thing…',
    ]);
    expect(result.transcript.entries[0]?.timing).toBe('file');
  });

  it('reads paragraphs without times as untimed turns and bracketed unattributed ones as events', () => {
    const result = parsePodcastHtml('<p>Hello<br>there.</p><p>[Applause]</p><cite>Ann</cite><p>[Laughs]</p>');
    if (!result.ok) throw new Error(result.error.message);
    expect(outline(result.transcript)).toEqual(['? [-] Hello there.', '<[Applause]>', '? [Ann] [Laughs]']);
    expect(result.transcript.entries[0]?.timing).toBeUndefined();
  });

  it('reports a bad time on its line and a file without paragraphs', () => {
    const bad = parsePodcastHtml('<cite>A</cite>\n\n<time>soon</time>\n<p>x</p>', { fileName: 't.html' });
    expect(bad).toEqual({
      ok: false,
      error: { format: 'podcast-html', fileName: 't.html', line: 3, message: '<time>soon</time> is not a time like 0:09 or 01:02:03' },
    });
    const empty = parsePodcastHtml('<html><body>No transcript here</body></html>');
    expect(empty.ok ? '' : empty.error.message).toContain('no <p> paragraphs found');
  });

  it('is detected by cite and p, and steps aside for hyperaudio markup', () => {
    expect(podcastHtmlFormat.detect(fixture, undefined)).toBeGreaterThan(0.8);
    expect(podcastHtmlFormat.detect('<p><span data-m="1">x</span></p><cite>a</cite>', undefined)).toBeLessThan(0.5);
    expect(podcastHtmlFormat.detect('plain text', undefined)).toBe(0);
  });
});
