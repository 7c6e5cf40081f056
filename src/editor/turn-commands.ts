import type { AppStore } from '../store/app-store.ts';
import { tokenize, turnText, type Transcript } from '../transcript/model.ts';
import { setTurnEnd, setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { setTurnSpeaker } from '../transcript/edit/set-turn-speaker.ts';
import { addSpeaker } from '../transcript/edit/add-speaker.ts';
import { editTurnText } from '../transcript/edit/edit-turn-text.ts';
import { splitTurn } from '../transcript/edit/split-turn.ts';
import { mergeTurns } from '../transcript/edit/merge-turns.ts';
import { insertTurn } from '../transcript/edit/insert-turn.ts';
import { deleteTurn } from '../transcript/edit/delete-turn.ts';
import { refuseWhileReadOnly } from './read-only.ts';

/** The edits of one turn, as the turn editor offers them. Each is one undo step. */
export interface TurnCommands {
  /** Opens the turn's text box with the caret at `caret` (a character offset in its text), else at the end. */
  openTextEditor(entryIndex: number, caret?: number): void;
  /** Opens the text box of the selected turn (F2, Enter on a selected turn). */
  editSelectedText(): void;
  closeTextEditor(): void;
  /**
   * The open text box hands over a reader of what is typed in it but not committed yet;
   * returns the function that takes it back (the box closed).
   */
  provideTextDraft(entryIndex: number, read: () => string): () => void;
  /**
   * Commits the open text box as typed and closes it, like Enter (another tab is about to
   * take the project over: the draft must be saved, not dropped with the box).
   */
  commitTextDraft(): void;
  /** Saves the text box and closes it; unchanged words keep their times. */
  saveText(entryIndex: number, text: string): void;
  /** Saves the text box and splits the turn at the caret (Ctrl+Enter, "Split here"). */
  splitAtCaret(entryIndex: number, text: string, caret: number): void;
  setTurnStart(entryIndex: number, seconds: number): void;
  setTurnEnd(entryIndex: number, seconds: number): void;
  /** `null` leaves the turn unlabelled. */
  setSpeaker(entryIndex: number, speakerId: string | null): void;
  /** Adds a speaker and gives them the turn, as one step. */
  setNewSpeaker(entryIndex: number, name: string): void;
  mergeWith(entryIndex: number, direction: 'previous' | 'next'): void;
  /** Inserts an empty turn of the same speaker below and selects it. */
  insertBelow(entryIndex: number): void;
  /** Deletes the turn and selects the one before it. */
  deleteTurn(entryIndex: number): void;
}

/** Index of the word the caret sits in or before: the split point. */
export function wordIndexAtCaret(text: string, caret: number): number {
  return tokenize(text.slice(0, caret)).length - (/\S$/u.test(text.slice(0, caret)) && /^\S/u.test(text.slice(caret)) ? 1 : 0);
}

/** The caret offset just after word `wordIndex` in `turnText` (words joined by one space). */
export function caretAfterWord(words: readonly { text: string }[], wordIndex: number): number {
  let offset = 0;
  for (let i = 0; i <= wordIndex && i < words.length; i++) offset += (i > 0 ? 1 : 0) + words[i]!.text.length;
  return offset;
}

type Edit = (operation: (transcript: Transcript) => Transcript) => boolean;

export function createTurnCommands(store: AppStore, edit: Edit): TurnCommands {
  const speechAt = (entryIndex: number) => {
    const entry = store.getState().transcript.entries[entryIndex];
    return entry?.kind === 'speech' ? entry : undefined;
  };
  const close = () => {
    if (store.getState().textEdit) store.getState().setTextEdit(null);
  };
  const withText = (t: Transcript, entryIndex: number, text: string) => {
    const turn = t.entries[entryIndex];
    return turn?.kind === 'speech' && text.trim() !== turnText(turn) ? editTurnText(t, entryIndex, text) : t;
  };
  const openTextEditor = (entryIndex: number, caret?: number) => {
    if (!speechAt(entryIndex) || refuseWhileReadOnly(store)) return;
    const state = store.getState();
    if (state.mode !== 'edit') state.setMode('edit');
    if (state.selectedEntry !== entryIndex) state.select(entryIndex);
    store.getState().setTextEdit({ entry: entryIndex, caret: caret ?? -1 });
  };

  let draft: { entry: number; read: () => string } | null = null;
  const saveText = (entryIndex: number, text: string) => {
    close();
    edit((t) => withText(t, entryIndex, text));
  };

  return {
    openTextEditor,
    editSelectedText: () => openTextEditor(store.getState().selectedEntry),
    closeTextEditor: close,
    provideTextDraft(entryIndex, read) {
      const mine = { entry: entryIndex, read };
      draft = mine;
      return () => {
        if (draft === mine) draft = null;
      };
    },
    commitTextDraft() {
      const open = store.getState().textEdit;
      if (!open || !draft || draft.entry !== open.entry) return;
      saveText(open.entry, draft.read());
    },
    saveText,
    splitAtCaret(entryIndex, text, caret) {
      close();
      edit((t) => splitTurn(withText(t, entryIndex, text), entryIndex, wordIndexAtCaret(text, caret)));
    },
    setTurnStart: (entryIndex, seconds) => void edit((t) => setTurnStart(t, entryIndex, seconds)),
    setTurnEnd: (entryIndex, seconds) => void edit((t) => setTurnEnd(t, entryIndex, seconds)),
    setSpeaker: (entryIndex, speakerId) => void edit((t) => setTurnSpeaker(t, entryIndex, speakerId)),
    setNewSpeaker(entryIndex, name) {
      const trimmed = name.trim();
      if (!trimmed) return;
      edit((t) => {
        const added = addSpeaker(t, trimmed);
        return setTurnSpeaker(added, entryIndex, added.speakers[added.speakers.length - 1]!.id);
      });
    },
    mergeWith(entryIndex, direction) {
      close();
      if (edit((t) => mergeTurns(t, entryIndex, direction)) && direction === 'previous') store.getState().select(entryIndex - 1);
    },
    insertBelow(entryIndex) {
      close();
      const turn = speechAt(entryIndex);
      if (edit((t) => insertTurn(t, entryIndex, { speakerId: turn?.speakerId ?? null }))) store.getState().select(entryIndex + 1);
    },
    deleteTurn(entryIndex) {
      close();
      if (edit((t) => deleteTurn(t, entryIndex))) store.getState().select(Math.max(0, entryIndex - 1));
    },
  };
}
