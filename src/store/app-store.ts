import { createStore, useStore } from 'zustand';
import { emptyTranscript, type Transcript } from '../transcript/model.ts';
import { buildTimeIndex, type TimeIndex } from '../transcript/time-index.ts';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface SessionState {
  transcript: Transcript;
  /** Derived from `transcript`; rebuilt whenever it changes. */
  timeIndex: TimeIndex;
  /** Display name of the loaded transcript file. */
  transcriptName: string;
  /** Label of the format the transcript was read as. */
  formatLabel: string;
  audioName: string;
  audioUrl: string;
  notices: Notice[];
}

export interface PlaybackState {
  /** Speech-turn index of the turn playing now, -1 for none. */
  activeTurn: number;
  /** Word index inside the active turn, -1 for none. */
  activeWord: number;
  playing: boolean;
  duration: number;
  rate: number;
  /** False while the user has scrolled away from the playing turn. */
  following: boolean;
}

export interface AppActions {
  setSession(session: {
    transcript: Transcript;
    transcriptName: string;
    formatLabel: string;
    audioName?: string;
    audioUrl?: string;
  }): void;
  setTranscript(transcript: Transcript): void;
  setActive(turn: number, word: number): void;
  setPlaying(playing: boolean): void;
  setDuration(duration: number): void;
  setRate(rate: number): void;
  setFollowing(following: boolean): void;
  notify(kind: Notice['kind'], text: string): number;
  dismiss(id: number): void;
}

export type AppState = SessionState & PlaybackState & AppActions;

let nextNoticeId = 1;

export function initialAppState(): SessionState & PlaybackState {
  const transcript = emptyTranscript();
  return {
    transcript,
    timeIndex: buildTimeIndex(transcript),
    transcriptName: '',
    formatLabel: '',
    audioName: '',
    audioUrl: '',
    notices: [],
    activeTurn: -1,
    activeWord: -1,
    playing: false,
    duration: 0,
    rate: 1,
    following: true,
  };
}

export function createAppStore() {
  return createStore<AppState>()((set, get) => ({
    ...initialAppState(),
    setSession: ({ transcript, transcriptName, formatLabel, audioName, audioUrl }) =>
      set((state) => ({
        transcript,
        timeIndex: buildTimeIndex(transcript),
        transcriptName,
        formatLabel,
        audioName: audioName ?? state.audioName,
        audioUrl: audioUrl ?? state.audioUrl,
        activeTurn: -1,
        activeWord: -1,
        following: true,
      })),
    setTranscript: (transcript) => set({ transcript, timeIndex: buildTimeIndex(transcript) }),
    setActive: (turn, word) => {
      const state = get();
      if (state.activeTurn !== turn || state.activeWord !== word) set({ activeTurn: turn, activeWord: word });
    },
    setPlaying: (playing) => set({ playing }),
    setDuration: (duration) => set({ duration }),
    setRate: (rate) => set({ rate }),
    setFollowing: (following) => {
      if (get().following !== following) set({ following });
    },
    notify: (kind, text) => {
      const id = nextNoticeId++;
      // The newest notice first; keep a handful so old ones do not pile up.
      set((state) => ({ notices: [{ id, kind, text }, ...state.notices].slice(0, 4) }));
      return id;
    },
    dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's one store. Components read it through `useAppStore`. */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
