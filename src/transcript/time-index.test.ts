import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry, SpeechTurn, Transcript } from './model.ts';
import { activeTurnAt, activeWordAt, buildTimeIndex, lastAtOrBefore } from './time-index.ts';

function turn(start: number | undefined, end: number | undefined, words: [string, number?, number?][] = []): SpeechTurn {
  return {
    kind: 'speech',
    speakerId: null,
    start,
    end,
    words: words.map(([text, s, e]) => ({ text, start: s, end: e })),
  };
}

function transcript(...entries: Entry[]): Transcript {
  return { speakers: [], entries };
}

describe('lastAtOrBefore', () => {
  const sorted = Float64Array.from([1, 2, 2, 5]);
  it.each([
    [0.5, -1],
    [1, 0],
    [1.5, 0],
    [2, 2],
    [4.99, 2],
    [5, 3],
    [100, 3],
  ])('t=%s -> %s', (t, expected) => {
    expect(lastAtOrBefore(sorted, t)).toBe(expected);
  });
  it('handles an empty array', () => {
    expect(lastAtOrBefore(new Float64Array(0), 3)).toBe(-1);
  });
});

describe('activeTurnAt', () => {
  const index = buildTimeIndex(transcript(turn(1, 3), turn(3, 5), turn(6, 8)));

  it('is -1 before the first turn', () => {
    expect(activeTurnAt(index, 0)).toBe(-1);
    expect(activeTurnAt(index, 0.999)).toBe(-1);
  });
  it('includes the start and excludes the end at exact boundaries', () => {
    expect(activeTurnAt(index, 1)).toBe(0);
    expect(activeTurnAt(index, 2.999)).toBe(0);
    expect(activeTurnAt(index, 3)).toBe(1);
    expect(activeTurnAt(index, 6)).toBe(2);
  });
  it('is -1 in a gap between turns', () => {
    expect(activeTurnAt(index, 5)).toBe(-1);
    expect(activeTurnAt(index, 5.5)).toBe(-1);
  });
  it('is -1 after the last turn ends', () => {
    expect(activeTurnAt(index, 8)).toBe(-1);
    expect(activeTurnAt(index, 1e6)).toBe(-1);
  });

  it('skips untimed turns and keeps turn indices over speech turns only', () => {
    const idx = buildTimeIndex(
      transcript(
        { kind: 'event', text: '(MUSIC)', start: 0, end: 1 },
        turn(undefined, undefined, [['untimed']]),
        turn(2, 4),
        { kind: 'event', text: '(LAUGHTER)' },
        turn(4, 6),
      ),
    );
    expect(activeTurnAt(idx, 0.5)).toBe(-1);
    expect(activeTurnAt(idx, 2)).toBe(1);
    expect(activeTurnAt(idx, 5)).toBe(2);
    expect(Array.from(idx.turnEntry)).toEqual([1, 2, 4]);
  });

  it('lets an open-ended turn run until the next timed turn', () => {
    const idx = buildTimeIndex(transcript(turn(1, undefined), turn(undefined, undefined), turn(4, 5)));
    expect(activeTurnAt(idx, 3.9)).toBe(0);
    expect(activeTurnAt(idx, 4)).toBe(2);
  });

  it('takes a turn start from its first timed word when the turn has none', () => {
    const idx = buildTimeIndex(transcript(turn(undefined, undefined, [['a'], ['b', 2, 2.5], ['c', 2.5, 3]])));
    expect(activeTurnAt(idx, 1.9)).toBe(-1);
    expect(activeTurnAt(idx, 2.2)).toBe(0);
    expect(activeTurnAt(idx, 3)).toBe(-1);
  });

  it('finds an earlier long turn that overlaps later short ones', () => {
    const idx = buildTimeIndex(transcript(turn(0, 10), turn(2, 3)));
    expect(activeTurnAt(idx, 2.5)).toBe(1);
    expect(activeTurnAt(idx, 5)).toBe(0);
  });

  it('tolerates turns out of order in the file', () => {
    const idx = buildTimeIndex(transcript(turn(5, 6), turn(1, 2)));
    expect(activeTurnAt(idx, 1.5)).toBe(1);
    expect(activeTurnAt(idx, 5.5)).toBe(0);
  });

  it('returns -1 for a transcript without timings', () => {
    const idx = buildTimeIndex(transcript(turn(undefined, undefined, [['hi']])));
    expect(activeTurnAt(idx, 0)).toBe(-1);
    expect(activeWordAt(idx, 0, 0)).toBe(-1);
  });
});

describe('activeWordAt', () => {
  const index = buildTimeIndex(
    transcript(turn(1, 4, [['one', 1, 1.5], ['two', 1.6, 2], ['untimed'], ['four', 2.5, undefined]])),
  );

  it('finds the word containing t', () => {
    expect(activeWordAt(index, 0, 1)).toBe(0);
    expect(activeWordAt(index, 0, 1.7)).toBe(1);
  });
  it('is -1 between words and before the first', () => {
    expect(activeWordAt(index, 0, 0.5)).toBe(-1);
    expect(activeWordAt(index, 0, 1.55)).toBe(-1);
  });
  it('skips untimed words; an open-ended last word runs to the turn end', () => {
    expect(activeWordAt(index, 0, 2.5)).toBe(3);
    expect(activeWordAt(index, 0, 3.99)).toBe(3);
    expect(activeWordAt(index, 0, 4)).toBe(-1);
  });
  it('is -1 for no active turn', () => {
    expect(activeWordAt(index, -1, 1)).toBe(-1);
  });
});

describe('word index', () => {
  /** The index as defined: timed words sorted by start (ties in word order), each lasting to its end, else the next start, else the turn end. */
  function reference(words: SpeechTurn['words'], turnEnd: number | undefined) {
    const timed = words.flatMap((word, index) => (word.start !== undefined && Number.isFinite(word.start) ? [{ start: word.start, end: word.end, index }] : []));
    timed.sort((a, b) => a.start - b.start || a.index - b.index);
    return {
      starts: timed.map((item) => item.start),
      ends: timed.map((item, i) => (item.end !== undefined && item.end > item.start ? item.end : (timed[i + 1]?.start ?? turnEnd ?? Infinity))),
      wordAt: timed.map((item) => item.index),
    };
  }

  it('is the sorted definition for words in order, out of order, untimed or without ends', () => {
    const time = fc.option(fc.integer({ min: 0, max: 20 }).map((n) => n / 4), { nil: undefined });
    const word = fc.record({ start: time, end: time }).map(({ start, end }) => ({ text: 'w', ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.boolean(), time, (words, sorted, end) => {
        const list = sorted ? [...words].sort((a, b) => (a.start ?? 0) - (b.start ?? 0)) : words;
        const built = buildTimeIndex(transcript({ kind: 'speech', speakerId: null, words: list, ...(end !== undefined ? { end } : {}) })).words.at(0);
        const expected = reference(list, end ?? [...list].reverse().find((w) => w.end !== undefined)?.end);
        if (expected.starts.length === 0) expect(built).toBeNull();
        else expect({ starts: [...built!.starts], ends: [...built!.ends], wordAt: [...built!.wordAt] }).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
