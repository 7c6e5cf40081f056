import type { StateCreator } from 'zustand';
import type { Transcript } from '../transcript/model.ts';
import type { AppState } from './app-store.ts';

export type Mode = 'read' | 'edit';

export interface EditorSlice {
  mode: Mode;
  /** Entry index of the selected turn in editor mode, -1 for none. */
  selectedEntry: number;
  /** Which boundary of the selected turn Alt+←/→ nudges. */
  selectedEdge: 'start' | 'end';
  /** True when the transcript has changes that were not exported. */
  dirty: boolean;
  setMode(mode: Mode): void;
  select(entryIndex: number, edge?: 'start' | 'end'): void;
  /** Replaces the transcript as one undoable step. Only editor commands call this. */
  commitTranscript(transcript: Transcript): void;
  markExported(): void;
}

export function initialEditor() {
  return { mode: 'read' as Mode, selectedEntry: -1, selectedEdge: 'start' as const, dirty: false };
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => ({
  ...initialEditor(),
  setMode: (mode) => set({ mode }),
  select: (entryIndex, edge) => set({ selectedEntry: entryIndex, ...(edge ? { selectedEdge: edge } : {}) }),
  commitTranscript: (transcript) => {
    if (transcript !== get().transcript) set({ transcript, dirty: true });
  },
  markExported: () => set({ dirty: false }),
});
