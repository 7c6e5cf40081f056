import { diffArrays, type ChangeObject } from 'diff';
import { distributeWords } from '../estimate-times.ts';
import type { Word } from '../model.ts';
import { makeWord } from './make-word.ts';

/** Beyond this many token edits inside one turn the diff gives up and treats the changed middle as rewritten. */
const MAX_EDIT_LENGTH = 500;

const hasTime = (word: Word) => word.start !== undefined || word.end !== undefined;

/**
 * Replaces `removed` words by `added` tokens. A one-for-one replacement keeps
 * each old word's times (a spelling fix does not move a word). Otherwise the
 * new words take over the span the removed words covered; their inner times
 * are left for distributeWords to fill.
 */
function replaceRun(removed: Word[], added: string[]): Word[] {
  if (removed.length === added.length) {
    // The recogniser's confidence was about the old text, so it does not carry over.
    return added.map((text, i) => makeWord(text, removed[i]?.start, removed[i]?.end, removed[i]?.timing));
  }
  const starts = removed.map((word) => word.start).filter((time) => time !== undefined);
  const ends = removed.map((word) => word.end).filter((time) => time !== undefined);
  const start = starts.length > 0 ? Math.min(...starts) : undefined;
  const end = ends.length > 0 ? Math.max(...ends) : undefined;
  return added.map((text, i) => {
    const first = i === 0 ? start : undefined;
    const last = i === added.length - 1 ? end : undefined;
    return makeWord(text, first, last, first !== undefined || last !== undefined ? 'estimated' : undefined);
  });
}

function firstKnownTime(words: Word[]): number | undefined {
  for (const word of words) if (hasTime(word)) return word.start ?? word.end;
  return undefined;
}

function lastKnownTime(words: Word[]): number | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    if (word !== undefined && hasTime(word)) return word.end ?? word.start;
  }
  return undefined;
}

/**
 * The words of `oldMiddle` retyped as `newMiddle` by the word diff: runs of removed and
 * added words between kept ones are replaced run by run (see replaceRun).
 */
export function diffedWords(oldMiddle: Word[], newMiddle: string[]): Word[] {
  const middle: Word[] = [];
  let removed: Word[] = [];
  let added: string[] = [];
  const flush = () => {
    middle.push(...replaceRun(removed, added));
    removed = [];
    added = [];
  };
  const oldTexts = oldMiddle.map((word) => word.text);
  const rewritten: ChangeObject<string[]>[] = [
    { value: oldTexts, removed: true, added: false, count: oldTexts.length },
    { value: newMiddle, removed: false, added: true, count: newMiddle.length },
  ];
  // Most edits replace a few words by others with nothing in common; those need no diff.
  const newSet = new Set(newMiddle);
  const shared = oldTexts.some((text) => newSet.has(text));
  const changes = shared ? (diffArrays(oldTexts, newMiddle, { maxEditLength: MAX_EDIT_LENGTH }) ?? rewritten) : rewritten;
  let oldIndex = 0;
  for (const change of changes) {
    if (change.added) {
      added.push(...change.value);
    } else if (change.removed) {
      removed.push(...oldMiddle.slice(oldIndex, oldIndex + change.count));
      oldIndex += change.count;
    } else {
      flush();
      middle.push(...oldMiddle.slice(oldIndex, oldIndex + change.count));
      oldIndex += change.count;
    }
  }
  flush();
  return middle;
}

/**
 * The diff's answer without running it, for the commonest edit of many turns at once
 * (a replace-all of one word by another): as many tokens as words, and no token that
 * changed is found anywhere on the other side. The kept words are then the only
 * common subsequence, so the diff would keep exactly them and replace the others one
 * for one, which is what this returns. `null` when that cannot be shown (the diff decides).
 */
export function substitutedWords(oldMiddle: Word[], newMiddle: string[]): Word[] | null {
  if (oldMiddle.length !== newMiddle.length) return null;
  let changed = 0;
  for (let i = 0; i < newMiddle.length; i++) if (oldMiddle[i]!.text !== newMiddle[i]) changed++;
  // Past the diff's edit limit it gives up and rewrites the whole middle: leave that to it.
  if (2 * changed > MAX_EDIT_LENGTH) return null;
  const oldTexts = new Set(oldMiddle.map((word) => word.text));
  const newTexts = new Set(newMiddle);
  for (let i = 0; i < newMiddle.length; i++) {
    const word = oldMiddle[i]!;
    const token = newMiddle[i]!;
    if (word.text !== token && (oldTexts.has(token) || newTexts.has(word.text))) return null;
  }
  return oldMiddle.map((word, i) => (word.text === newMiddle[i] ? word : replaceRun([word], [newMiddle[i]!])[0]!));
}

/**
 * A turn's words after its text was edited to `tokens`.
 *
 * Tokens are matched to the old words in order by a diff (Myers, via `diff`),
 * so every unchanged word keeps its object, and with it its times. Changed
 * and inserted words get times estimated inside the room their neighbours
 * leave (the span of the words they replaced, or the gap between the previous
 * kept word's end and the next one's start), by syllables. Words of a turn
 * that had no word times stay untimed; in a partly timed turn the other
 * untimed words are estimated too (marked `estimated`), since the turn is
 * being re-timed anyway. `start`/`end` are the turn's bounds,
 * used for words added at its edges. Returns `words` itself when the tokens
 * are the same.
 */
export function reviseWords(words: Word[], tokens: string[], start?: number, end?: number): Word[] {
  let prefix = 0;
  while (prefix < words.length && prefix < tokens.length && words[prefix]?.text === tokens[prefix]) prefix++;
  if (prefix === words.length && prefix === tokens.length) return words;
  let suffix = 0;
  while (
    suffix < words.length - prefix &&
    suffix < tokens.length - prefix &&
    words[words.length - 1 - suffix]?.text === tokens[tokens.length - 1 - suffix]
  ) {
    suffix++;
  }
  const oldMiddle = words.slice(prefix, words.length - suffix);
  const newMiddle = tokens.slice(prefix, tokens.length - suffix);

  const middle = substitutedWords(oldMiddle, newMiddle) ?? diffedWords(oldMiddle, newMiddle);
  const revised = [...words.slice(0, prefix), ...middle, ...words.slice(words.length - suffix)];
  return words.some(hasTime) ? retimeRevised(revised, start, end) : revised;
}

/**
 * The untimed words of a revised turn (one that had word times), estimated between their
 * timed neighbours within the turn's `start`..`end` (see reviseWords); `revised` itself
 * when every word has its times.
 */
export function retimeRevised(revised: Word[], start?: number, end?: number): Word[] {
  const from = start ?? firstKnownTime(revised) ?? 0;
  const to = end ?? lastKnownTime(revised) ?? from;
  return distributeWords(revised, from, Math.max(from, to));
}
