import { describe, expect, it } from 'vitest';
import { buildTimeIndex } from '../transcript/time-index.ts';
import type { Entry, Transcript } from '../transcript/model.ts';
import { labelLanes, matchRegions, turnsInWindow } from './region-layout.ts';

const turn = (start: number | undefined, end: number | undefined): Entry => ({
  kind: 'speech',
  speakerId: null,
  ...(start !== undefined ? { start } : {}),
  ...(end !== undefined ? { end } : {}),
  words: [{ text: 'word' }],
});

const transcriptOf = (entries: Entry[]): Transcript => ({ speakers: [], entries });

/** The obvious answer: every turn whose span meets the window. */
function linear(transcript: Transcript, from: number, to: number): number[] {
  const index = buildTimeIndex(transcript);
  const result: number[] = [];
  for (let i = 0; i < index.starts.length; i++) {
    if (index.starts[i]! <= to && index.ends[i]! >= from) result.push(index.turnAt[i]!);
  }
  return result;
}

describe('turnsInWindow', () => {
  it('returns the turns that meet the window, by start', () => {
    const transcript = transcriptOf([turn(0, 2), turn(2, 5), turn(5, 6), turn(8, 9), turn(9, 12)]);
    const index = buildTimeIndex(transcript);
    expect(turnsInWindow(index, 3, 5.5)).toEqual([1, 2]);
    expect(turnsInWindow(index, 6.5, 7.5)).toEqual([]);
    expect(turnsInWindow(index, 10, 100)).toEqual([4]);
    expect(turnsInWindow(index, -5, 0)).toEqual([0]);
  });

  it('finds a long early turn that still covers a late window, and skips untimed turns and events', () => {
    const transcript = transcriptOf([
      turn(0, 100),
      { kind: 'event', text: '(MUSIC)', start: 3, end: 4 },
      turn(10, 11),
      turn(undefined, undefined),
      turn(50, 52),
      turn(90, 95),
    ]);
    const index = buildTimeIndex(transcript);
    // Turn indices count speech turns only: the untimed turn is 2.
    expect(turnsInWindow(index, 60, 70)).toEqual([0]);
    expect(turnsInWindow(index, 51, 91)).toEqual([0, 3, 4]);
  });

  it('treats an open-ended turn as lasting until the next start', () => {
    const transcript = transcriptOf([turn(0, undefined), turn(10, undefined), turn(20, 21)]);
    const index = buildTimeIndex(transcript);
    expect(turnsInWindow(index, 5, 6)).toEqual([0]);
    expect(turnsInWindow(index, 15, 16)).toEqual([1]);
  });

  it('agrees with a linear scan on overlapping, unsorted, random turns', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const entries: Entry[] = Array.from({ length: 400 }, () => {
      const start = random() * 1000;
      return turn(start, start + random() * (random() < 0.05 ? 200 : 8));
    });
    const transcript = transcriptOf(entries);
    const index = buildTimeIndex(transcript);
    for (let k = 0; k < 200; k++) {
      const from = random() * 1000;
      const to = from + random() * 60;
      expect(turnsInWindow(index, from, to)).toEqual(linear(transcript, from, to));
    }
  });
});

describe('labelLanes', () => {
  it('puts a turn that starts before the previous one ends on the next free row', () => {
    expect(labelLanes([])).toEqual([]);
    expect(labelLanes([{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 5 }])).toEqual([0, 0, 0]);
    // Two people at once, then a third over both, then room on the top row again.
    expect(labelLanes([{ start: 0, end: 5 }, { start: 1, end: 3 }, { start: 2, end: 6 }, { start: 3.5, end: 4 }, { start: 6, end: 7 }])).toEqual([0, 1, 2, 1, 0]);
  });
});

describe('matchRegions', () => {
  const a = {};
  const b = {};
  const c = {};
  const d = {};

  it('keeps every region of an untouched turn, whatever its entry index is now', () => {
    // A split at entry 0: a's first half is a new object at 0, its second half a new one at 1, b and c moved down.
    const firstHalf = {};
    const secondHalf = {};
    const { reuse, remove } = matchRegions(
      [
        { key: a, entry: 0 },
        { key: b, entry: 1 },
        { key: c, entry: 2 },
      ],
      [
        { key: firstHalf, entry: 0 },
        { key: secondHalf, entry: 1 },
        { key: b, entry: 2 },
        { key: c, entry: 3 },
      ],
    );
    expect(reuse).toEqual([0, -1, 1, 2]);
    expect(remove).toEqual([]);
  });

  it('gives an edited turn (a new object at the same entry) its old region, and removes what is no longer wanted', () => {
    const edited = {};
    const { reuse, remove } = matchRegions(
      [
        { key: a, entry: 4 },
        { key: b, entry: 5 },
        { key: c, entry: 6 },
      ],
      [
        { key: edited, entry: 5 },
        { key: c, entry: 6 },
        { key: d, entry: 7 },
      ],
    );
    expect(reuse).toEqual([1, 2, -1]);
    expect(remove).toEqual([0]);
  });

  it('never hands one region to two turns', () => {
    const { reuse, remove } = matchRegions(
      [
        { key: a, entry: 0 },
        { key: b, entry: 0 },
      ],
      [
        { key: c, entry: 0 },
        { key: d, entry: 0 },
        { key: a, entry: 1 },
      ],
    );
    expect(reuse).toEqual([1, -1, 0]);
    expect(remove).toEqual([]);
  });
});
