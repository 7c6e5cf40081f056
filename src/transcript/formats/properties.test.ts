/**
 * Property tests over every registered importer and every writer:
 * - no input (arbitrary text, arbitrary JSON, mutated fixtures, hostile repetitions)
 *   makes an importer or detector throw or hang;
 * - write → read keeps what each format can carry (Verbatim JSON: everything).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type Entry, type Speaker, type Transcript, type Word } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { readTranscript } from '../read-transcript.ts';
import { writeHtml } from '../writers/html-writer.ts';
import { writeSrt } from '../writers/srt-writer.ts';
import { writeVerbatimJson } from '../writers/verbatim-json-writer.ts';
import { writeWebVtt } from '../writers/webvtt-writer.ts';
import { parseHyperaudioHtml } from './hyperaudio-html.ts';
import { importFormats } from './registry.ts';
import { parseSrt } from './srt.ts';
import { parseVerbatimJson } from './verbatim-json.ts';
import { parseWebVtt } from './webvtt.ts';

const fixturesDir = new URL('../../../test/fixtures/', import.meta.url);

function fixtureTexts(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: URL, prefix: string): void => {
    for (const name of readdirSync(dir)) {
      const url = new URL(name, dir);
      if (statSync(url).isDirectory()) walk(new URL(`${name}/`, dir), `${prefix}${name}/`);
      else if (statSync(url).size < 200_000) found.push({ name: `${prefix}${name}`, text: readFileSync(url, 'utf8') });
    }
  };
  walk(fixturesDir, '');
  return found;
}

/** A result that is well-formed whatever happened: never a throw, never a malformed value. */
function expectWellFormed(result: ParseResult, label: string): void {
  if (result.ok) {
    expect(Array.isArray(result.transcript.entries), label).toBe(true);
    expect(Array.isArray(result.transcript.speakers), label).toBe(true);
    const ids = new Set(result.transcript.speakers.map((speaker) => speaker.id));
    for (const entry of result.transcript.entries) {
      if (entry.kind === 'speech' && entry.speakerId !== null) expect(ids.has(entry.speakerId), label).toBe(true);
      for (const time of [entry.start, entry.end]) {
        if (time !== undefined) expect(Number.isFinite(time), label).toBe(true);
      }
    }
  } else {
    expect(typeof result.error.message, label).toBe('string');
    expect(result.error.message.length, label).toBeGreaterThan(0);
  }
}

function runEveryImporter(text: string, json: unknown): void {
  for (const format of importFormats) {
    const score = format.detect(text, json);
    expect(score >= 0 && score <= 1, `${format.id} detect`).toBe(true);
    expectWellFormed(format.parse(text, { fileName: 'input' }), format.id);
  }
  expectWellFormed(readTranscript(text, { fileName: 'input' }), 'readTranscript');
}

/** Characters that matter to the formats' syntax, to make mutations bite. */
const SYNTAX = [...'<>/="\'{}[],:;&#\n\r\t -0123456789.WEBVTT'];

function mutate(text: string, edits: { at: number; kind: number; size: number; char: string }[]): string {
  let result = text;
  for (const edit of edits) {
    const at = result.length === 0 ? 0 : edit.at % (result.length + 1);
    switch (edit.kind) {
      case 0:
        result = result.slice(0, at) + result.slice(at + edit.size);
        break;
      case 1:
        result = result.slice(0, at) + edit.char.repeat(edit.size) + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at) + result.slice(at, at + edit.size * 8) + result.slice(at);
        break;
      default:
        result = result.slice(0, at);
    }
  }
  return result;
}

const editArbitrary = fc.record({
  at: fc.nat(),
  kind: fc.nat({ max: 3 }),
  size: fc.integer({ min: 1, max: 12 }),
  char: fc.constantFrom(...SYNTAX),
});

describe('importers never throw', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => runEveryImporter(text, undefined)),
      { numRuns: 300 },
    );
  });

  it('on text built from format syntax', () => {
    const syntaxy = fc
      .array(fc.constantFrom('WEBVTT\n', '\n\n', '00:00:01.000 --> 00:00:02.000', ' --> ', '1\n', '<v A>', '</v>', '<00:00:01.500>', 'NOTE', '<p>', '</p>', '<span data-m="', '" data-d="', '">', '</span>', '<cite>', '<time>', '{"segments":[', '{"startTime":', '"body":', ']}', 'A: ', '- ', '>> ', '(MUSIC)', 'word ', '&amp;', '&', '<'), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(syntaxy, (text) => runEveryImporter(text, undefined)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value) ?? 'null';
        runEveryImporter(text, JSON.parse(text) as unknown);
      }),
      { numRuns: 300 },
    );
  });

  it('on JSON shaped like the formats with wrong values inside', () => {
    const loose = fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean(), fc.constant(-1), fc.array(fc.nat(), { maxLength: 2 }));
    const segment = fc.record({ speaker: loose, startTime: loose, endTime: loose, body: loose }, { requiredKeys: [] });
    const word = fc.record({ text: loose, start: loose, end: loose, confidence: loose, timing: loose }, { requiredKeys: [] });
    const entry = fc.record({ kind: fc.constantFrom('speech', 'event', 'x'), speakerId: loose, words: fc.array(word, { maxLength: 3 }), text: loose, start: loose, end: loose }, { requiredKeys: ['kind'] });
    const documents = fc.oneof(
      fc.record({ version: loose, segments: fc.array(segment, { maxLength: 4 }) }),
      fc.record({ words: fc.array(word, { maxLength: 4 }), paragraphs: fc.array(fc.record({ start: loose, end: loose, speaker: loose }), { maxLength: 3 }) }),
      fc.record({ text: loose, media: loose }),
      fc.record({
        format: fc.constant('verbatim'),
        version: fc.constantFrom(1, 2, '1'),
        transcript: fc.record({ speakers: fc.array(fc.record({ id: loose, name: loose }), { maxLength: 2 }), entries: fc.array(entry, { maxLength: 3 }) }),
      }),
    );
    fc.assert(
      fc.property(documents, (value) => {
        const text = JSON.stringify(value);
        runEveryImporter(text, JSON.parse(text) as unknown);
      }),
      { numRuns: 400 },
    );
  });

  it('on mutated fixtures', () => {
    const fixtures = fixtureTexts();
    expect(fixtures.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (fixture, edits) => {
        const text = mutate(fixture.text, edits);
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        runEveryImporter(text, json);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  // Inputs that make careless regular expressions or nested loops quadratic. Each finishes
  // in milliseconds when the code is linear; the generous timeout only catches a hang.
  it('on large hostile repetitions', () => {
    const hostile = [
      '<'.repeat(200_000),
      '<a '.repeat(70_000),
      '<span data-m="1">'.repeat(20_000),
      '<p><span class="speaker">'.repeat(20_000),
      '</b>'.repeat(50_000),
      '<span>'.repeat(20_000) + '</i>'.repeat(20_000),
      `<a href="${'x'.repeat(200_000)}`,
      '&'.repeat(200_000),
      '[['.repeat(50_000),
      '{"a":'.repeat(30_000),
      `{"segments":[${'{"startTime":1,"endTime":2,"body":"w"},'.repeat(20_000)}{"body":"x"}]}`,
      `WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\n<v A>a <00:00:01.500>b\n\n'.repeat(10_000)}`,
      `1\n${'00:00:01,000 --> 00:00:02,000\n'.repeat(20_000)}`,
      `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<00:00:01.500>w '.repeat(30_000)}`,
      'A'.repeat(100_000) + ':',
      `${'Ann Lee: '.repeat(30_000)}x`,
      ` ${'- '.repeat(100_000)}`,
      `00:00:01,000 --> 00:00:02,000\n${'-\n'.repeat(50_000)}`,
    ];
    for (const text of hostile) runEveryImporter(text, undefined);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// Round trips

/** Up to just under the 48-hour bound that reading enforces (check-import-times.ts). */
const millis = fc.integer({ min: 0, max: 172_000_000 }).map((ms) => ms / 1000);
const timing = fc.constantFrom('file', 'aligned', 'estimated', 'manual') as fc.Arbitrary<Word['timing'] & string>;

/** Any transcript the model allows, for the lossless format. */
const anyTranscript: fc.Arbitrary<Transcript> = fc
  .uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), name: fc.string({ maxLength: 12 }), role: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }) }), {
    selector: (speaker) => speaker.id,
    maxLength: 4,
  })
  .chain((speakers) => {
    const cleanSpeakers: Speaker[] = speakers.map(({ role, ...rest }) => (role === undefined ? rest : { ...rest, role }));
    const optional = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const word = fc
      .record({ text: fc.string({ maxLength: 10 }), start: optional(millis), length: optional(millis), confidence: optional(fc.double({ min: 0, max: 1, noNaN: true })), timing: optional(timing) })
      .map(({ length, ...rest }) => stripUndefined({ ...rest, end: rest.start !== undefined && length !== undefined ? rest.start + length : undefined }) as Word);
    const speech = fc
      .record({
        speakerId: fc.constantFrom<string | null>(null, ...cleanSpeakers.map((speaker) => speaker.id)),
        start: optional(millis),
        length: optional(millis),
        words: fc.array(word, { maxLength: 5 }),
        confidence: optional(fc.double({ min: 0, max: 1, noNaN: true })),
        timing: optional(timing),
      })
      .map(({ length, ...rest }) => stripUndefined({ kind: 'speech' as const, ...rest, end: rest.start !== undefined && length !== undefined ? rest.start + length : undefined }) as Entry);
    const event = fc
      .record({ text: fc.string({ maxLength: 20 }), start: optional(millis), timing: optional(timing) })
      .map((rest) => stripUndefined({ kind: 'event' as const, ...rest }) as Entry);
    return fc.record({
      speakers: fc.constant(cleanSpeakers),
      entries: fc.array(fc.oneof(speech, event), { maxLength: 8 }),
      language: optional(fc.constantFrom('en', 'fr-CA', 'pt-BR')),
    });
  })
  .map((transcript) => stripUndefined(transcript) as Transcript);

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** A word of ordinary text (letters, digits, punctuation, a few symbols that need escaping). */
const plainWord = fc.stringMatching(/^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ.,!?'’&%$@#*+=/-]{0,9}$/u);
/** Anything without whitespace: for formats that escape (WebVTT, HTML). */
const rawWord = fc.string({ minLength: 1, maxLength: 10 }).map((text) => text.replace(/\s/gu, '')).filter((text) => text.length > 0);
const nameWord = fc.stringMatching(/^[A-Z][a-z]{1,8}$/u);
const speakerNameArbitrary = fc.array(nameWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

interface CaptionCase {
  transcript: Transcript;
}

/**
 * Transcripts a caption file can carry: every entry timed, events as one bracketed group,
 * unnamed turns only before the first named one (captions label speaker changes, so a later
 * unlabelled cue continues the previous speaker), unnamed text that does not itself look
 * like a label, a dash or an event.
 */
function captionTranscripts(word: fc.Arbitrary<string>): fc.Arbitrary<CaptionCase> {
  return fc
    .uniqueArray(speakerNameArbitrary, { minLength: 1, maxLength: 3, selector: (name) => name.toLowerCase() })
    .chain((names) => {
      const speakers: Speaker[] = names.map((name, index) => ({ id: `s${index}`, name }));
      const span = fc.tuple(millis, fc.integer({ min: 0, max: 60_000 })).map(([start, length]) => ({ start, end: (Math.round(start * 1000) + length) / 1000 }));
      const named = fc.record({ speakerId: fc.constantFrom(...speakers.map((speaker) => speaker.id)), span, words: fc.array(word, { minLength: 1, maxLength: 6 }) });
      const unnamed = fc.record({ span, words: fc.array(plainWord.filter((text) => !/^[-([>]/u.test(text) && !text.includes(':')), { minLength: 1, maxLength: 6 }) });
      const event = fc.record({ span, inner: fc.array(plainWord, { minLength: 1, maxLength: 3 }), round: fc.boolean() });
      return fc.record({
        leading: fc.array(unnamed, { maxLength: 2 }),
        rest: fc.array(fc.oneof({ arbitrary: named, weight: 3 }, { arbitrary: event, weight: 1 }), { maxLength: 8 }),
      }).map(({ leading, rest }) => {
        const entries: Entry[] = [
          ...leading.map((turn): Entry => ({ kind: 'speech', speakerId: null, ...turn.span, words: turn.words.map((text) => ({ text })) })),
          ...rest.map((item): Entry => {
            if ('inner' in item) {
              const inner = item.inner.join(' ').replace(/[()[\]]/gu, '');
              return { kind: 'event', ...item.span, text: item.round ? `(${inner})` : `[${inner}]` };
            }
            return { kind: 'speech', speakerId: item.speakerId, ...item.span, words: item.words.map((text) => ({ text })) };
          }),
        ];
        return { transcript: { speakers, entries } };
      });
    });
}

function comparable(transcript: Transcript): [string, number | undefined, number | undefined, string, string | undefined][] {
  return transcript.entries.map((entry) => [
    entry.kind,
    entry.start,
    entry.end,
    entryText(entry),
    entry.kind === 'speech' ? speakerName(transcript, entry.speakerId) : undefined,
  ]);
}

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`did not read back: ${result.error.line ?? ''} ${result.error.message}`);
  return result.transcript;
}

/** These round trips are of one cue per turn; format-pairs.test.ts covers subtitle-ready cues. */
const PER_TURN = { captions: { cuePerTurn: true } };

describe('write → read round trips', () => {
  it('Verbatim JSON is identical', () => {
    fc.assert(
      fc.property(anyTranscript, (transcript) => {
        expect(transcriptOf(parseVerbatimJson(writeVerbatimJson(transcript)))).toStrictEqual(transcript);
      }),
      { numRuns: 300 },
    );
  });

  it('WebVTT keeps turn times to the millisecond, speakers and text', () => {
    fc.assert(
      fc.property(captionTranscripts(rawWord), ({ transcript }) => {
        expect(comparable(transcriptOf(parseWebVtt(writeWebVtt(transcript, PER_TURN))))).toEqual(comparable(transcript));
      }),
      { numRuns: 300 },
    );
  });

  it('WebVTT with inline timestamps keeps word start times', () => {
    const timedTurn = fc
      .tuple(millis, fc.array(fc.tuple(rawWord, fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5000 }))
      .map(([start, words, tail]): Transcript => {
        let at = Math.round(start * 1000);
        const timed = words.map(([text, gap]) => {
          const word = { text, start: at / 1000, end: (at + gap) / 1000 };
          at += gap;
          return word;
        });
        return {
          speakers: [{ id: 'a', name: 'Ann' }],
          entries: [{ kind: 'speech', speakerId: 'a', start, end: (at + tail) / 1000, words: timed }],
        };
      });
    fc.assert(
      fc.property(timedTurn, (transcript) => {
        const back = transcriptOf(parseWebVtt(writeWebVtt(transcript, { ...PER_TURN, wordTimestamps: true })));
        // The first word starts with the cue (a timestamp must lie after the cue start), so
        // it is compared through the turn; the others carry their own timestamps.
        const starts = (value: Transcript) =>
          value.entries.flatMap((entry) => (entry.kind === 'speech' ? entry.words.map((word, index) => [word.text, index === 0 ? entry.start : word.start]) : []));
        expect(starts(back)).toEqual(starts(transcript));
      }),
      { numRuns: 200 },
    );
  });

  it('SRT keeps turn times to the millisecond, speakers and text', () => {
    fc.assert(
      fc.property(captionTranscripts(plainWord), ({ transcript }) => {
        expect(comparable(transcriptOf(parseSrt(writeSrt(transcript, PER_TURN))))).toEqual(comparable(transcript));
      }),
      { numRuns: 300 },
    );
  });

  it('interactive HTML reads back as hyperaudio with times, speakers and text', () => {
    fc.assert(
      fc.property(captionTranscripts(rawWord).filter(({ transcript }) => transcript.entries.length > 0), ({ transcript }) => {
        const html = writeHtml(transcript, { title: 'x', audioUrl: 'a.mp3' });
        expect(comparable(transcriptOf(parseHyperaudioHtml(html)))).toEqual(comparable(transcript));
      }),
      { numRuns: 200 },
    );
  });
});
