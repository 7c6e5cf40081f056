import type { AppStore } from '../store/app-store.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import { isTypingTarget } from './is-typing-target.ts';

/** Fine and coarse nudge steps for Alt+←/→ and Shift+Alt+←/→. */
export const NUDGE_SECONDS = { fine: 0.01, coarse: 0.1 } as const;

/** Everything a key can do. The composition root supplies one function per name. */
export interface KeyCommands {
  togglePlay(): void;
  skipBack(): void;
  skipForward(): void;
  slower(): void;
  faster(): void;
  follow(): void;
  openFiles(): void;
  showHelp(): void;
  undo(): void;
  redo(): void;
  toggleMode(): void;
  nudgeBack(step: number): void;
  nudgeForward(step: number): void;
  setStartFromPlayhead(): void;
  setEndFromPlayhead(): void;
  tap(): void;
  selectPrevious(): void;
  selectNext(): void;
  editText(): void;
}

export type KeyCommand = keyof KeyCommands;

/**
 * One key binding. `mod` is Ctrl or Cmd; `shift` undefined matches either;
 * `mode` limits it to one mode. Single keys (no Ctrl/Cmd/Alt) never fire while a
 * text field has focus, nor inside dialogs and menus, where keys belong to them.
 */
export interface KeyBinding {
  keys: readonly string[];
  command: KeyCommand;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  mode?: 'edit';
  /** Enter taps only off any control: on a button or field it keeps its native meaning. */
  focus?: 'not-a-control';
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: ['z', 'Z'], mod: true, shift: false, command: 'undo' },
  { keys: ['z', 'Z'], mod: true, shift: true, command: 'redo' },
  { keys: ['y', 'Y'], mod: true, shift: false, command: 'redo' },
  { keys: ['e', 'E'], command: 'toggleMode' },
  { keys: [' ', 'Spacebar'], command: 'togglePlay' },
  { keys: ['ArrowLeft'], alt: true, mode: 'edit', command: 'nudgeBack' },
  { keys: ['ArrowRight'], alt: true, mode: 'edit', command: 'nudgeForward' },
  { keys: ['ArrowLeft'], command: 'skipBack' },
  { keys: ['ArrowRight'], command: 'skipForward' },
  { keys: [',', '<'], command: 'slower' },
  { keys: ['.', '>'], command: 'faster' },
  { keys: ['f', 'F'], command: 'follow' },
  { keys: ['o', 'O'], command: 'openFiles' },
  { keys: ['?'], command: 'showHelp' },
  { keys: ['['], mode: 'edit', command: 'setStartFromPlayhead' },
  { keys: [']'], mode: 'edit', command: 'setEndFromPlayhead' },
  { keys: ['ArrowUp'], shift: false, mode: 'edit', command: 'selectPrevious' },
  { keys: ['ArrowDown'], shift: false, mode: 'edit', command: 'selectNext' },
  { keys: ['F2'], mode: 'edit', command: 'editText' },
  { keys: ['Enter'], shift: false, mode: 'edit', focus: 'not-a-control', command: 'tap' },
];

/** Controls where Enter must keep its native meaning (activate, submit, open). */
function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"], [role="menuitem"], input, select, textarea, dialog') !== null;
}

/** Inside these, keys belong to the widget (a dialog's fields, a menu's arrows). */
function isInWidget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]') !== null;
}

/** The binding a key press asks for, or undefined; pure apart from reading the target element. */
export function bindingFor(event: KeyboardEvent, state: { mode: string }): KeyBinding | undefined {
  if (event.defaultPrevented || isTypingTarget(event.target)) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  if (!mod && !event.altKey && isInWidget(event.target)) return undefined;
  return KEY_BINDINGS.find(
    (binding) =>
      binding.keys.includes(event.key) &&
      (binding.mod ?? false) === mod &&
      (binding.alt ?? false) === event.altKey &&
      (binding.shift === undefined || binding.shift === event.shiftKey) &&
      (binding.mode === undefined || binding.mode === state.mode) &&
      (binding.focus === undefined || !isActivatable(event.target)),
  );
}

/** Listens for keys on `target` and runs the bound command. */
export function installKeymap(target: Window, store: AppStore, commands: KeyCommands): Unsubscribe {
  const onKeyDown = (event: KeyboardEvent) => {
    const binding = bindingFor(event, store.getState());
    if (!binding) return;
    event.preventDefault();
    const step = event.shiftKey ? NUDGE_SECONDS.coarse : NUDGE_SECONDS.fine;
    if (binding.command === 'nudgeBack' || binding.command === 'nudgeForward') commands[binding.command](step);
    else commands[binding.command]();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
