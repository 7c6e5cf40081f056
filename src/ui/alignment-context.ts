import { useContext } from 'react';
import { AppContext, type AlignmentActions } from './app-context.ts';

export type { AlignmentActions } from './app-context.ts';

export function useAlignment(): AlignmentActions | null {
  return useContext(AppContext)?.alignment ?? null;
}
