import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OverflowMenu, type OverflowItem } from './overflow-menu.tsx';

function renderMenu(disabled = false) {
  const chosen: string[] = [];
  const item = (id: string, label: string, extra: Partial<OverflowItem> = {}): OverflowItem => ({
    id,
    label,
    select: () => chosen.push(`${id}:${document.activeElement?.textContent ?? ''}`),
    ...extra,
  });
  const items = [item('paste', 'Paste transcript…'), item('feed', 'Podcast feed…', { disabled }), item('recent', 'Recent'), item('help', 'Shortcuts')];
  const onKey = vi.fn();
  render(
    <div onKeyDown={onKey}>
      <OverflowMenu label="More" items={items} />
    </div>,
  );
  return { chosen, onKey, button: screen.getByRole('button', { name: 'More' }) };
}

const focusedItem = () => document.activeElement?.textContent;

describe('OverflowMenu (the menu-button keys)', () => {
  it('opens from the keyboard on the first or last item, moves with the arrows (wrapping), Home and End', async () => {
    const { button } = renderMenu();
    button.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menu')).toHaveAttribute('id', button.getAttribute('aria-controls'));
    expect(focusedItem()).toBe('Shortcuts');
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedItem()).toBe('Paste transcript…');
    await userEvent.keyboard('{End}');
    expect(focusedItem()).toBe('Shortcuts');
    await userEvent.keyboard('{Home}');
    expect(focusedItem()).toBe('Paste transcript…');
  });

  it('skips a disabled item with the arrows and type-ahead, and a click on it does nothing', async () => {
    const { button, chosen } = renderMenu(true);
    button.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedItem()).toBe('Recent');
    await userEvent.keyboard('p');
    expect(focusedItem()).toBe('Paste transcript…');
    // From Paste the next "p" is the disabled Podcast feed: type-ahead passes over it and comes round to Paste.
    await userEvent.keyboard('p');
    expect(focusedItem()).toBe('Paste transcript…');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Podcast feed…' }));
    expect(chosen).toEqual([]);
    expect(button).toHaveAttribute('aria-expanded', 'true');
  });

  it('type-ahead moves to the next item starting with the letter', async () => {
    const { button } = renderMenu();
    button.focus();
    await userEvent.keyboard('{ArrowDown}p');
    expect(focusedItem()).toBe('Podcast feed…');
    await userEvent.keyboard('p');
    expect(focusedItem()).toBe('Paste transcript…');
    await userEvent.keyboard('s');
    expect(focusedItem()).toBe('Shortcuts');
  });

  it('Enter chooses after the menu closed with the focus back on the button; Esc closes there too', async () => {
    const { button, chosen } = renderMenu();
    button.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(chosen).toEqual(['recent:More']);
    expect(screen.queryByRole('menu')).toBeNull();
    await userEvent.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('keeps the menu keys from the page (the player shortcuts listen there)', async () => {
    const { button, onKey } = renderMenu();
    button.focus();
    await userEvent.keyboard('{ArrowDown}');
    onKey.mockClear();
    await userEvent.keyboard('{ArrowDown}x{End}{Escape}');
    expect(onKey).not.toHaveBeenCalled();
  });

  it('closes on a press outside', async () => {
    const { button } = renderMenu();
    await userEvent.click(button);
    expect(screen.getByRole('menu')).toBeTruthy();
    await userEvent.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
