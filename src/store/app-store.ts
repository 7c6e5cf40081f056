import { createStore, useStore } from 'zustand';
import { temporal } from 'zundo';
import { buildTimeIndex } from '../transcript/time-index.ts';
import type { Transcript } from '../transcript/model.ts';
import { createSessionSlice, initialSession, type SessionSlice } from './session-slice.ts';
import { createPlaybackSlice, initialPlayback, type PlaybackSlice } from './playback-slice.ts';
import { createEditorSlice, initialEditor, type EditorSlice } from './editor-slice.ts';
import { createAlignmentSlice, initialAlignment, type AlignmentSlice } from './alignment-slice.ts';

export type { Notice } from './session-slice.ts';

export type AppState = SessionSlice & PlaybackSlice & EditorSlice & AlignmentSlice;

/** What undo/redo tracks: the transcript only (selection and playback are not history). */
export interface History {
  transcript: Transcript;
}

const HISTORY_LIMIT = 500;

export function initialAppState() {
  return { ...initialSession(), ...initialPlayback(), ...initialEditor(), alignment: initialAlignment() };
}

export function createAppStore() {
  const store = createStore<AppState>()(
    temporal(
      (...args) => ({
        ...createSessionSlice(...args),
        ...createPlaybackSlice(...args),
        ...createEditorSlice(...args),
        ...createAlignmentSlice(...args),
      }),
      {
        partialize: (state): History => ({ transcript: state.transcript }),
        equality: (past, current) => past.transcript === current.transcript,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  // The lookup index follows the transcript however it changed (load, edit, undo).
  store.subscribe((state, previous) => {
    if (state.transcript !== previous.transcript && state.timeIndex === previous.timeIndex) {
      store.setState({ timeIndex: buildTimeIndex(state.transcript) });
    }
  });
  // A new session is not an edit: it starts a new, empty history.
  const setSession = store.getState().setSession;
  store.setState({
    setSession: (source) => {
      const history = store.temporal.getState();
      history.pause();
      setSession(source);
      history.resume();
      history.clear();
    },
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. Components read it through `useAppStore`. */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
