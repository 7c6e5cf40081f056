import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVerbatimJson } from '../formats/verbatim-json.ts';
import { writeVerbatimJson } from './verbatim-json-writer.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/formats/verbatim.json', import.meta.url), 'utf8');

describe('writeVerbatimJson', () => {
  it('writes what the reader reads back identically', () => {
    const read = parseVerbatimJson(fixture);
    if (!read.ok) throw new Error(read.error.message);
    const written = writeVerbatimJson(read.transcript);
    const again = parseVerbatimJson(written);
    expect(again.ok && again.transcript).toStrictEqual(read.transcript);
    expect(JSON.parse(written)).toEqual({ format: 'verbatim', version: 2, transcript: read.transcript });
  });

  it('puts one word on a line', () => {
    const written = writeVerbatimJson({
      speakers: [],
      entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'a' }, { text: 'b', start: 1 }] }],
    });
    expect(written.split('\n').filter((line) => line.includes('"text"'))).toEqual(['        {"text":"a"},', '        {"text":"b","start":1}']);
  });

  it('writes an empty transcript as valid JSON', () => {
    expect(JSON.parse(writeVerbatimJson({ speakers: [], entries: [] }))).toEqual({
      format: 'verbatim',
      version: 2,
      transcript: { speakers: [], entries: [] },
    });
  });

  it('writes paragraph flags (version 2) and reads version 1 files without them', () => {
    const transcript = {
      speakers: [],
      entries: [{ kind: 'speech' as const, speakerId: null, words: [{ text: 'a' }, { text: 'b', paragraph: true as const }] }],
    };
    const again = parseVerbatimJson(writeVerbatimJson(transcript));
    expect(again.ok && again.transcript).toStrictEqual(transcript);
    const old = parseVerbatimJson(JSON.stringify({ format: 'verbatim', version: 1, transcript: { speakers: [], entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'a' }] }] } }));
    expect(old.ok && old.transcript.entries).toEqual([{ kind: 'speech', speakerId: null, words: [{ text: 'a' }] }]);
    const oldWithFlag = parseVerbatimJson(JSON.stringify({ format: 'verbatim', version: 1, transcript: transcript }));
    expect(oldWithFlag.ok && oldWithFlag.warnings).toEqual(['unknown fields were ignored: words.paragraph']);
  });
});
