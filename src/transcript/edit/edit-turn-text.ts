import { wordsFromParagraphText, type Entry, type Transcript, type Word } from '../model.ts';
import { makeWord } from './make-word.ts';
import { patchEntry } from './patch-entry.ts';
import { reviseWords } from './revise-words.ts';
import { spliceEntries } from './splice-entries.ts';

/** The entry with its text replaced; words matched by reviseWords. Returns `entry` itself when the text is unchanged. */
export function withText(entry: Entry, text: string): Entry {
  if (entry.kind === 'event') {
    const trimmed = text.trim();
    return trimmed === entry.text ? entry : patchEntry(entry, { text: trimmed });
  }
  const edited = wordsFromParagraphText(text);
  const revised = reviseWords(entry.words, edited.map((word) => word.text), entry.start, entry.end);
  const words = withParagraphs(revised, edited);
  return words === entry.words ? entry : patchEntry(entry, { words });
}

/** `words` with the paragraph flags of `edited` (same length); unchanged words keep their objects. */
function withParagraphs(words: Word[], edited: Word[]): Word[] {
  let changed = false;
  const flagged = words.map((word, index) => {
    const paragraph = edited[index]?.paragraph === true;
    if ((word.paragraph === true) === paragraph) return word;
    changed = true;
    return makeWord(word.text, word.start, word.end, word.timing, word.confidence, paragraph);
  });
  return changed ? flagged : words;
}

/**
 * Replaces the text of an entry. For a speech turn, words whose text did not
 * change keep their times (and identity); changed and new words get times
 * estimated between their kept neighbours; an untimed turn stays untimed.
 * A line break in `newText` starts a paragraph at the word after it (Shift+Enter in the editor).
 * For an event the text is replaced as is. Returns `transcript` itself for a
 * bad index or unchanged text.
 */
export function editTurnText(transcript: Transcript, entryIndex: number, newText: string): Transcript {
  const entry = transcript.entries[entryIndex];
  if (entry === undefined) return transcript;
  const next = withText(entry, newText);
  return next === entry ? transcript : spliceEntries(transcript, entryIndex, 1, next);
}
