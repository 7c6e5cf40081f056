import { useEffect, type RefObject } from 'react';
import { appStore } from '../store/app-store.ts';

/** In editor mode, the selected turn scrolls into view when the selection moves (keys, regions, tap-sync). */
export function useSelectionInView(listRef: RefObject<HTMLElement | null>): void {
  useEffect(
    () =>
      appStore.subscribe((state, previous) => {
        if (state.mode !== 'edit' || state.selectedEntry === previous.selectedEntry || state.selectedEntry < 0) return;
        const row = listRef.current?.children[state.selectedEntry];
        // After React has committed the selection styles.
        requestAnimationFrame(() => row?.scrollIntoView?.({ block: 'nearest' }));
      }),
    [listRef],
  );
}
