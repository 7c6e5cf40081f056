import { tokenize, type Entry, type SpeechTurn, type Transcript, type Word } from '../model.ts';
import { withText } from './edit-turn-text.ts';
import { makeWord } from './make-word.ts';
import { patchEntry } from './patch-entry.ts';
import { retimeRevised } from './revise-words.ts';

export interface FindOptions {
  caseSensitive?: boolean;
  /** Match only whole words: the match may not start or end inside a word. */
  wholeWord?: boolean;
  /** Treat `find` as a JavaScript regular expression; `replace` may then use `$1`, `$<name>`, `$&`. */
  regex?: boolean;
}

/** One match, located in the entry's text as the editor shows it (tokens joined by single spaces). */
export interface FindMatch {
  entryIndex: number;
  /** First word touched by the match. */
  wordStart: number;
  /** One past the last word touched by the match. */
  wordEnd: number;
  /** Character range of the match in the entry's single-spaced text, for highlighting inside words. */
  charStart: number;
  charEnd: number;
}

const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;

/** The search pattern, or an error message; `undefined` pattern for an empty search. */
function compile(find: string, options: FindOptions): { regExp?: RegExp; error?: string } {
  // A literal search is matched against single-spaced text, so its own spacing is normalised the same way.
  const source = options.regex ? find : tokenize(find).join(' ').replace(/[\^$\\.*+?()[\]{}|/]/gu, '\\$&');
  if (source.length === 0) return {};
  const bounded = options.wholeWord ? `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})` : source;
  try {
    return { regExp: new RegExp(bounded, options.caseSensitive ? 'gu' : 'giu') };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Why `find` cannot be searched for (an invalid regular expression), or `undefined` when it can. */
export function findError(find: string, options: FindOptions = {}): string | undefined {
  return compile(find, options).error;
}

function tokensOf(entry: Entry): string[] {
  return entry.kind === 'speech' ? entry.words.map((word) => word.text) : tokenize(entry.text);
}

/**
 * The entry's single-spaced text, joined once per entry object: edits share every
 * untouched entry, so searching again after an edit (the find panel counts matches after
 * every change) joins only the entries that changed.
 */
const textByEntry = new WeakMap<Entry, string>();
function searchText(entry: Entry): string {
  let text = textByEntry.get(entry);
  if (text === undefined) {
    text = tokensOf(entry).join(' ');
    textByEntry.set(entry, text);
  }
  return text;
}

/** Non-empty matches of `regExp` in `text`, in order; empty matches (e.g. of `a*`) are skipped. */
function* nonEmptyMatches(regExp: RegExp, text: string): Generator<RegExpExecArray> {
  regExp.lastIndex = 0;
  for (let match = regExp.exec(text); match !== null; match = regExp.exec(text)) {
    if (match[0].length === 0) {
      regExp.lastIndex = match.index + 1;
      continue;
    }
    yield match;
  }
}

/**
 * Every match of `find` across all entries (speech turns and events), in
 * document order, each with its entry index, the word range it touches and
 * its character range. A match may span several words. Returns `[]` for an
 * empty or invalid search (see findError).
 */
export function findMatches(transcript: Transcript, find: string, options: FindOptions = {}): FindMatch[] {
  const { regExp } = compile(find, options);
  if (regExp === undefined) return [];
  const matches: FindMatch[] = [];
  transcript.entries.forEach((entry, entryIndex) => {
    const text = searchText(entry);
    regExp.lastIndex = 0;
    if (!regExp.test(text)) return;
    const tokens = tokensOf(entry);
    let word = 0;
    let wordOffset = 0;
    for (const match of nonEmptyMatches(regExp, text)) {
      const charStart = match.index;
      const charEnd = match.index + match[0].length;
      // Matches come in order, so one forward walk over the words locates them all.
      // The first word is the one holding charStart (or the next one when charStart is on a space).
      while (word < tokens.length - 1 && wordOffset + (tokens[word]?.length ?? 0) <= charStart) {
        wordOffset += (tokens[word]?.length ?? 0) + 1;
        word++;
      }
      const wordStart = word;
      // The last word is the last one that starts before charEnd.
      let endWord = word;
      let endOffset = wordOffset;
      while (endWord < tokens.length - 1 && endOffset + (tokens[endWord]?.length ?? 0) + 1 < charEnd) {
        endOffset += (tokens[endWord]?.length ?? 0) + 1;
        endWord++;
      }
      matches.push({ entryIndex, wordStart, wordEnd: endWord + 1, charStart, charEnd });
    }
  });
  return matches;
}

/** JavaScript's replacement patterns (`$$`, `$&`, `` $` ``, `$'`, `$1`, `$<name>`) for one match. */
function expand(template: string, match: RegExpExecArray, input: string): string {
  return template.replace(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/gu, (whole, token: string, name: string | undefined) => {
    if (token === '$') return '$';
    if (token === '&') return match[0];
    if (token === '`') return input.slice(0, match.index);
    if (token === "'") return input.slice(match.index + match[0].length);
    if (name !== undefined) return match.groups?.[name] ?? '';
    const group = Number(token);
    if (group >= 1 && group < match.length) return match[group] ?? '';
    const single = Number(token[0]);
    if (token.length === 2 && single >= 1 && single < match.length) return (match[single] ?? '') + token.slice(1);
    return whole;
  });
}

/** Offsets in the single-spaced text of the spaces before paragraph-starting words; empty for most turns. */
function paragraphBreaks(entry: Entry): number[] {
  if (entry.kind !== 'speech' || !entry.words.some((word) => word.paragraph)) return [];
  const breaks: number[] = [];
  let offset = 0;
  entry.words.forEach((word, index) => {
    if (index > 0 && word.paragraph) breaks.push(offset - 1);
    offset += word.text.length + 1;
  });
  return breaks;
}

/** `text.slice(from, to)` with the paragraph breaks in it as line breaks again, which is how the edited text keeps them. */
function keepBreaks(text: string, from: number, to: number, breaks: readonly number[]): string {
  let out = '';
  let at = from;
  for (const offset of breaks) {
    if (offset < from || offset >= to) continue;
    out += `${text.slice(at, offset)}\n`;
    at = offset + 1;
  }
  return out + text.slice(at, to);
}

/**
 * Replaces every match of `find` in every entry. A literal word replaced by a literal
 * word is substituted in each word where it stands; otherwise each changed speech turn is
 * re-tokenised with the same word diff as editTurnText. Either way unchanged words
 * keep their times and replaced words take the times of what they replaced.
 * Unchanged entries keep their identity. `count` is the number of matches
 * replaced; with 0 the transcript itself is returned. Paragraph breaks outside the
 * matches stay where they were.
 */
export function findReplace(transcript: Transcript, find: string, replace: string, options: FindOptions = {}): { transcript: Transcript; count: number } {
  const { regExp } = compile(find, options);
  if (regExp === undefined) return { transcript, count: 0 };
  let count = 0;
  let changed = false;
  // A literal word for a literal word (no space on either side): no match can cross a space,
  // so each word is replaced where it stands and the turn needs no re-tokenising.
  const inPlace = !options.regex && tokenize(find).length === 1 && replace.length > 0 && !/\s/u.test(replace);
  const entries = transcript.entries.map((entry) => {
    const text = searchText(entry);
    regExp.lastIndex = 0;
    if (!regExp.test(text)) return entry;
    if (inPlace && entry.kind === 'speech') {
      const result = replaceInWords(entry, regExp, replace);
      count += result.count;
      if (result.turn !== entry) changed = true;
      return result.turn;
    }
    const breaks = paragraphBreaks(entry);
    let replaced = '';
    let last = 0;
    for (const match of nonEmptyMatches(regExp, text)) {
      replaced += keepBreaks(text, last, match.index, breaks) + (options.regex ? expand(replace, match, text) : replace);
      last = match.index + match[0].length;
      count++;
    }
    if (last === 0) return entry;
    const next = withText(entry, replaced + keepBreaks(text, last, text.length, breaks));
    if (next !== entry) changed = true;
    return next;
  });
  return { transcript: changed ? { ...transcript, entries } : transcript, count };
}

/**
 * Replaces every match of `regExp` inside the turn's words by `replace`, word by word: a
 * changed word keeps its times and paragraph flag (not its confidence, which was about the
 * old text), untouched words keep their objects. What editTurnText's diff gives for a
 * one-for-one substitution, without joining, re-tokenising and diffing the turn.
 */
function replaceInWords(turn: SpeechTurn, regExp: RegExp, replace: string): { turn: SpeechTurn; count: number } {
  let count = 0;
  let words: Word[] | null = null;
  turn.words.forEach((word, index) => {
    let text = '';
    let last = 0;
    for (const match of nonEmptyMatches(regExp, word.text)) {
      text += word.text.slice(last, match.index) + replace;
      last = match.index + match[0].length;
      count++;
    }
    if (last === 0) return;
    text += word.text.slice(last);
    if (text === word.text) return;
    words ??= turn.words.slice();
    words[index] = makeWord(text, word.start, word.end, word.timing, undefined, word.paragraph);
  });
  if (!words) return { turn, count };
  const timed = turn.words.some((word) => word.start !== undefined || word.end !== undefined);
  return { turn: patchEntry(turn, { words: timed ? retimeRevised(words, turn.start, turn.end) : words }), count };
}
