import { KEY_BINDINGS, type KeyBinding } from '../editor/editor-keymap.ts';
import type { Mode } from '../store/editor-slice.ts';

export interface Shortcut {
  keys: string;
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

/** How a binding's keys are written: modifiers, then its first key (the others are the same key shifted or an old name). */
export function describeKeys(binding: Pick<KeyBinding, 'keys' | 'mod' | 'alt' | 'shift'>): string {
  const key = binding.keys[0] ?? '';
  const name = KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [binding.shift ? 'Shift' : '', binding.mod ? 'Ctrl/⌘' : '', binding.alt ? 'Alt' : '', name].filter(Boolean).join('+');
}

/** Rows of one set of bindings; bindings with the same description share a row ("Shift+Ctrl/⌘+Z or Ctrl/⌘+Y"). */
function rows(bindings: readonly KeyBinding[]): Shortcut[] {
  const byHelp = new Map<string, string[]>();
  for (const binding of bindings) {
    if (!binding.help) continue;
    byHelp.set(binding.help, [...(byHelp.get(binding.help) ?? []), describeKeys(binding)]);
  }
  return [...byHelp].map(([description, keys]) => ({ keys: keys.join(' or '), description }));
}

/** Keys that belong to a widget, not to the page keymap: listed where they work. */
const TURN_KEYS: Shortcut[] = [{ keys: 'Tab, Enter', description: 'Move between turns; Enter plays from the focused turn' }];
const EDITOR_WIDGET_KEYS: Shortcut[] = [
  { keys: 'Tab, Enter', description: 'Move between turns; Enter selects the focused turn' },
  { keys: 'Double-click', description: 'Edit a turn’s text with the caret at the word' },
];
const TEXT_BOX_KEYS: Shortcut[] = [
  { keys: 'Enter', description: 'Save the text' },
  { keys: 'Esc', description: 'Cancel' },
  { keys: 'Ctrl/⌘+Enter', description: 'Split the turn at the caret' },
  { keys: 'Shift+Enter', description: 'Start a new paragraph' },
];

/**
 * What `?` lists in each mode, made from the keymap itself (`KEY_BINDINGS`), so
 * the dialog cannot drift from what the keys do. Read-along lists the keys that
 * work there; editor mode lists its own keys first, then the ones that work everywhere.
 */
export function shortcutsFor(mode: Mode): ShortcutGroup[] {
  const everywhere = KEY_BINDINGS.filter((binding) => binding.mode === undefined);
  if (mode === 'read') return [{ title: 'Read-along', shortcuts: [...rows(everywhere), ...TURN_KEYS] }];
  return [
    { title: 'Editor mode', shortcuts: [...rows(KEY_BINDINGS.filter((binding) => binding.mode === 'edit')), ...EDITOR_WIDGET_KEYS] },
    { title: 'In the text box', shortcuts: TEXT_BOX_KEYS },
    { title: 'Everywhere', shortcuts: rows(everywhere) },
  ];
}
