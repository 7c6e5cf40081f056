/**
 * Speed of the edit operations on a 3,000-turn, 27,000-word transcript.
 * Run: npx vitest bench --run src/transcript/edit/edit-operations.bench.ts
 */
import { bench, describe } from 'vitest';
import { estimateTimings } from '../estimate-times.ts';
import type { Transcript } from '../model.ts';
import { validateTiming } from '../validate-timing.ts';
import { editTurnText } from './edit-turn-text.ts';
import { findMatches, findReplace } from './find-replace.ts';
import { mergeTurns } from './merge-turns.ts';
import { nudgeBoundary } from './nudge-boundary.ts';
import { setTurnStart } from './set-turn-time.ts';
import { splitTurn } from './split-turn.ts';
import { tapSync } from './tap-sync.ts';
import { largeTranscript } from './transcript-fixture.ts';

const big = largeTranscript(3000, 10);
const middle = 1500;
const untimed: Transcript = {
  ...big,
  entries: big.entries.map((entry) =>
    entry.kind === 'speech' ? { kind: 'speech', speakerId: entry.speakerId, words: entry.words.map((word) => ({ text: word.text })) } : { kind: 'event', text: entry.text },
  ),
};
const longTurn = largeTranscript(1, 2000);
const longText = (longTurn.entries[0]?.kind === 'speech' ? longTurn.entries[0].words.map((word) => word.text) : []).join(' ');

describe('one-turn edits (3,000 turns)', () => {
  bench('setTurnStart', () => void setTurnStart(big, middle, 1000));
  bench('nudgeBoundary', () => void nudgeBoundary(big, middle, 'start', -0.05));
  // Far from its turn: pushes estimated turns until the cap (MAX_PUSHED_TURNS) refuses it.
  bench('tapSync (far off: refused after 50 pushes)', () => void tapSync(big, middle, 1000));
  bench('tapSync (inside its turn)', () => void tapSync(big, middle, (big.entries[middle]?.start ?? 0) + 0.1));
  bench('editTurnText (one word)', () => void editTurnText(big, middle, `Turn${middle} word1 changed word3 word4 word5 word6 word7 word8 word9`));
  bench('editTurnText (2,000-word turn, one word)', () => void editTurnText(longTurn, 0, longText.replace('word1000', 'changed')));
  bench('splitTurn', () => void splitTurn(big, middle, 5));
  bench('mergeTurns', () => void mergeTurns(big, middle));
});

describe('whole-transcript passes (3,000 turns)', () => {
  bench('findMatches (2,700 hits)', () => void findMatches(big, 'word9', { wholeWord: true }));
  bench('findReplace (1 hit)', () => void findReplace(big, 'Turn1500', 'Replaced', { wholeWord: true }));
  bench('findReplace (2,700 hits)', () => void findReplace(big, 'word5', 'word five', { wholeWord: true }));
  bench('validateTiming', () => void validateTiming(big, 1e6));
  bench('estimateTimings (all untimed)', () => void estimateTimings(untimed, 20000));
});
