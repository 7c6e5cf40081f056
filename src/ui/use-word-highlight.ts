import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useStoreApi } from './app-context.ts';

/** The rendered row of an entry, if it is in the DOM (rows are virtualized). */
export function rowElement(list: HTMLElement | null, entryIndex: number): HTMLElement | null {
  return entryIndex >= 0 && list ? list.querySelector<HTMLElement>(`[data-entry-index="${entryIndex}"]`) : null;
}

/**
 * Marks the active word with `aria-current` by touching one or two DOM
 * attributes, so word changes (several per second) never re-render React.
 * Returns `refresh`, to call after rows mount (virtualization brings rows
 * in and out of the DOM).
 */
export function useWordHighlight(listRef: RefObject<HTMLElement | null>): () => void {
  const appStore = useStoreApi();
  const marked = useRef<Element | null>(null);

  const refresh = useCallback(() => {
    const { activeTurn, activeWord, timeIndex } = appStore.getState();
    let target: Element | null = null;
    if (activeTurn >= 0 && activeWord >= 0) {
      const row = rowElement(listRef.current, timeIndex.turnEntry[activeTurn] ?? -1);
      target = row?.querySelector('.turn__text')?.children[activeWord] ?? null;
    }
    const current = marked.current;
    if (target === current && target?.getAttribute('aria-current') === 'true') return;
    current?.removeAttribute('aria-current');
    target?.setAttribute('aria-current', 'true');
    marked.current = target;
  }, [appStore, listRef]);

  useEffect(() => {
    refresh();
    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.activeWord !== previous.activeWord || state.activeTurn !== previous.activeTurn) refresh();
    });
    return () => {
      unsubscribe();
      marked.current?.removeAttribute('aria-current');
      marked.current = null;
    };
  }, [appStore, refresh]);

  return refresh;
}
