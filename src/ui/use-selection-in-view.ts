import { useEffect } from 'react';
import { useStoreApi } from './app-context.ts';

/** In editor mode, the selected turn scrolls into view when the selection moves (keys, regions, tap-sync). */
export function useSelectionInView(scrollToEntry: (entryIndex: number) => void): void {
  const appStore = useStoreApi();
  useEffect(
    () =>
      appStore.subscribe((state, previous) => {
        if (state.mode !== 'edit' || state.selectedEntry === previous.selectedEntry || state.selectedEntry < 0) return;
        scrollToEntry(state.selectedEntry);
      }),
    [appStore, scrollToEntry],
  );
}
