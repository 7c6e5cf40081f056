import { useLayoutEffect, type RefObject } from 'react';
import { appStore, useAppStore } from '../store/app-store.ts';

/**
 * Marks the active word with `aria-current` by touching one or two DOM
 * attributes, so word changes (several per second) never re-render React.
 * Rows are the list's children in entry order; words are a row's text children.
 */
export function useWordHighlight(listRef: RefObject<HTMLElement | null>): void {
  const transcript = useAppStore((state) => state.transcript);

  useLayoutEffect(() => {
    let marked: Element | null = null;
    const apply = () => {
      const { activeTurn, activeWord, timeIndex } = appStore.getState();
      const list = listRef.current;
      let target: Element | null = null;
      if (list && activeTurn >= 0 && activeWord >= 0) {
        const row = list.children[timeIndex.turnEntry[activeTurn] ?? -1];
        target = row?.querySelector('.turn__text')?.children[activeWord] ?? null;
      }
      if (target === marked) return;
      marked?.removeAttribute('aria-current');
      target?.setAttribute('aria-current', 'true');
      marked = target;
    };
    apply();
    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.activeWord !== previous.activeWord || state.activeTurn !== previous.activeTurn) apply();
    });
    return () => {
      unsubscribe();
      marked?.removeAttribute('aria-current');
    };
    // Re-run after the rows for a new transcript are committed.
  }, [listRef, transcript]);
}
