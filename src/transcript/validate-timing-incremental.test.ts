import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateTiming } from './validate-timing.ts';
import type { Entry, SpeechTurn, Transcript, Word } from './model.ts';
import { splitTurn } from './edit/split-turn.ts';
import { mergeTurns } from './edit/merge-turns.ts';
import { setTurnEnd, setTurnStart } from './edit/set-turn-time.ts';
import { nudgeBoundary } from './edit/nudge-boundary.ts';
import { editTurnText } from './edit/edit-turn-text.ts';
import { deleteTurn } from './edit/delete-turn.ts';
import { insertEvent, insertTurn } from './edit/insert-turn.ts';
import { moveTurn } from './edit/move-turn.ts';
import { findReplace } from './edit/find-replace.ts';
import { packTranscript, packedTurnSummary, unpackTranscript } from './packed-transcript.ts';

/** Times on a 0.5 s grid from -1 to 20 s, so overlaps, ties and times past a 15 s "audio" all happen. */
const time = fc.integer({ min: -2, max: 40 }).map((half) => half / 2);
const maybeTime = fc.option(time, { nil: undefined });

const word: fc.Arbitrary<Word> = fc
  .record({ text: fc.constantFrom('a', 'the', 'word', 'end.'), start: maybeTime, end: maybeTime })
  .map(({ text, start, end }) => ({ text, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) }));

const speech: fc.Arbitrary<SpeechTurn> = fc
  .record({ start: maybeTime, end: maybeTime, words: fc.array(word, { minLength: 1, maxLength: 5 }) })
  .map(({ start, end, words }) => ({ kind: 'speech', speakerId: null, words, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) }));

const event: fc.Arbitrary<Entry> = fc
  .record({ start: maybeTime, end: maybeTime })
  .map(({ start, end }) => ({ kind: 'event', text: '(MUSIC)', ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) }));

const transcript: fc.Arbitrary<Transcript> = fc
  .array(fc.oneof({ weight: 4, arbitrary: speech }, { weight: 1, arbitrary: event }), { maxLength: 12 })
  .map((entries) => ({ speakers: [], entries }));

type Edit = (t: Transcript) => Transcript;

/** The editor's pure operations, at an entry picked by `at` (wrapped to the transcript's length). */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat()).map(([at, w]): Edit => (t) => splitTurn(t, at % Math.max(1, t.entries.length), 1 + (w % 4))),
  fc.nat().map((at): Edit => (t) => mergeTurns(t, at % Math.max(1, t.entries.length))),
  fc.tuple(fc.nat(), time).map(([at, s]): Edit => (t) => setTurnStart(t, at % Math.max(1, t.entries.length), s)),
  fc.tuple(fc.nat(), time).map(([at, s]): Edit => (t) => setTurnEnd(t, at % Math.max(1, t.entries.length), s)),
  fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: -4, max: 4 })).map(([at, start, d]): Edit => (t) =>
    nudgeBoundary(t, at % Math.max(1, t.entries.length), start ? 'start' : 'end', d / 4),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('a new text', 'the', 'word word word word')).map(([at, text]): Edit => (t) => editTurnText(t, at % Math.max(1, t.entries.length), text)),
  fc.nat().map((at): Edit => (t) => deleteTurn(t, at % Math.max(1, t.entries.length))),
  fc.tuple(fc.nat(), maybeTime).map(([at, s]): Edit => (t) => insertTurn(t, (at % (t.entries.length + 1)) - 1, s !== undefined ? { start: s, end: s + 1 } : {})),
  fc.tuple(fc.nat(), time).map(([at, s]): Edit => (t) => insertEvent(t, (at % (t.entries.length + 1)) - 1, '(LAUGHTER)', { start: s })),
  fc.tuple(fc.nat(), fc.constantFrom(-1, 1)).map(([at, d]): Edit => (t) => moveTurn(t, at % Math.max(1, t.entries.length), d)),
  fc.constant<Edit>((t) => findReplace(t, 'the', 'a', { wholeWord: true }).transcript),
);

/** The same data as new objects: nothing is known about them yet, so this is a full validation. */
const fresh = (t: Transcript): Transcript => structuredClone(t);

describe('validateTiming across edits (incremental)', () => {
  it('gives what a full validation of the edited transcript gives, after any sequence of edits', () => {
    fc.assert(
      fc.property(transcript, fc.array(edit, { maxLength: 8 }), fc.option(fc.constant(15), { nil: undefined }), (start, edits, duration) => {
        let current = start;
        validateTiming(current, duration);
        for (const apply of edits) {
          current = apply(current);
          expect(validateTiming(current, duration)).toEqual(validateTiming(fresh(current), duration));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('checks the words of a turn again once an edit replaces it, and keeps what it found for the untouched one', () => {
    const turn: SpeechTurn = { kind: 'speech', speakerId: null, start: 0, end: 2, words: [{ text: 'a', start: 0.5, end: 1 }, { text: 'b', start: 1, end: 1.8 }] };
    const before: Transcript = { speakers: [], entries: [turn] };
    expect(validateTiming(before)).toEqual([]);
    // A new start without fitting the words (as a file might have it): the first word is now outside.
    const moved: Transcript = { speakers: [], entries: [{ ...turn, start: 1.2 }] };
    expect(validateTiming(moved).map((issue) => issue.message)).toEqual(['Turn 1 has 2 words timed outside the turn ("a" at 0:00.500).']);
    expect(validateTiming(before)).toEqual([]);
  });

  it('gives the same problems on a huge file\'s unread turns as on built words, and builds only the words of turns with a word outside', () => {
    const lazyOf = (t: Transcript): Transcript => {
      const run = unpackTranscript(packTranscript(t), -1);
      for (;;) {
        const next = run.next();
        if (next.done) return next.value;
      }
    };
    fc.assert(
      fc.property(transcript, fc.array(edit, { maxLength: 3 }), fc.option(fc.constant(15), { nil: undefined }), (start, edits, duration) => {
        const edited = edits.reduce((t, apply) => apply(t), start);
        const lazy = lazyOf(edited);
        const expected = validateTiming(fresh(edited), duration);
        expect(validateTiming(lazy, duration)).toStrictEqual(expected);
        const walked = new Set(expected.filter((issue) => issue.kind === 'word-outside-turn').map((issue) => issue.entryIndex));
        lazy.entries.forEach((entry, index) => {
          if (entry.kind === 'speech') expect(packedTurnSummary(entry) === undefined).toBe(walked.has(index));
        });
        // After an edit of the lazy transcript (its turns partly built, partly not), still the same.
        const again = edits.reduce((t, apply) => apply(t), lazy);
        expect(validateTiming(again, duration)).toStrictEqual(validateTiming(fresh(again), duration));
      }),
      { numRuns: 300 },
    );
  });
});
