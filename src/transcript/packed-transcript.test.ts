import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry, Transcript } from './model.ts';
import { packTranscript, packedBuffers, unpackTranscript, UNPACK_STEP_WORDS } from './packed-transcript.ts';

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

function unpackAll(packed: ReturnType<typeof packTranscript>): { transcript: Transcript; steps: number[] } {
  const steps: number[] = [];
  const run = unpackTranscript(packed);
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
});
