import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS } from '../editor/editor-keymap.ts';
import { describeKeys, shortcutsFor } from './shortcut-list.ts';

const listed = (mode: 'read' | 'edit') => shortcutsFor(mode).flatMap((group) => group.shortcuts);

describe('the shortcuts dialog', () => {
  it('lists in read-along mode exactly the bindings that work there', () => {
    const descriptions = listed('read').map((shortcut) => shortcut.description);
    for (const binding of KEY_BINDINGS) expect(descriptions.includes(binding.help!), binding.command).toBe(binding.mode === undefined);
  });

  it('lists every binding in editor mode, the editor’s own first', () => {
    const groups = shortcutsFor('edit');
    expect(groups.map((group) => group.title)).toEqual(['Editor mode', 'In the text box', 'Everywhere']);
    const descriptions = listed('edit').map((shortcut) => shortcut.description);
    for (const binding of KEY_BINDINGS) expect(descriptions).toContain(binding.help);
    expect(groups[0]!.shortcuts.map((shortcut) => shortcut.keys)).toContain('Enter');
  });

  it('writes keys the way people read them', () => {
    expect(describeKeys({ keys: [' ', 'Spacebar'] })).toBe('Space');
    expect(describeKeys({ keys: ['z', 'Z'], mod: true, shift: true })).toBe('Shift+Ctrl/⌘+Z');
    expect(describeKeys({ keys: ['ArrowLeft'], alt: true })).toBe('Alt+←');
    const redo = listed('edit').find((shortcut) => shortcut.description === 'Redo');
    expect(redo?.keys).toBe('Shift+Ctrl/⌘+Z or Ctrl/⌘+Y');
  });
});
