import type { StateCreator } from 'zustand';
import type { Transcript } from '../transcript/model.ts';
import type { AppState } from './app-store.ts';

export type Mode = 'read' | 'edit';

/** The text box of a turn is open: which entry, and where its caret goes when it opens (-1: at the end). */
export interface TextEdit {
  entry: number;
  caret: number;
}

export interface EditorSlice {
  mode: Mode;
  /** Entry index of the selected turn in editor mode, -1 for none. */
  selectedEntry: number;
  /** Which boundary of the selected turn Alt+←/→ nudges. */
  selectedEdge: 'start' | 'end';
  /** True when the transcript has changes that were not exported. */
  dirty: boolean;
  /** The open text box, null when none is open. Editor commands open and close it. */
  textEdit: TextEdit | null;
  setMode(mode: Mode): void;
  select(entryIndex: number, edge?: 'start' | 'end'): void;
  setTextEdit(textEdit: TextEdit | null): void;
  /** Replaces the transcript as one undoable step. Only editor commands call this. */
  commitTranscript(transcript: Transcript): void;
  markExported(): void;
}

export function initialEditor() {
  return { mode: 'read' as Mode, selectedEntry: -1, selectedEdge: 'start' as const, dirty: false, textEdit: null as TextEdit | null };
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => ({
  ...initialEditor(),
  // Leaving editor mode or selecting another turn closes the text box.
  setMode: (mode) => set(mode === 'edit' ? { mode } : { mode, textEdit: null }),
  select: (entryIndex, edge) =>
    set((state) => ({
      selectedEntry: entryIndex,
      ...(edge ? { selectedEdge: edge } : {}),
      ...(state.textEdit && state.textEdit.entry !== entryIndex ? { textEdit: null } : {}),
    })),
  setTextEdit: (textEdit) => set({ textEdit }),
  commitTranscript: (transcript) => {
    if (transcript !== get().transcript) set({ transcript, dirty: true });
  },
  markExported: () => set({ dirty: false }),
});
