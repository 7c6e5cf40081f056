import type { AppStore } from '../store/app-store.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import { SKIP_SECONDS } from '../player/playback-settings.ts';
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
  zoomIn(): void;
  zoomOut(): void;
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
  /** What the shortcuts dialog and the README say the binding does (the keys are shown from `keys`). */
  help?: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: [' ', 'Spacebar'], command: 'togglePlay', help: 'Play / pause' },
  { keys: ['ArrowLeft'], alt: true, mode: 'edit', command: 'nudgeBack', help: `Nudge the selected turn’s start ${NUDGE_SECONDS.fine} s earlier (with Shift: ${NUDGE_SECONDS.coarse} s)` },
  { keys: ['ArrowRight'], alt: true, mode: 'edit', command: 'nudgeForward', help: `Nudge the selected turn’s start ${NUDGE_SECONDS.fine} s later (with Shift: ${NUDGE_SECONDS.coarse} s)` },
  { keys: ['ArrowLeft'], command: 'skipBack', help: `Back ${SKIP_SECONDS} seconds` },
  { keys: ['ArrowRight'], command: 'skipForward', help: `Forward ${SKIP_SECONDS} seconds` },
  { keys: [',', '<'], command: 'slower', help: 'Slower' },
  { keys: ['.', '>'], command: 'faster', help: 'Faster' },
  { keys: ['f', 'F'], command: 'follow', help: 'Follow the playing turn again' },
  { keys: ['ArrowUp'], shift: false, mode: 'edit', command: 'selectPrevious', help: 'Select the previous turn' },
  { keys: ['ArrowDown'], shift: false, mode: 'edit', command: 'selectNext', help: 'Select the next turn' },
  { keys: ['['], mode: 'edit', command: 'setStartFromPlayhead', help: 'Start the selected turn at the playhead' },
  { keys: [']'], mode: 'edit', command: 'setEndFromPlayhead', help: 'End the selected turn at the playhead' },
  { keys: ['Enter'], shift: false, mode: 'edit', command: 'tap', help: 'Tap: the turn marked “next tap” starts at the playhead' },
  { keys: ['F2'], mode: 'edit', command: 'editText', help: 'Edit the selected turn’s text' },
  { keys: ['+', '='], mode: 'edit', command: 'zoomIn', help: 'Zoom the waveform in (also Ctrl+wheel)' },
  { keys: ['-', '_'], mode: 'edit', command: 'zoomOut', help: 'Zoom the waveform out' },
  { keys: ['z', 'Z'], mod: true, shift: false, command: 'undo', help: 'Undo' },
  { keys: ['z', 'Z'], mod: true, shift: true, command: 'redo', help: 'Redo' },
  { keys: ['y', 'Y'], mod: true, shift: false, command: 'redo', help: 'Redo' },
  { keys: ['e', 'E'], command: 'toggleMode', help: 'Switch between read-along and editor mode' },
  { keys: ['o', 'O'], command: 'openFiles', help: 'Open audio and transcript files' },
  { keys: ['?'], command: 'showHelp', help: 'Show these shortcuts' },
];

/** Keys a focused control answers itself: Space and Enter press a button, tick a box, follow a link. */
const CONTROL_KEYS = new Set([' ', 'Spacebar', 'Enter']);
const CONTROLS = 'button, a[href], summary, input:not([type="range"]), [role="button"], [role="checkbox"], [role="switch"], [role="link"], [role="tab"], [role="menuitem"]';

/**
 * Marks the transcript: its turn buttons answer Enter (play from that turn) but Space
 * stays play / pause there, or a keyboard user on a turn could never pause.
 */
export const MEDIA_SURFACE_ATTRIBUTE = 'data-media-surface';

/**
 * True when Space or Enter belongs to the focused control. Only focus the keyboard put
 * there counts (`:focus-visible`): after a mouse click on a button, Space still plays and
 * pauses rather than clicking that button again.
 */
export function pressesControl(event: Pick<KeyboardEvent, 'key' | 'target'>): boolean {
  const target = event.target;
  if (!CONTROL_KEYS.has(event.key) || !(target instanceof HTMLElement)) return false;
  if (event.key !== 'Enter' && target.closest(`[${MEDIA_SURFACE_ATTRIBUTE}]`)) return false;
  const control = target.closest<HTMLElement>(CONTROLS);
  if (!control || (control instanceof HTMLButtonElement && control.disabled)) return false;
  return focusVisible(target);
}

function focusVisible(element: HTMLElement): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true; // a browser without :focus-visible: the control keeps its keys
  }
}

/** Inside these, keys belong to the widget (a dialog's fields, a menu's arrows). */
function isInWidget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]') !== null;
}

/** The binding a key press asks for, or undefined; pure apart from reading the target element. */
export function bindingFor(event: KeyboardEvent, state: { mode: string }): KeyBinding | undefined {
  if (event.defaultPrevented || isTypingTarget(event.target)) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  if (!mod && !event.altKey && (isInWidget(event.target) || pressesControl(event))) return undefined;
  return KEY_BINDINGS.find(
    (binding) =>
      binding.keys.includes(event.key) &&
      (binding.mod ?? false) === mod &&
      (binding.alt ?? false) === event.altKey &&
      (binding.shift === undefined || binding.shift === event.shiftKey) &&
      (binding.mode === undefined || binding.mode === state.mode),
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
