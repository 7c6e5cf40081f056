import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useStoreApi } from './app-context.ts';

/** The rendered row of an entry, if it is in the DOM (rows are virtualized). */
export function rowElement(list: HTMLElement | null, entryIndex: number): HTMLElement | null {
  return entryIndex >= 0 && list ? list.querySelector<HTMLElement>(`[data-entry-index="${entryIndex}"]`) : null;
}

/**
 * Word `index` of a turn's text. The text's children are its words, with a paragraph break's
 * marker among them where the turn has breaks: the child at `index` is tried first, then the
 * word is looked up by its index.
 */
function wordElement(text: Element | null, index: number): Element | null {
  const child = text?.children[index];
  if (!text || (child instanceof HTMLElement && child.dataset.wordIndex === String(index))) return child ?? null;
  return text.querySelector(`[data-word-index="${index}"]`);
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
      target = wordElement(row?.querySelector('.turn__text') ?? null, activeWord);
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
