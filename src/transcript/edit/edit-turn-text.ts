import { tokenize, type Entry, type Transcript } from '../model.ts';
import { patchEntry } from './patch-entry.ts';
import { reviseWords } from './revise-words.ts';
import { spliceEntries } from './splice-entries.ts';

/** The entry with its text replaced; words matched by reviseWords. Returns `entry` itself when the text is unchanged. */
export function withText(entry: Entry, text: string): Entry {
  if (entry.kind === 'event') {
    const trimmed = text.trim();
    return trimmed === entry.text ? entry : patchEntry(entry, { text: trimmed });
  }
  const words = reviseWords(entry.words, tokenize(text), entry.start, entry.end);
  return words === entry.words ? entry : patchEntry(entry, { words });
}

/**
 * Replaces the text of an entry. For a speech turn, words whose text did not
 * change keep their times (and identity); changed and new words get times
 * estimated between their kept neighbours; an untimed turn stays untimed.
 * For an event the text is replaced as is. Returns `transcript` itself for a
 * bad index or unchanged text.
 */
export function editTurnText(transcript: Transcript, entryIndex: number, newText: string): Transcript {
  const entry = transcript.entries[entryIndex];
  if (entry === undefined) return transcript;
  const next = withText(entry, newText);
  return next === entry ? transcript : spliceEntries(transcript, entryIndex, 1, next);
}
