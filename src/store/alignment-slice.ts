import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export type AlignmentStatus = 'idle' | 'running' | 'done' | 'failed';

export interface AlignmentSlice {
  alignment: {
    status: AlignmentStatus;
    /** 0..1 of the whole job. */
    fraction: number;
    /** Seconds left, null while unknown. */
    etaSec: number | null;
    stage: string;
    /** The outcome or failure, in a sentence. */
    message: string;
  };
  setAlignment(patch: Partial<AlignmentSlice['alignment']>): void;
}

export function initialAlignment(): AlignmentSlice['alignment'] {
  return { status: 'idle', fraction: 0, etaSec: null, stage: '', message: '' };
}

export const createAlignmentSlice: StateCreator<AppState, [], [], AlignmentSlice> = (set) => ({
  alignment: initialAlignment(),
  setAlignment: (patch) => set((state) => ({ alignment: { ...state.alignment, ...patch } })),
});
