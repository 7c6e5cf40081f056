import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeTranscript } from './looks-like-transcript.ts';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('looksLikeTranscript', () => {
  it.each([
    'test/fixtures/formats/film-dialogue.srt',
    'test/fixtures/formats/zoom-meeting.vtt',
    'test/fixtures/formats/podcast-segments.json',
    'test/fixtures/formats/stt/whisper-api-verbose.json',
    'public/demo/seed.txt',
  ])('recognises %s', (path) => {
    expect(looksLikeTranscript(read(path))).toBe(true);
  });

  it.each([
    ['an empty clipboard', ''],
    ['white space', ' \n\t '],
    ['a word', 'hello'],
    ['a URL', 'https://example.org/feed.xml'],
    ['a paragraph of prose', 'We met at the harbour.\nIt was foggy, and the horn sounded twice.'],
    ['JSON that is no transcript', '{"name": "verbatim", "version": "0.1.0"}'],
  ])('does not claim %s', (_label, text) => {
    expect(looksLikeTranscript(text)).toBe(false);
  });
});
