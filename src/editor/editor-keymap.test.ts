import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../store/app-store.ts';
import { bindingFor, installKeymap, KEY_BINDINGS, type KeyCommands } from './editor-keymap.ts';

const installed: (() => void)[] = [];
afterEach(() => {
  installed.splice(0).forEach((uninstall) => uninstall());
  document.body.replaceChildren();
});

function press(target: HTMLElement | Document['body'], key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function setUp(mode: 'read' | 'edit' = 'read') {
  const store = createAppStore();
  store.setState({ mode });
  const calls: string[] = [];
  const commands = new Proxy({} as KeyCommands, { get: (_target, name: string) => () => calls.push(name) });
  const uninstall = installKeymap(window, store, commands);
  installed.push(uninstall);
  return { calls, uninstall };
}

function add<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = 'control';
  document.body.append(element);
  return element;
}

describe('the keymap', () => {
  it('Space off any control plays or pauses', () => {
    const { calls, uninstall } = setUp();
    const event = press(document.body, ' ');
    expect(calls).toEqual(['togglePlay']);
    expect(event.defaultPrevented).toBe(true);
    uninstall();
  });

  it('Space and Enter on a keyboard-focused button press the button: no shortcut, default not prevented', () => {
    const { calls, uninstall } = setUp('edit');
    const button = add('button', { type: 'button' });
    button.focus();
    const space = press(button, ' ');
    const enter = press(button, 'Enter');
    expect(calls).toEqual([]);
    expect(space.defaultPrevented).toBe(false);
    expect(enter.defaultPrevented).toBe(false);
    // Other keys still reach the keymap from a button.
    press(button, ',');
    expect(calls).toEqual(['slower']);
    uninstall();
  });

  it('the same for a checkbox, a link, a summary and an ARIA button', () => {
    const { calls, uninstall } = setUp('edit');
    const summary = add('details').appendChild(document.createElement('summary'));
    const controls = [add('input', { type: 'checkbox' }), add('a', { href: '#x' }), summary, add('div', { role: 'button', tabindex: '0' })];
    for (const control of controls) {
      control.focus();
      press(control, ' ');
      press(control, 'Enter');
      expect(calls, control.outerHTML).toEqual([]);
    }
    uninstall();
  });

  it('in the transcript, Enter presses a turn button but Space still plays or pauses', () => {
    const { calls } = setUp();
    const list = add('div', { 'data-media-surface': '' });
    const turn = document.createElement('button');
    list.append(turn);
    turn.focus();
    press(turn, 'Enter');
    press(turn, ' ');
    expect(calls).toEqual(['togglePlay']);
  });

  it('a range slider has no Space of its own: Space plays or pauses there', () => {
    const { calls, uninstall } = setUp();
    const slider = add('input', { type: 'range' });
    slider.focus();
    press(slider, ' ');
    expect(calls).toEqual(['togglePlay']);
    uninstall();
  });

  it('Enter taps in editor mode off any control, and does nothing in read-along mode', () => {
    const edit = setUp('edit');
    press(document.body, 'Enter');
    expect(edit.calls).toEqual(['tap']);
    edit.uninstall();
    const read = setUp('read');
    press(document.body, 'Enter');
    expect(read.calls).toEqual([]);
    read.uninstall();
  });

  it('no single key fires while typing or inside a dialog; Ctrl+Z still undoes from a dialog', () => {
    const { calls, uninstall } = setUp();
    const field = add('textarea');
    field.focus();
    for (const key of [' ', 'e', ',', 'Enter']) press(field, key);
    const dialog = add('div', { role: 'dialog' });
    const inside = document.createElement('button');
    dialog.append(inside);
    inside.focus();
    press(inside, 'e');
    press(inside, 'z', { ctrlKey: true });
    expect(calls).toEqual(['undo']);
    uninstall();
  });

  it('tells Shift+Ctrl+Z (redo) from Ctrl+Z (undo), and Alt+← (nudge, editor mode) from ← (skip)', () => {
    const state = { mode: 'edit' };
    const event = (key: string, init: KeyboardEventInit) => new KeyboardEvent('keydown', { key, ...init });
    expect(bindingFor(event('Z', { ctrlKey: true, shiftKey: true }), state)?.command).toBe('redo');
    expect(bindingFor(event('z', { metaKey: true }), state)?.command).toBe('undo');
    expect(bindingFor(event('ArrowLeft', { altKey: true }), state)?.command).toBe('nudgeBack');
    expect(bindingFor(event('ArrowLeft', {}), state)?.command).toBe('skipBack');
    expect(bindingFor(event('ArrowLeft', { altKey: true }), { mode: 'read' })).toBeUndefined();
  });

  it('every binding says what it does (the shortcuts dialog lists it)', () => {
    expect(KEY_BINDINGS.filter((binding) => !binding.help)).toEqual([]);
  });
});

describe('a key bound twice', () => {
  it('never matches two bindings', () => {
    const modes = ['read', 'edit'];
    const keys = new Set(KEY_BINDINGS.flatMap((binding) => binding.keys));
    for (const mode of modes)
      for (const key of keys)
        for (const ctrlKey of [false, true])
          for (const altKey of [false, true])
            for (const shiftKey of [false, true]) {
              const matches = KEY_BINDINGS.filter(
                (binding) =>
                  binding.keys.includes(key) &&
                  (binding.mod ?? false) === ctrlKey &&
                  (binding.alt ?? false) === altKey &&
                  (binding.shift === undefined || binding.shift === shiftKey) &&
                  (binding.mode === undefined || binding.mode === mode),
              );
              expect(matches.length, `${mode} ${key} ctrl=${ctrlKey} alt=${altKey} shift=${shiftKey}`).toBeLessThanOrEqual(1);
            }
  });
});
