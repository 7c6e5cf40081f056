/**
 * The embed's read-along over rendered markup: highlights the active turn and
 * word from the one media element, follows them with a manual-scroll override,
 * plays from a clicked (or Enter-ed) word or turn, and plays passages to their end.
 * The media element is the only clock; the DOM is touched only when the active
 * turn or word changes.
 *
 * One module on purpose: highlighting, following and passage playback share the media
 * element's listeners and the scroll-ownership state; apart they would have to sync them.
 */
import { activeTurnAt, activeWordAt, lastAtOrBefore, type TimeIndex } from '../transcript/time-index.ts';
import { createScrollOwnership } from '../ui/scroll-ownership.ts';
import { followTarget, smoothFollow } from './follow-scroll.ts';
import type { Passage } from './passage-fragment.ts';

export interface ReadAlongCallbacks {
  /** The audio time moved (each frame while playing, and on seeks). */
  time(time: number): void;
  /** The active turn or word changed; -1 for none. */
  active(turn: number, word: number): void;
  /** Following paused (the reader scrolled away) or resumed. */
  following(on: boolean): void;
}

export interface ReadAlongParts {
  audio: HTMLAudioElement;
  scroller: HTMLElement;
  list: HTMLElement;
}

/** Keys that scroll a focused scroller: the reader moving by keyboard. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);

function seconds(element: Element | null | undefined, name: 'start' | 'end'): number | undefined {
  const raw = element?.getAttribute(`data-${name}`);
  if (raw === null || raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function createReadAlong(parts: ReadAlongParts, index: TimeIndex, callbacks: ReadAlongCallbacks) {
  const { audio, scroller, list } = parts;
  const turns = Array.from(list.querySelectorAll<HTMLElement>('.vp-turn'));
  const wordCache = new Map<number, HTMLElement[]>();
  const ownership = createScrollOwnership();
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const cleanups: (() => void)[] = [];
  let activeTurn = -1;
  let activeWord = -1;
  let markedTurn: HTMLElement | undefined;
  let markedWord: HTMLElement | undefined;
  let following = true;
  let passageEnd: number | undefined;
  let passageWords: HTMLElement[] = [];
  let frame = 0;

  const wordsOf = (turn: number): HTMLElement[] => {
    let words = wordCache.get(turn);
    if (!words) {
      words = Array.from(turns[turn]?.querySelectorAll<HTMLElement>('.vp-word') ?? []);
      wordCache.set(turn, words);
    }
    return words;
  };

  const listen = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions) => {
    target.addEventListener(type, handler, options);
    cleanups.push(() => target.removeEventListener(type, handler, options));
  };

  const follow = (turn: number, force: boolean) => {
    const row = turns[turn];
    if (!row) return;
    const target = followTarget(
      { rowTop: row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop, rowHeight: row.offsetHeight, viewHeight: scroller.clientHeight, scrollTop: scroller.scrollTop, scrollHeight: scroller.scrollHeight },
      force,
    );
    if (target === undefined) return;
    // A forced jump ("Back to current", a passage) is instant and then settled, since
    // the rows it passes may change size on the way (see settle).
    const smooth = !force && smoothFollow(target, scroller.scrollTop, scroller.clientHeight, reducedMotion);
    ownership.claim(target, smooth);
    scroller.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
    if (force && !settling) settle(turn);
  };

  /**
   * Turns off screen have estimated heights (`content-visibility: auto`); the ones a
   * jump brings into view then take their real size and push the target away, so a
   * far jump is corrected once the browser has rendered them.
   */
  let settling = false;
  const settle = (turn: number, frames = 12, stable = 0) => {
    requestAnimationFrame(() => {
      if (!following) return;
      const before = scroller.scrollTop;
      settling = true;
      follow(turn, true);
      settling = false;
      const still = Math.abs(scroller.scrollTop - before) < 2 ? stable + 1 : 0;
      if (frames > 1 && still < 3) settle(turn, frames - 1, still);
    });
  };

  const setFollowing = (on: boolean) => {
    if (on === following) return;
    following = on;
    callbacks.following(on);
  };

  /** The active turn, or in a gap the last turn that started before now. */
  const nearestTurn = (): number => {
    if (activeTurn >= 0) return activeTurn;
    const before = lastAtOrBefore(index.starts, audio.currentTime);
    return before >= 0 ? index.turnAt[before]! : (index.turnAt[0] ?? -1);
  };

  const update = () => {
    const time = audio.currentTime;
    if (passageEnd !== undefined && time >= passageEnd) {
      passageEnd = undefined;
      audio.pause();
    }
    const turn = activeTurnAt(index, time);
    const word = activeWordAt(index, turn, time);
    if (turn !== activeTurn || word !== activeWord) {
      const turnChanged = turn !== activeTurn;
      activeTurn = turn;
      activeWord = word;
      const turnElement = turns[turn];
      if (turnElement !== markedTurn) {
        markedTurn?.removeAttribute('aria-current');
        turnElement?.setAttribute('aria-current', 'true');
        markedTurn = turnElement;
      }
      const wordElement = turn >= 0 && word >= 0 ? wordsOf(turn)[word] : undefined;
      if (wordElement !== markedWord) {
        markedWord?.removeAttribute('aria-current');
        wordElement?.setAttribute('aria-current', 'true');
        markedWord = wordElement;
      }
      if (turnChanged && following && turn >= 0) follow(turn, false);
      callbacks.active(turn, word);
    }
    callbacks.time(time);
  };

  const tick = () => {
    update();
    frame = audio.paused ? 0 : requestAnimationFrame(tick);
  };
  const startTicking = () => {
    if (!frame) frame = requestAnimationFrame(tick);
  };

  // Frames come late on a busy page; a timer set for the passage's end stops it on time too.
  let stopTimer = 0;
  const armPassageStop = () => {
    clearTimeout(stopTimer);
    if (passageEnd === undefined || audio.paused) return;
    const wait = ((passageEnd - audio.currentTime) / (audio.playbackRate || 1)) * 1000;
    stopTimer = window.setTimeout(() => {
      update();
      armPassageStop();
    }, Math.max(0, wait));
  };

  const clearPassage = () => {
    clearTimeout(stopTimer);
    passageEnd = undefined;
    for (const word of passageWords) word.classList.remove('vp-passage');
    passageWords = [];
  };

  const playFrom = (time: number) => {
    clearPassage();
    audio.currentTime = time;
    setFollowing(true);
    update();
    void audio.play().catch(() => undefined);
  };

  const wordElements = (): HTMLElement[] => Array.from(list.querySelectorAll<HTMLElement>('.vp-word'));

  const focusWord = (word: HTMLElement | undefined) => {
    if (!word) return;
    word.tabIndex = -1;
    word.focus({ preventScroll: false });
  };

  let selectionAnchor: HTMLElement | undefined;
  let selectionFocus: HTMLElement | undefined;
  const extendSelection = (from: HTMLElement, step: 1 | -1) => {
    const all = wordElements();
    const selection = window.getSelection();
    if (!selection) return;
    const collapsed = selection.isCollapsed || !selectionAnchor || !selectionFocus;
    if (collapsed) selectionAnchor = selectionFocus = from;
    else selectionFocus = all[Math.max(0, Math.min(all.length - 1, all.indexOf(selectionFocus!) + step))]!;
    const [first, last] = all.indexOf(selectionAnchor!) <= all.indexOf(selectionFocus!) ? [selectionAnchor!, selectionFocus!] : [selectionFocus!, selectionAnchor!];
    const range = document.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    selection.removeAllRanges();
    selection.addRange(range);
    focusWord(selectionFocus);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (SCROLL_KEYS.has(event.key)) ownership.release();
    const isWord = target.classList.contains('vp-word');
    if (event.key === 'Enter' && isWord) {
      const start = seconds(target, 'start') ?? seconds(target.closest('.vp-turn'), 'start');
      if (start !== undefined) {
        event.preventDefault();
        playFrom(start);
      }
      return;
    }
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.shiftKey && isWord) {
      // Shift+arrows select word by word: the keyboard way to pick a passage to link to.
      event.preventDefault();
      extendSelection(target, event.key === 'ArrowRight' ? 1 : -1);
      return;
    }
    if (event.shiftKey) return;
    // Arrows walk word by word, so a keyboard user can pick any word without tens of thousands of tab stops.
    event.preventDefault();
    if (!isWord) {
      const top = scroller.getBoundingClientRect().top;
      focusWord(markedWord ?? turns.find((turn) => turn.getBoundingClientRect().bottom > top)?.querySelector<HTMLElement>('.vp-word') ?? undefined);
      return;
    }
    const all = wordElements();
    const at = all.indexOf(target);
    focusWord(all[event.key === 'ArrowRight' ? Math.min(all.length - 1, at + 1) : Math.max(0, at - 1)]);
  };

  const onClick = (event: MouseEvent) => {
    // A drag that selected text is a selection, not a seek.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && list.contains(selection.anchorNode)) return;
    const target = (event.target as Element).closest('[data-start], .vp-word');
    if (!target || !list.contains(target)) return;
    const start = seconds(target, 'start') ?? seconds(target.closest('.vp-turn'), 'start');
    if (start === undefined) return;
    // The clicked word takes focus, so arrows and Enter continue from it.
    if (target.classList.contains('vp-word')) {
      (target as HTMLElement).tabIndex = -1;
      (target as HTMLElement).focus({ preventScroll: true });
    }
    playFrom(start);
  };

  listen(list, 'click', onClick);
  listen(scroller, 'keydown', onKeyDown);
  listen(scroller, 'scroll', () => {
    if (!ownership.owns(scroller.scrollTop)) setFollowing(false);
  }, { passive: true });
  for (const type of ['wheel', 'touchstart', 'pointerdown'] as const) listen(scroller, type, () => ownership.release(), { passive: true });
  listen(audio, 'play', startTicking);
  listen(audio, 'timeupdate', update);
  listen(audio, 'seeked', update);
  listen(audio, 'ratechange', update);
  for (const type of ['playing', 'seeked', 'ratechange'] as const) listen(audio, type, armPassageStop);
  // After the first frame: off-screen turns are then known to be skipped
  // (content-visibility), so the first follow does not lay out every turn.
  frame = requestAnimationFrame(() => {
    frame = 0;
    update();
  });

  return {
    /** "Back to current": resume following and bring the playing turn into view. */
    resumeFollowing() {
      setFollowing(true);
      follow(nearestTurn(), true);
    },
    playFrom,
    /** Seeks to the passage, marks its words, scrolls there and plays to its end. */
    playPassage(passage: Passage): Promise<void> {
      clearPassage();
      for (const word of wordElements()) {
        const start = seconds(word, 'start');
        if (start === undefined || start < passage.start - 0.0005) continue;
        if (passage.end !== undefined && start >= passage.end - 0.0005) continue;
        word.classList.add('vp-passage');
        passageWords.push(word);
      }
      setFollowing(true);
      const turn = activeTurnAt(index, passage.start + 0.001);
      follow(turn >= 0 ? turn : nearestTurn(), true);
      // Seeking before the media knows its duration is only a request; wait for it so
      // playback really starts at the passage (a link opens before the audio loads).
      const seekAndPlay = () => {
        passageEnd = passage.end;
        audio.currentTime = passage.start;
        update();
        return audio.play().catch(() => undefined);
      };
      if (audio.readyState >= 1) return seekAndPlay();
      return new Promise<void>((resolve) => audio.addEventListener('loadedmetadata', () => void seekAndPlay().then(resolve), { once: true }));
    },
    get activeTurn() {
      return activeTurn;
    },
    get activeWord() {
      return activeWord;
    },
    destroy() {
      cancelAnimationFrame(frame);
      clearPassage();
      markedTurn?.removeAttribute('aria-current');
      markedWord?.removeAttribute('aria-current');
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}

export type ReadAlong = ReturnType<typeof createReadAlong>;
