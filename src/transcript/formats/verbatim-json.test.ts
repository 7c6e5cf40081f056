import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../model.ts';
import { parseVerbatimJson, verbatimJsonFormat } from './verbatim-json.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/formats/verbatim.json', import.meta.url), 'utf8');

function document(transcript: unknown): string {
  return JSON.stringify({ format: 'verbatim', version: 1, transcript }, null, 2);
}

const small: Transcript = {
  speakers: [{ id: 'a', name: 'A' }],
  entries: [{ kind: 'speech', speakerId: 'a', words: [{ text: 'hi', start: 1, end: 2 }] }],
};

describe('parseVerbatimJson', () => {
  it('reads every field of the fixture', () => {
    const result = parseVerbatimJson(fixture);
    if (!result.ok) throw new Error(result.error.message);
    const { transcript } = result;
    expect(transcript.language).toBe('en');
    expect(transcript.speakers).toEqual([
      { id: 'juana-summers', name: 'Juana Summers', role: 'HOST' },
      { id: 'charles-maynes', name: 'Charles Maynes', role: 'BYLINE' },
    ]);
    expect(transcript.entries).toHaveLength(4);
    expect(transcript.entries[0]).toMatchObject({ speakerId: null, timing: 'aligned', confidence: 0.91 });
    expect(transcript.entries[1]).toEqual({ kind: 'event', text: '(SOUNDBITE OF MUSIC)', start: 2.4, end: 4, timing: 'estimated' });
    expect(transcript.entries[3]).toEqual({
      kind: 'speech',
      speakerId: 'juana-summers',
      words: [{ text: 'Charles,' }, { text: "let's" }, { text: 'start.' }],
    });
    expect(result.warnings).toEqual([]);
  });

  it('names the path and line of a wrong field', () => {
    const text = document({
      speakers: [],
      entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'a', start: 0 }, { text: 'b', start: 'soon' }] }],
    });
    const result = parseVerbatimJson(text, { fileName: 'x.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('transcript.entries[0].words[1].start must be a number, not the text "soon"');
    expect(result.error.fileName).toBe('x.json');
    expect(text.split('\n')[(result.error.line ?? 0) - 1]).toContain('"soon"');
  });

  it('refuses unknown speakers, duplicate ids, bad timing and confidence, backwards times and newer versions', () => {
    const cases: [unknown, string][] = [
      [{ ...small, entries: [{ kind: 'speech', speakerId: 'zed', words: [] }] }, '"zed" is not one of the speakers'],
      [{ ...small, speakers: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }, '"a" is used by two speakers'],
      [{ ...small, entries: [{ kind: 'speech', speakerId: null, timing: 'guess', words: [] }] }, 'must be one of file, aligned, estimated, manual'],
      [{ ...small, entries: [{ kind: 'speech', speakerId: null, confidence: 2, words: [] }] }, 'must be between 0 and 1'],
      [{ ...small, entries: [{ kind: 'event', text: 'x', start: 5, end: 4 }] }, 'transcript.entries[0].end (4) is before start (5)'],
      [{ ...small, entries: [{ kind: 'event', text: 'x', start: -1 }] }, 'must not be negative'],
      [{ ...small, entries: [{ kind: 'note', text: 'x' }] }, 'must be "speech" or "event"'],
      [{ ...small, entries: [{ kind: 'speech', words: [] }] }, 'speakerId is missing'],
    ];
    for (const [transcript, message] of cases) {
      const result = parseVerbatimJson(document(transcript));
      expect(result.ok ? 'parsed' : result.error.message, message).toContain(message);
    }
    const newer = parseVerbatimJson(JSON.stringify({ format: 'verbatim', version: 3, transcript: small }));
    expect(newer.ok ? '' : newer.error.message).toBe('version is 3, newer than this version of Verbatim reads (2)');
    const wrong = parseVerbatimJson('{"format":"other"}');
    expect(wrong.ok ? '' : wrong.error.message).toBe('format must be "verbatim", not "other"');
  });

  it('ignores unknown fields with a warning', () => {
    const result = parseVerbatimJson(document({ ...small, title: 'x', entries: [{ kind: 'event', text: 'x', colour: 'red' }] }));
    expect(result.ok && result.warnings).toEqual(['unknown fields were ignored: entries.colour, title']);
  });

  it('is detected by its format field', () => {
    expect(verbatimJsonFormat.detect('', { format: 'verbatim' })).toBe(1);
    expect(verbatimJsonFormat.detect('', { segments: [] })).toBe(0);
    expect(verbatimJsonFormat.detect('', undefined)).toBe(0);
  });
});
