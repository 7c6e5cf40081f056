import type { Unsubscribe } from '../player/emitter.ts';

export interface DragKeyHandlers {
  /** Escape: the drag is abandoned and the turn goes back to where it was. */
  cancel(): void;
  /** Alt went down or up: snapping is inverted while it is held. */
  alt(held: boolean): void;
}

/**
 * The keys that mean something during a drag on the waveform, listened to only
 * while one is in progress (installed at its start, removed at its end). They
 * run in the capture phase so Escape ends the drag before anything else sees it
 * (a dialog, the editor keymap).
 */
export function listenForDragKeys(target: Window, handlers: DragKeyHandlers): Unsubscribe {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Alt') handlers.alt(event.type === 'keydown');
    else if (event.type === 'keydown' && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      handlers.cancel();
    }
  };
  target.addEventListener('keydown', onKey, true);
  target.addEventListener('keyup', onKey, true);
  return () => {
    target.removeEventListener('keydown', onKey, true);
    target.removeEventListener('keyup', onKey, true);
  };
}
