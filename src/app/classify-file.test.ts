import { describe, expect, it } from 'vitest';
import { classifyFile, extensionOf } from './classify-file.ts';

describe('classifyFile', () => {
  it.each([
    [{ name: 'episode.MP3', type: '' }, 'audio'],
    [{ name: 'talk.opus', type: 'audio/ogg' }, 'audio'],
    [{ name: 'noext', type: 'audio/mpeg' }, 'audio'],
    [{ name: 'captions.vtt', type: 'text/vtt' }, 'transcript'],
    [{ name: 'whisper.json', type: 'application/json' }, 'transcript'],
    [{ name: 'notes', type: 'text/plain' }, 'transcript'],
    [{ name: 'show.rss', type: '' }, 'feed'],
    [{ name: 'Feed.XML', type: 'text/xml' }, 'feed'],
    [{ name: 'download', type: 'application/rss+xml' }, 'feed'],
    [{ name: 'report.docx', type: 'application/vnd.openxmlformats' }, 'unknown'],
    [{ name: 'picture.png', type: 'image/png' }, 'unknown'],
  ] as const)('%o is %s', (file, kind) => expect(classifyFile(file)).toBe(kind));

  it('reads extensions case-insensitively and copes with none', () => {
    expect(extensionOf('A.B.SRT')).toBe('srt');
    expect(extensionOf('README')).toBe('');
  });
});
