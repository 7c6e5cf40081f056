import { createContext, useContext } from 'react';

/** Starts and cancels alignment; provided by the app, null until it exists. */
export interface AlignmentActions {
  start(options?: { fromEntry?: number; language?: string }): void;
  cancel(): void;
}

export const AlignmentContext = createContext<AlignmentActions | null>(null);

export function useAlignment(): AlignmentActions | null {
  return useContext(AlignmentContext);
}
