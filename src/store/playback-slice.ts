import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export interface PlaybackSlice {
  /** Speech-turn index of the turn playing now, -1 for none. */
  activeTurn: number;
  /** Word index inside the active turn, -1 for none. */
  activeWord: number;
  playing: boolean;
  duration: number;
  rate: number;
  /** False while the user has scrolled away from the playing turn. */
  following: boolean;
  /** Changes the store only when the turn or word actually changes. */
  setActive(turn: number, word: number): void;
  setPlaying(playing: boolean): void;
  setDuration(duration: number): void;
  setRate(rate: number): void;
  setFollowing(following: boolean): void;
}

export function initialPlayback() {
  return { activeTurn: -1, activeWord: -1, playing: false, duration: 0, rate: 1, following: true };
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  ...initialPlayback(),
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
});
