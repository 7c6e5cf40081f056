import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SpeechTurn, TimingSource, Transcript } from '../model.ts';
import { MIN_TAP_TURN_SECONDS, tapCursor, tapSync, type TapResult } from './tap-sync.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

const applied = (result: TapResult): Transcript => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.transcript;
};
const bounds = (transcript: Transcript) => transcript.entries.map((entry) => [entry.start, entry.end]);
const withTiming = (turn: SpeechTurn, timing: TimingSource): SpeechTurn => ({ ...turn, timing });

describe('tapSync', () => {
  it('syncs an untimed transcript turn by turn, closing each previous turn', () => {
    let transcript = transcriptOf(untimedTurn('first turn'), untimedTurn('second turn', 'bob'), untimedTurn('third turn'));
    transcript = applied(tapSync(transcript, 0, 1));
    transcript = applied(tapSync(transcript, 1, 4));
    transcript = applied(tapSync(transcript, 2, 7.5));
    expect(bounds(transcript)).toEqual([[1, 4], [4, 7.5], [7.5, undefined]]);
    for (const entry of transcript.entries) expect(entry.timing).toBe('manual');
    // Untimed words stay untimed; estimating them is a separate, explicit step.
    expect((transcript.entries[0] as SpeechTurn).words.every((word) => word.start === undefined)).toBe(true);
  });

  it('skips events and untapped turns when closing the previous timed turn', () => {
    const music = eventEntry('(MUSIC)');
    let transcript = transcriptOf(untimedTurn('before'), music, untimedTurn('skipped'), untimedTurn('after'));
    transcript = applied(tapSync(transcript, 0, 2));
    transcript = applied(tapSync(transcript, 3, 10));
    expect(bounds(transcript)).toEqual([[2, 10], [undefined, undefined], [undefined, undefined], [10, undefined]]);
    expect(transcript.entries[1]).toBe(music);
  });

  it('pulls back a previous end that runs past the tap, re-fitting its words', () => {
    const previous = timedTurn('one two three four', 0); // ends 1.9
    const closed = applied(tapSync(transcriptOf(previous, untimedTurn('next')), 1, 1.2)).entries[0] as SpeechTurn;
    expect(closed.end).toBe(1.2);
    expect(closed.words[0]).toBe(previous.words[0]);
    expect(closed.words.every((word) => (word.end ?? 0) <= 1.2)).toBe(true);
  });

  it('leaves an earlier previous end alone: the gap is silence', () => {
    const early = timedTurn('early', 0); // ends 0.4
    const kept = applied(tapSync(transcriptOf(early, untimedTurn('next')), 1, 3));
    expect(kept.entries[0]).toBe(early);
    expect(kept.entries[1]?.start).toBe(3);
  });

  it('refuses, in a sentence, a tap past the end of a turn whose times came from the file (the reported bug)', () => {
    // Turn 2 ends at 25.11 s, the playhead is at 27.6 s: it used to become 27.695–27.695.
    const turns = [withTiming(timedTurn('one', 20), 'file'), { ...withTiming(timedTurn('two', 24.5), 'file'), end: 25.11 }, withTiming(timedTurn('three', 25.3), 'file')];
    const transcript = transcriptOf(...turns);
    const result = tapSync(transcript, 1, 27.6);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('Turn 2 (Ann Arbor) ends at 0:25.110, before the playhead (0:27.600): a tap would leave it no length. Select the turn being spoken, or set this turn\'s end first (]).');
  });

  it('moves a guessed turn whole to the tap and pushes guessed turns after it along', () => {
    const transcript = transcriptOf(timedTurn('one two', 0), timedTurn('three four', 1.2), timedTurn('five', 2.4), timedTurn('six', 9));
    // Turn 2 (1.2–2.1) tapped at 3: it keeps its 0.9 s, turn 3 (2.4–2.8) is pushed to 3.9, turn 4 stays.
    const result = applied(tapSync(transcript, 1, 3));
    const [one, two, three, four] = result.entries as SpeechTurn[];
    expect(two?.start).toBe(3);
    expect(two?.end).toBeCloseTo(3.9, 10);
    expect(two?.timing).toBe('manual');
    expect(two?.words[1]?.start).toBeCloseTo(3.5, 10);
    expect(three?.start).toBeCloseTo(3.9, 10);
    expect(three?.end).toBeCloseTo(4.3, 10);
    expect(three?.timing).toBe('aligned');
    expect(four).toBe(transcript.entries[3]);
    // The turn before ended at 0.9, before the tap: left as it was.
    expect(one).toBe(transcript.entries[0]);
  });

  it('refuses to push a hand-set turn, and to tap right on top of the previous tap', () => {
    const transcript = transcriptOf(timedTurn('one', 0), timedTurn('two', 1), withTiming(timedTurn('three', 1.6), 'manual'));
    const into = tapSync(transcript, 1, 1.5);
    expect(into.ok).toBe(false);
    if (!into.ok) expect(into.reason).toMatch(/^Turn 2 \(Ann Arbor\) would run into turn 3 \(Ann Arbor\), which starts at 0:01\.600/u);
    let tapped = applied(tapSync(transcriptOf(untimedTurn('a'), untimedTurn('b')), 0, 10));
    const again = tapSync(tapped, 1, 10.04);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toMatch(/^Turn 1 \(Ann Arbor\) starts at 0:10\.000, too close to the playhead/u);
    tapped = applied(tapSync(tapped, 1, 10.5));
    expect(bounds(tapped)).toEqual([[10, 10.5], [10.5, undefined]]);
  });

  it('pushes a guessed previous turn back when the tap lands inside it', () => {
    const transcript = transcriptOf(timedTurn('a', 0), timedTurn('b', 0.5), untimedTurn('c'));
    // Turn 2 runs 0.5–0.9; a tap for turn 3 at 0.55 leaves it no room, so it moves back to end there.
    const result = applied(tapSync(transcript, 2, 0.55));
    expect(result.entries[1]?.end).toBeCloseTo(0.55, 10);
    expect(result.entries[1]?.start).toBeCloseTo(0.15, 10);
    expect(result.entries[0]?.end).toBeCloseTo(0.15, 10);
    expect(result.entries[2]?.start).toBe(0.55);
  });

  it('refuses a tap so far from its turn that it would push more than 50 others', () => {
    const turns = Array.from({ length: 80 }, (_, i) => timedTurn(`turn ${i}`, 100 + i));
    const result = tapSync(transcriptOf(...turns, untimedTurn('last')), 80, 101.5);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^A tap at 1:41\.500 would move more than 50 other turns to make room for turn 81 \(Ann Arbor\)/u);
    // A few pushes are fine.
    expect(tapSync(transcriptOf(...turns.slice(0, 5), untimedTurn('last')), 5, 101.5).ok).toBe(true);
  });

  it('ignores bad input with a reason', () => {
    const transcript = transcriptOf(untimedTurn('only'), eventEntry('(MUSIC)'));
    expect(applied(tapSync(transcript, 0, 2)).entries[0]?.start).toBe(2);
    expect(tapSync(transcript, 3, 2).ok).toBe(false);
    expect(tapSync(transcript, 1, 2).ok).toBe(false);
    expect(tapSync(transcript, 0, Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe('tapCursor', () => {
  it('is the selected turn, else the first turn without a start', () => {
    const transcript = transcriptOf(timedTurn('a', 0), eventEntry('(MUSIC)'), untimedTurn('b'), untimedTurn('c'));
    expect(tapCursor(transcript, 3)).toBe(3);
    expect(tapCursor(transcript, -1)).toBe(2);
    expect(tapCursor(transcript, 1)).toBe(2);
    expect(tapCursor(transcriptOf(timedTurn('a', 0)), -1)).toBe(-1);
  });
});

/** Timed speech turns in order never overlap, and none is shorter than the minimum. */
function assertOrdered(transcript: Transcript) {
  const eps = 1e-9;
  let previous: { start: number; end: number | undefined } | null = null;
  for (const entry of transcript.entries) {
    if (entry.kind !== 'speech' || entry.start === undefined) continue;
    if (entry.end !== undefined) expect(entry.end - entry.start).toBeGreaterThanOrEqual(MIN_TAP_TURN_SECONDS - eps);
    if (previous) {
      expect(entry.start).toBeGreaterThanOrEqual((previous.end ?? previous.start + MIN_TAP_TURN_SECONDS) - eps);
    }
    previous = { start: entry.start, end: entry.end };
  }
}

describe('tapSync, found by the property below', () => {
  it('refuses a tap that would push an open turn onto the file-timed open turn before it', () => {
    const transcript = transcriptOf(
      { ...untimedTurn('turn 0'), start: 0, timing: 'file' },
      { ...untimedTurn('turn 1'), start: 0.1, timing: 'aligned' },
      untimedTurn('turn 2'),
    );
    const result = tapSync(transcript, 2, 0.1);
    expect(result.ok).toBe(false);
  });
});

describe('tapSync property', () => {
  const timing = fc.constantFrom<TimingSource>('file', 'manual', 'aligned', 'estimated');
  const turn = fc.record({
    kind: fc.constantFrom('untimed', 'timed', 'timed', 'timed', 'open'),
    gap: fc.double({ min: 0, max: 3, noNaN: true }),
    length: fc.double({ min: MIN_TAP_TURN_SECONDS, max: 4, noNaN: true }),
    timing,
  });

  /** A well-formed transcript: timed turns in order, no overlaps, none too short. */
  const transcripts = fc.array(turn, { minLength: 1, maxLength: 8 }).map((specs) => {
    let time = 0;
    const entries = specs.map((spec, i): SpeechTurn => {
      const base = untimedTurn(`turn ${i}`);
      if (spec.kind === 'untimed') return base;
      const start = time + spec.gap;
      time = start + spec.length;
      return spec.kind === 'open' ? { ...base, start, timing: spec.timing } : { ...base, start, end: time, timing: spec.timing };
    });
    return transcriptOf(...entries);
  });

  it('never produces a zero-length, inverted or overlapping turn: it pushes or refuses', () => {
    fc.assert(
      fc.property(transcripts, fc.nat(7), fc.double({ min: 0, max: 40, noNaN: true }), (transcript, pick, time) => {
        assertOrdered(transcript);
        const cursor = pick % transcript.entries.length;
        const result = tapSync(transcript, cursor, time);
        if (!result.ok) {
          expect(result.reason).toMatch(/\.$/u);
          return;
        }
        expect(result.transcript.entries[cursor]?.start).toBe(time);
        assertOrdered(result.transcript);
      }),
      { numRuns: 1000 },
    );
  });
});
