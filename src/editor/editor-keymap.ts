import type { AppStore } from '../store/app-store.ts';
import type { EditorCommands } from './editor-commands.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import { isTypingTarget } from './is-typing-target.ts';

/** Fine and coarse nudge steps for Alt+←/→ and Shift+Alt+←/→. */
export const NUDGE_SECONDS = { fine: 0.01, coarse: 0.1 } as const;

/** Controls where Enter must keep its native meaning (activate, submit, open). */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"], [role="menuitem"], input, select, textarea, dialog') !== null;
}

/**
 * Editor keys. Undo/redo work in both modes; timing keys only in editor mode.
 * Nothing fires while the user types in a text field.
 */
export function installEditorKeymap(target: Window, store: AppStore, commands: EditorCommands): Unsubscribe {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || isTypingTarget(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    const editing = store.getState().mode === 'edit';
    let handled = true;

    if (mod && !event.altKey && key.toLowerCase() === 'z') {
      if (event.shiftKey) commands.redo();
      else commands.undo();
    } else if (mod && !event.altKey && !event.shiftKey && key.toLowerCase() === 'y') {
      commands.redo();
    } else if (mod) {
      handled = false;
    } else if (!event.altKey && (key === 'e' || key === 'E')) {
      store.getState().setMode(editing ? 'read' : 'edit');
    } else if (!editing) {
      handled = false;
    } else if (event.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      const step = event.shiftKey ? NUDGE_SECONDS.coarse : NUDGE_SECONDS.fine;
      commands.nudge(key === 'ArrowLeft' ? -step : step);
    } else if (event.altKey) {
      handled = false;
    } else if (key === '[') {
      commands.setStartFromPlayhead();
    } else if (key === ']') {
      commands.setEndFromPlayhead();
    } else if (key === 'Enter' && !isActivatable(event.target)) {
      commands.tap();
    } else if ((key === 'ArrowUp' || key === 'ArrowDown') && !event.shiftKey) {
      commands.selectNeighbour(key === 'ArrowUp' ? -1 : 1);
    } else if (key === 'F2') {
      const entry = store.getState().selectedEntry;
      if (entry >= 0) target.dispatchEvent(new CustomEvent('verbatim:edit-text', { detail: entry }));
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
