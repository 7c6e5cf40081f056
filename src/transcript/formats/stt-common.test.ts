import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Word } from '../model.ts';
import { assemblyAiJsonFormat } from './assemblyai-json.ts';
import { awsTranscribeJsonFormat } from './aws-transcribe-json.ts';
import { deepgramJsonFormat } from './deepgram-json.ts';
import { detectFormat } from './detect-format.ts';
import type { ImportFormat } from './format-spec.ts';
import { revAiJsonFormat } from './revai-json.ts';
import { speechmaticsJsonFormat } from './speechmatics-json.ts';
import {
  parseJsonText,
} from './json-text.ts';
import {
  alignWordsToTokens,
  isSoundDescription,
  joinPieces,
  languageTag,
  numberedSpeakerName,
  punctuateIntoGroups,
  SpeakerTable,
  splitIntoParagraphs,
  type Piece,
} from './stt-common.ts';
import { whisperCppJsonFormat } from './whisper-cpp-json.ts';
import { whisperJsonFormat } from './whisper-json.ts';
import { whisperXJsonFormat } from './whisperx-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

/** Every STT fixture and the importer that must claim it. */
const FIXTURES: [string, ImportFormat][] = [
  ['whisper-api-verbose.json', whisperJsonFormat],
  ['whisper-cli-words.json', whisperJsonFormat],
  ['whisper-cpp.json', whisperCppJsonFormat],
  ['whisper-cpp-full.json', whisperCppJsonFormat],
  ['whisperx.json', whisperXJsonFormat],
  ['assemblyai-utterances.json', assemblyAiJsonFormat],
  ['assemblyai-words-only.json', assemblyAiJsonFormat],
  ['deepgram-paragraphs.json', deepgramJsonFormat],
  ['deepgram-utterances.json', deepgramJsonFormat],
  ['aws-transcribe-speaker-items.json', awsTranscribeJsonFormat],
  ['aws-transcribe-speaker-segments.json', awsTranscribeJsonFormat],
  ['revai.json', revAiJsonFormat],
  ['speechmatics.json', speechmaticsJsonFormat],
];
const FORMATS = [...new Set(FIXTURES.map(([, format]) => format))];

describe('joinPieces', () => {
  const piece = (text: string, glue: Piece['glue'], extra: Partial<Piece> = {}): Piece => ({ text, glue, ...extra });

  it('glues previous, next and both, and leaves none alone', () => {
    const words = joinPieces([
      piece('Say', 'none'),
      piece('“', 'next', { punct: true }),
      piece('well', 'none'),
      piece('-', 'both', { punct: true }),
      piece('known', 'none'),
      piece('”', 'previous', { punct: true }),
      piece(',', 'previous', { punct: true }),
      piece('&', 'none', { punct: true }),
      piece('done', 'none'),
    ]);
    expect(words.map((word) => word.text)).toEqual(['Say', '“well-known”,', '&', 'done']);
  });

  it('spans sub-word pieces, averages their confidence, and ignores punctuation times', () => {
    const [word] = joinPieces([
      piece(' surpr', 'none', { start: 1, end: 1.2, confidence: 0.8 }),
      piece('ising', 'previous', { start: 1.2, end: 1.5, confidence: 0.6 }),
      piece('.', 'previous', { start: 1.5, end: 1.9, confidence: 0.1, punct: true }),
    ]);
    expect(word).toEqual({ text: 'surprising.', start: 1, end: 1.5, confidence: 0.7, timing: 'file' });
  });

  it('keeps punctuation that has nothing to attach to as its own word', () => {
    expect(joinPieces([piece(',', 'previous', { punct: true }), piece('so', 'none')]).map((w) => w.text)).toEqual([',', 'so']);
    expect(joinPieces([piece('so', 'none'), piece('(', 'next', { punct: true })]).map((w) => w.text)).toEqual(['so(']);
    expect(joinPieces([piece('   ', 'none'), piece('', 'previous')])).toEqual([]);
  });
});

describe('alignWordsToTokens and punctuateIntoGroups', () => {
  it('matches through insertions on either side and joined spellings', () => {
    const match = alignWordsToTokens(['well', 'known', 'uh', 'fact', 'here'], ['Well-known,', 'fact:', 'right', 'here.']);
    expect([...match]).toEqual([-1, -1, -1, 1, 3]);
  });

  it('never drops or reorders words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,6}$/u), { maxLength: 40 }), fc.string({ maxLength: 200 }), (texts, text) => {
        const words: Word[] = texts.map((t, i) => ({ text: t, start: i }));
        const groups = punctuateIntoGroups([{ text }], words);
        expect(groups.flat().map((word) => word.start)).toEqual(words.map((word) => word.start));
      }),
    );
  });
});

describe('turn helpers', () => {
  it('gives each speaker a unique id in order of appearance', () => {
    const table = new SpeakerTable(numberedSpeakerName);
    expect([table.idFor('SPEAKER_01'), table.idFor('spk_1'), table.idFor(null), table.idFor('SPEAKER_01')]).toEqual([
      'speaker-1',
      'speaker-1-2',
      null,
      'speaker-1',
    ]);
    expect(table.speakers().map((speaker) => speaker.name)).toEqual(['Speaker 1', 'Speaker 1']);
  });

  it('cuts paragraphs at sentence ends after enough words and at long pauses', () => {
    const words: Word[] = [];
    for (let i = 0; i < 100; i += 1) words.push({ text: i % 10 === 9 ? 'end.' : 'w', start: i, end: i + 0.5 });
    const paragraphs = splitIntoParagraphs(words);
    expect(paragraphs.map((p) => p.length)).toEqual([40, 40, 20]);
    const paused = splitIntoParagraphs([
      { text: 'a', start: 0, end: 1 },
      { text: 'b', start: 5, end: 6 },
    ]);
    expect(paused).toHaveLength(2);
  });

  it('normalises language codes and recognises sound descriptions', () => {
    expect([languageTag('en_us'), languageTag('EN'), languageTag('yue'), languageTag('english'), languageTag(null)]).toEqual([
      'en-US',
      'en',
      'yue',
      undefined,
      undefined,
    ]);
    expect(['[Music]', '(audience laughing)', '♪ ♪', '[BLANK_AUDIO]'].every(isSoundDescription)).toBe(true);
    expect(['Hello [laughs]', '(a) and (b)', ''].some(isSoundDescription)).toBe(false);
  });

  it('reports JSON syntax errors with a line and column', () => {
    expect(parseJsonText('{\n "a": 1,\n}', 'json')).toMatchObject({ ok: false, error: { line: 3, position: 1 } });
    expect(parseJsonText('\uFEFF{"a": 1}', 'json')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('detection across the speech-to-text formats', () => {
  it.each(FIXTURES)('%s is claimed by its own importer over every other', (name, expected) => {
    const text = fixture(name);
    const json: unknown = JSON.parse(text);
    const own = expected.detect(text, json);
    for (const format of FORMATS) {
      if (format !== expected) expect(format.detect(text, json), format.id).toBeLessThan(own);
    }
    expect(detectFormat(text, name).best?.format.id).toBe(expected.id);
  });

  it.each(FIXTURES)('%s parses with its own importer', (name, format) => {
    const result = format.parse(fixture(name), { fileName: name });
    expect(result.ok).toBe(true);
  });
});

describe.each(FORMATS.map((format) => [format.id, format] as const))('%s never throws', (_id, format) => {
  it('detects any JSON value with a score in 0..1', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (text, value) => {
        const score = format.detect(text, value);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('parses arbitrary text and arbitrary JSON into a result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((value) => JSON.stringify(value) ?? '')), (text) => {
        const result = format.parse(text, { fileName: 'f.json' });
        if (!result.ok) {
          expect(result.error.format).toBe(format.id);
          expect(result.error.fileName).toBe('f.json');
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('turns any one corrupted value in its fixtures into a result that names where', () => {
    const texts = FIXTURES.filter(([, owner]) => owner === format).map(([name]) => fixture(name));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.jsonValue(), (which, at, replacement) => {
        const json: unknown = JSON.parse(texts[which] ?? '');
        const slots = collectSlots(json);
        const slot = slots[at % slots.length];
        if (slot) slot.container[slot.key] = replacement;
        const result = format.parse(JSON.stringify(json));
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        else expect(Array.isArray(result.transcript.entries)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

interface Slot {
  container: Record<string | number, unknown>;
  key: string | number;
}

/** Every place in a JSON value where a value sits, to corrupt one at random. */
function collectSlots(value: unknown, slots: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      slots.push({ container: value as unknown as Record<number, unknown>, key: index });
      collectSlots(item, slots);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      slots.push({ container: value as Record<string, unknown>, key });
      collectSlots(item, slots);
    }
  }
  return slots;
}
