import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry, Transcript } from './model.ts';
import { packTranscript, packedBuffers, packedTurnSummary, unpackTranscript, TEXT_PIECE_CHARS, UNPACK_STEP_WORDS } from './packed-transcript.ts';

const time = fc.double({ min: -1e300, max: 1e300, noNaN: false });
const timing = fc.constantFrom('file' as const, 'aligned' as const, 'estimated' as const, 'manual' as const);
const word = fc.record(
  { text: fc.string({ unit: 'binary', maxLength: 12 }), start: time, end: time, confidence: fc.double(), timing, paragraph: fc.constant(true as const) },
  { requiredKeys: ['text'], noNullPrototype: true },
);
const speech = fc.record(
  {
    kind: fc.constant('speech' as const),
    speakerId: fc.option(fc.constantFrom('ann', 'bob', '', 'x y'), { nil: null }),
    start: time,
    end: time,
    words: fc.array(word, { maxLength: 8 }),
    confidence: fc.double(),
    timing,
  },
  { requiredKeys: ['kind', 'speakerId', 'words'], noNullPrototype: true },
);
const event = fc.record({ kind: fc.constant('event' as const), text: fc.string(), start: time, end: time, timing }, { requiredKeys: ['kind', 'text'], noNullPrototype: true });
const transcript: fc.Arbitrary<Transcript> = fc.record(
  {
    speakers: fc.array(fc.record({ id: fc.string(), name: fc.string(), role: fc.string() }, { requiredKeys: ['id', 'name'], noNullPrototype: true }), { maxLength: 3 }),
    entries: fc.array(fc.oneof(speech, event) as fc.Arbitrary<Entry>, { maxLength: 12 }),
    language: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: ['speakers', 'entries'], noNullPrototype: true },
);

function unpackAll(packed: ReturnType<typeof packTranscript>, lazyWords?: number): { transcript: Transcript; steps: number[] } {
  const steps: number[] = [];
  const run = unpackTranscript(packed, lazyWords);
  for (;;) {
    const next = run.next();
    if (next.done) return { transcript: next.value, steps };
    steps.push(next.value);
  }
}

describe('packed transcript', () => {
  it('comes back field for field, absent fields absent (every time, text and flag, extreme values and NaN included)', () => {
    fc.assert(
      fc.property(transcript, (original) => {
        expect(unpackAll(packTranscript(original)).transcript).toStrictEqual(original);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts its text into pieces between texts, never inside one, and comes back whole from them (lazily read too)', () => {
    // Words of 1 to 7 characters, an event now and then, an empty word: about three pieces' worth.
    const entries: Entry[] = [];
    for (let e = 0; entries.length < 40_000; e++) {
      if (e % 50 === 7) entries.push({ kind: 'event', text: `(NOISE ${e})` });
      else entries.push({ kind: 'speech', speakerId: null, words: Array.from({ length: 12 }, (_, w) => ({ text: w === 5 && e % 9 === 0 ? '' : 'abcdefg'.slice(0, 1 + ((e + w) % 7)) })) });
    }
    const original: Transcript = { speakers: [], entries };
    const packed = packTranscript(original);
    expect(packed.text.length).toBeGreaterThanOrEqual(2);
    expect(packed.text.slice(0, -1).every((piece) => piece.length >= TEXT_PIECE_CHARS)).toBe(true);
    const ends = new Set(packed.textEnds);
    expect([...packed.textPieceEnds].every((end) => ends.has(end))).toBe(true);
    expect(packed.textPieceEnds.at(-1)).toBe(packed.textEnds.at(-1));
    expect(unpackAll(packed, Infinity).transcript).toStrictEqual(original);
    expect(JSON.stringify(unpackAll(packTranscript(original), 0).transcript)).toBe(JSON.stringify(original));
  });

  it('survives a structured clone with its buffers moved, as postMessage hands it over', () => {
    const original: Transcript = {
      speakers: [{ id: 'ann', name: 'Ann' }],
      entries: [
        { kind: 'speech', speakerId: 'ann', start: 1, end: 2, words: [{ text: 'Hello', start: 1, end: 1.5 }, { text: 'there.', paragraph: true }] },
        { kind: 'event', text: '(MUSIC)', start: 2 },
      ],
    };
    const packed = packTranscript(original);
    const moved = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.wordFlags.byteLength).toBe(0);
    expect(unpackAll(moved).transcript).toStrictEqual(original);
  });

  it('yields its progress in steps of bounded work, rising to the end', () => {
    const turns = 40;
    const perTurn = Math.ceil(UNPACK_STEP_WORDS / 10);
    const original: Transcript = {
      speakers: [],
      entries: Array.from({ length: turns }, (_, t) => ({ kind: 'speech' as const, speakerId: null, words: Array.from({ length: perTurn }, (_, w) => ({ text: `w${t}.${w}` })) })),
    };
    const { transcript: back, steps } = unpackAll(packTranscript(original));
    expect(back).toStrictEqual(original);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps).toStrictEqual([...steps].sort((a, b) => a - b));
    expect(steps.at(-1)).toBeLessThanOrEqual(1);
  });

  it('leaves a huge transcript\'s words unbuilt until read, then they are the same words, in the same key order', () => {
    fc.assert(
      fc.property(transcript, (original) => {
        const lazy = unpackAll(packTranscript(original), -1).transcript;
        lazy.entries.forEach((entry, i) => {
          if (entry.kind !== 'speech') return;
          const words = (original.entries[i] as typeof entry).words;
          const summary = packedTurnSummary(entry)!;
          expect(summary).toBeDefined();
          // What the time index, the row estimate and the audio-fit check read instead of the words.
          expect(summary.wordCount).toBe(words.length);
          expect(summary.chars).toBe(words.reduce((sum, word) => sum + word.text.length, 0));
          expect(summary.firstWordStart).toBe(words.find((word) => word.start !== undefined)?.start);
          expect(summary.lastWordEnd).toBe(words.findLast((word) => word.end !== undefined)?.end);
          expect(summary.maxWordEnd).toBe(words.reduce((max, word) => (word.end !== undefined && word.end > max ? word.end : max), -Infinity));
          // The word-outside-turn check's bounds (validateTiming).
          const firsts = words.map((word) => word.start ?? word.end).filter((at) => at !== undefined);
          const lasts = words.map((word) => word.end ?? word.start).filter((at) => at !== undefined);
          expect(summary.minWordEdge).toBe(firsts.reduce((min, at) => (at < min ? at : min), Infinity));
          expect(summary.maxWordEdge).toBe(lasts.reduce((max, at) => (at > max ? at : max), -Infinity));
        });
        // Key for key in the order an eagerly unpacked transcript has (exports write in it).
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(unpackAll(packTranscript(original)).transcript));
        expect(lazy).toStrictEqual(original);
      }),
      { numRuns: 200 },
    );
  });

  it('builds a lazy turn\'s words once, copies them with the turn, and forgets its summary when they are replaced', () => {
    const original: Transcript = { speakers: [], entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'a', start: 1, end: 2 }, { text: 'b' }] }] };
    const [turn] = unpackAll(packTranscript(original), 0).transcript.entries as [Extract<Entry, { kind: 'speech' }>];
    expect(Object.keys(turn)).toEqual(['kind', 'speakerId', 'words']);
    expect(packedTurnSummary(turn)?.wordCount).toBe(2);
    const words = turn.words;
    expect(packedTurnSummary(turn)).toBeUndefined();
    expect(turn.words).toBe(words);
    expect({ ...turn, speakerId: 'x' }.words).toBe(words);
    expect(structuredClone(turn)).toStrictEqual(original.entries[0]);
    turn.words = [{ text: 'c' }];
    expect(turn.words).toEqual([{ text: 'c' }]);
    // Replaced before ever being read.
    const [unread] = unpackAll(packTranscript(original), 0).transcript.entries as [Extract<Entry, { kind: 'speech' }>];
    unread.words = [{ text: 'd' }];
    expect(packedTurnSummary(unread)).toBeUndefined();
    expect(unread.words).toEqual([{ text: 'd' }]);
  });

  it('sends empty columns for fields no word has', () => {
    const packed = packTranscript({ speakers: [], entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'a' }, { text: 'b' }] }] });
    expect([packed.wordStart.length, packed.wordEnd.length, packed.wordConfidence.length, packed.wordTiming.length]).toEqual([0, 0, 0, 0]);
    expect(packed.wordFlags.length).toBe(2);
  });
});
