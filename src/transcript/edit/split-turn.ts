import { distributeWords } from '../estimate-times.ts';
import type { Transcript } from '../model.ts';
import { makeWord } from './make-word.ts';
import { patchEntry } from './patch-entry.ts';
import { spliceEntries } from './splice-entries.ts';

/**
 * Splits a speech turn before `words[wordIndex]` into two turns of the same
 * speaker. The first part ends at the previous word's end (or that word's
 * start); the second starts at that word's start (or the previous word's
 * end). When the words have no times but the turn does, the split point is
 * estimated by syllables and both parts are marked `estimated`. Word times are
 * untouched; the second part's first word drops its paragraph flag. Returns `transcript` itself when the entry is not a speech turn
 * or `wordIndex` would leave a part empty.
 */
export function splitTurn(transcript: Transcript, entryIndex: number, wordIndex: number): Transcript {
  const turn = transcript.entries[entryIndex];
  if (turn?.kind !== 'speech' || !Number.isInteger(wordIndex) || wordIndex <= 0 || wordIndex >= turn.words.length) return transcript;
  const previous = turn.words[wordIndex - 1];
  const word = turn.words[wordIndex];
  let firstEnd = previous?.end ?? word?.start;
  let secondStart = word?.start ?? previous?.end;
  let timing = turn.timing;
  if (firstEnd === undefined && turn.start !== undefined && turn.end !== undefined) {
    const estimated = distributeWords(turn.words, turn.start, turn.end);
    firstEnd = estimated[wordIndex - 1]?.end;
    secondStart = estimated[wordIndex]?.start;
    timing = 'estimated';
  }
  const first = patchEntry(turn, { words: turn.words.slice(0, wordIndex), end: firstEnd, timing });
  const rest = turn.words.slice(wordIndex);
  // The word that now opens a turn no longer starts a paragraph inside one.
  const head = rest[0];
  if (head?.paragraph) rest[0] = makeWord(head.text, head.start, head.end, head.timing, head.confidence);
  const second = patchEntry(turn, { words: rest, start: secondStart, timing });
  return spliceEntries(transcript, entryIndex, 1, first, second);
}
