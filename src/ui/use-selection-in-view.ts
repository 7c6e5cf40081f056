import { useEffect } from 'react';
import { appStore } from '../store/app-store.ts';

/** In editor mode, the selected turn scrolls into view when the selection moves (keys, regions, tap-sync). */
export function useSelectionInView(scrollToEntry: (entryIndex: number) => void): void {
  useEffect(
    () =>
      appStore.subscribe((state, previous) => {
        if (state.mode !== 'edit' || state.selectedEntry === previous.selectedEntry || state.selectedEntry < 0) return;
        scrollToEntry(state.selectedEntry);
      }),
    [scrollToEntry],
  );
}
