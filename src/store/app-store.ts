import { createStore } from 'zustand';
import { temporal } from 'zundo';
import { deriveTimeIndex } from './derive-time-index.ts';
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
    // Outside `temporal`, so undo and redo (which write through it) carry the index too.
    deriveTimeIndex(
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
    ),
  );
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

/** One per app object (see src/app/create-verbatim.ts); tests create their own. */
export type AppStore = ReturnType<typeof createAppStore>;
