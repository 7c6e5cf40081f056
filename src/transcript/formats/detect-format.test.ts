import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOk } from '../parse-result.ts';
import { detectFormat, fileExtension } from './detect-format.ts';
import type { ImportFormat } from './format-spec.ts';

const formatsDir = new URL('../../../test/fixtures/formats/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, formatsDir), 'utf8');

/** Which importer each of this module's fixtures belongs to. */
const EXPECTED: Record<string, string> = {
  'dpe-transcript.json': 'dpe-json',
  'film-dialogue.srt': 'srt',
  'hyperaudio.html': 'hyperaudio-html',
  'interview.otr': 'otranscribe',
  'podcast-namespace.srt': 'srt',
  'podcast-namespace.vtt': 'webvtt',
  'podcast-segments.json': 'podcast-json',
  'podcast-transcript.html': 'podcast-html',
  'podcast-words.json': 'podcast-json',
  'verbatim.json': 'verbatim-json',
  'word-timestamps.vtt': 'webvtt',
  'zoom-meeting.vtt': 'webvtt',
};
const MINE = new Set(Object.values(EXPECTED));

function fakeFormat(id: string, extensions: string[], detect: ImportFormat['detect']): ImportFormat {
  return { id, label: id, extensions, detect, parse: () => parseOk({ speakers: [], entries: [] }) };
}

describe('detectFormat', () => {
  it('recognises every fixture by content alone', () => {
    const files = readdirSync(formatsDir).filter((name) => name.includes('.'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const name of files) {
      expect(detectFormat(read(name)).best?.format.id, name).toBe(EXPECTED[name]);
    }
  });

  it('leaves the speech-to-text fixtures to their own importers', () => {
    for (const name of readdirSync(new URL('stt/', formatsDir))) {
      const best = detectFormat(read(`stt/${name}`)).best?.format.id;
      expect(best === undefined || !MINE.has(best), `${name} detected as ${best}`).toBe(true);
    }
  });

  it('parses JSON once and hands the same value to every detector', () => {
    const seen: unknown[] = [];
    const spy: ImportFormat['detect'] = (_text, json) => {
      seen.push(json);
      return 0;
    };
    const detection = detectFormat('{"a": [1]}', undefined, [fakeFormat('a', [], spy), fakeFormat('b', [], spy)]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ a: [1] });
    expect(seen[1]).toBe(seen[0]);
    expect(detection.best).toBeUndefined();
    expect(detectFormat('{"a": ', undefined, []).brokenJson).toBe(true);
    expect(detectFormat('[MUSIC] plays', undefined, []).brokenJson).toBe(false);
  });

  it('breaks exact ties by extension, then by list order; a throwing detector scores 0', () => {
    const formats = [
      fakeFormat('first', ['txt'], () => 0.5),
      fakeFormat('second', ['md'], () => 0.5),
      fakeFormat('broken', ['md'], () => {
        throw new Error('bug');
      }),
    ];
    expect(detectFormat('x', 'notes.md', formats).best?.format.id).toBe('second');
    expect(detectFormat('x', 'notes.TXT', formats).best?.format.id).toBe('first');
    expect(detectFormat('x', undefined, formats).best?.format.id).toBe('first');
    expect(detectFormat('x', undefined, formats).ranked.at(-1)).toEqual({ format: formats[2], score: 0 });
  });
});

describe('fileExtension', () => {
  it('takes the last extension of the base name', () => {
    expect(fileExtension('dir.v1/episode.en.VTT')).toBe('vtt');
    expect(fileExtension('C:\\x.y\\README')).toBe('');
    expect(fileExtension('.hidden')).toBe('');
    expect(fileExtension(undefined)).toBe('');
  });
});
