import { distributeWords, nominalDuration } from '../estimate-times.ts';
import type { Word } from '../model.ts';
import { makeWord } from './make-word.ts';

function untimed(word: Word): Word {
  return makeWord(word.text, undefined, undefined, undefined, word.confidence, word.paragraph);
}

function firstTime(words: Word[]): number | undefined {
  for (const word of words) {
    const time = word.start ?? word.end;
    if (time !== undefined) return time;
  }
  return undefined;
}

function lastTime(words: Word[]): number | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    const time = word?.end ?? word?.start;
    if (time !== undefined) return time;
  }
  return undefined;
}

/**
 * Makes a turn's words fit its (new) `start`..`end` after a boundary moved.
 * Words inside the range keep their times and identity; a word straddling a
 * boundary is clipped to it; words left wholly outside lose their times and
 * are re-estimated in the room between the boundary and the nearest kept word.
 * Words of a turn that had no word times stay untimed.
 */
export function fitWordsToTurn(words: Word[], start: number | undefined, end: number | undefined): Word[] {
  const lo = start ?? -Infinity;
  const hi = end ?? Infinity;
  const inside = (time: number | undefined) => time === undefined || (time >= lo && time <= hi);
  let changed = false;
  const kept = words.map((word): Word => {
    if (inside(word.start) && inside(word.end)) return word;
    changed = true;
    const clippedStart = word.start === undefined ? undefined : Math.min(Math.max(word.start, lo), hi);
    const clippedEnd = word.end === undefined ? undefined : Math.min(Math.max(word.end, lo), hi);
    // Clipping keeps a word only if some of it is still inside the range; a word squeezed to nothing is re-estimated instead.
    if (clippedStart !== undefined && clippedEnd !== undefined && clippedEnd > clippedStart) {
      return makeWord(word.text, clippedStart, clippedEnd, 'estimated', word.confidence, word.paragraph);
    }
    return untimed(word);
  });
  if (!changed) return words;
  const from = start ?? firstTime(kept) ?? (end === undefined ? 0 : end - nominalDuration(words));
  const to = end ?? lastTime(kept) ?? from + nominalDuration(words);
  return distributeWords(kept, Math.max(0, from), Math.max(from, to));
}
