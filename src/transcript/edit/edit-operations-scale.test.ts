/**
 * Every edit operation on a 3,000-turn, ~27,000-word transcript: it must work
 * at that size and leave every entry it did not edit identical (so memoised
 * rows skip re-rendering). Speed is measured by edit-operations.bench.ts.
 */
import { describe, expect, it } from 'vitest';
import { estimateTimings } from '../estimate-times.ts';
import type { SpeechTurn, Transcript } from '../model.ts';
import { validateTiming } from '../validate-timing.ts';
import { addSpeaker } from './add-speaker.ts';
import { deleteTurn } from './delete-turn.ts';
import { editTurnText } from './edit-turn-text.ts';
import { findMatches, findReplace } from './find-replace.ts';
import { insertTurn } from './insert-turn.ts';
import { mergeSpeakers } from './merge-speakers.ts';
import { mergeTurns } from './merge-turns.ts';
import { moveTurn } from './move-turn.ts';
import { nudgeBoundary } from './nudge-boundary.ts';
import { renameSpeaker } from './rename-speaker.ts';
import { setTurnSpeaker } from './set-turn-speaker.ts';
import { setTurnEnd, setTurnStart } from './set-turn-time.ts';
import { splitTurn } from './split-turn.ts';
import { tapSync } from './tap-sync.ts';
import { largeTranscript } from './transcript-fixture.ts';

const big = largeTranscript(3000, 10);
const middle = 1500;

/** Entries outside `[from, to)` of the original are the very same objects, shifted by `shift` positions in the result. */
function expectUntouchedOutside(before: Transcript, after: Transcript, from: number, to: number, shift = 0): void {
  expect(after).not.toBe(before);
  for (let i = 0; i < before.entries.length; i++) {
    if (i >= from && i < to) continue;
    const j = i < from ? i : i + shift;
    if (after.entries[j] !== before.entries[i]) throw new Error(`entry ${i} lost its identity`);
  }
}

describe('edit operations on 3,000 turns', () => {
  it('builds the fixture', () => {
    expect(big.entries).toHaveLength(3000);
    expect(big.entries.reduce((sum, entry) => sum + (entry.kind === 'speech' ? entry.words.length : 0), 0)).toBe(27000);
    expect(validateTiming(big, 1e6)).toEqual([]);
  });

  it('edits timings of one turn', () => {
    expectUntouchedOutside(big, setTurnStart(big, middle, (big.entries[middle]?.start ?? 0) + 0.2), middle, middle + 1);
    expectUntouchedOutside(big, setTurnEnd(big, middle, (big.entries[middle]?.end ?? 0) - 0.2), middle, middle + 1);
    expectUntouchedOutside(big, moveTurn(big, middle, 0.1), middle, middle + 1);
    expectUntouchedOutside(big, nudgeBoundary(big, middle, 'start', -0.6), middle - 1, middle + 1);
    const tapped = tapSync(big, middle, (big.entries[middle]?.start ?? 0) - 0.3);
    expect(tapped.ok).toBe(true);
    expectUntouchedOutside(big, tapped.ok ? tapped.transcript : big, middle - 1, middle + 1);
  });

  it('edits text of one turn and across the transcript', () => {
    const edited = editTurnText(big, middle, `Turn${middle} word1 changed word3 word4 word5 word6 word7 word8 word9`);
    expectUntouchedOutside(big, edited, middle, middle + 1);
    const turn = edited.entries[middle] as SpeechTurn;
    const original = big.entries[middle] as SpeechTurn;
    turn.words.forEach((word, i) => {
      if (i !== 2) expect(word).toBe(original.words[i]);
    });
    expect(findMatches(big, 'word9', { wholeWord: true })).toHaveLength(2700);
    const one = findReplace(big, `Turn${middle}`, 'Replaced', { wholeWord: true, caseSensitive: true });
    expect(one.count).toBe(1);
    expectUntouchedOutside(big, one.transcript, middle, middle + 1);
    const all = findReplace(big, 'word5', 'word five', { wholeWord: true });
    expect(all.count).toBe(2700);
    expect((all.transcript.entries[9] as { kind: string }).kind).toBe('event');
    expect(all.transcript.entries[9]).toBe(big.entries[9]);
  });

  it('restructures turns', () => {
    expectUntouchedOutside(big, splitTurn(big, middle, 5), middle, middle + 1, 1);
    expectUntouchedOutside(big, mergeTurns(big, middle, 'next'), middle, middle + 2, -1);
    expectUntouchedOutside(big, insertTurn(big, middle, { text: 'new words' }), middle + 1, middle + 1, 1);
    expectUntouchedOutside(big, deleteTurn(big, middle), middle, middle + 1, -1);
  });

  it('edits speakers', () => {
    const renamed = renameSpeaker(big, 'ann', 'Ann B.');
    expect(renamed.entries).toBe(big.entries);
    expectUntouchedOutside(big, setTurnSpeaker(big, middle, 'bob'), middle, middle + 1);
    const merged = mergeSpeakers(big, 'bob', 'ann');
    big.entries.forEach((entry, i) => {
      const kept = entry.kind !== 'speech' || entry.speakerId !== 'bob';
      expect(merged.entries[i] === entry).toBe(kept);
    });
    expect(addSpeaker(big, 'Carla').entries).toBe(big.entries);
  });

  it('estimates an untimed copy and leaves a timed one alone', () => {
    expect(estimateTimings(big, 1e5)).toBe(big);
    const untimed: Transcript = {
      ...big,
      entries: big.entries.map((entry) =>
        entry.kind === 'speech' ? { kind: 'speech', speakerId: entry.speakerId, words: entry.words.map((word) => ({ text: word.text })) } : { kind: 'event', text: entry.text },
      ),
    };
    const estimated = estimateTimings(untimed, 20000);
    expect(validateTiming(estimated, 20000)).toEqual([]);
    expect(estimated.entries.at(-1)?.end).toBe(20000);
  });
});
