import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDismissPopover } from './use-dismiss-popover.ts';

export interface MenuButtonOptions {
  /** Each item's label for type-ahead, lower or upper case; `null` marks a disabled item (skipped by every key). */
  labels: readonly (string | null)[];
  /** Enter or Space on the active item (a click calls the same from the item's own handler). */
  choose(index: number): void;
}

/**
 * The keyboard and focus behaviour of a WAI-ARIA menu button, shared by Export and More:
 * Enter, Space or ↓ on the button open the menu on the first enabled item, ↑ on the last;
 * in the menu ↑/↓ move (wrapping), Home/End go to the ends, a letter moves to the next item
 * starting with it; Enter or Space choose; Esc closes and puts the focus back on the button;
 * Tab closes and moves on from the button; a press outside or a prompt taking the focus closes.
 * Menu keys never reach the player's shortcuts.
 */
export function useMenuButton({ labels, choose }: MenuButtonOptions) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const menuId = useId();
  const buttonId = useId();
  const enabled = labels.flatMap((label, index) => (label === null ? [] : [index]));

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useDismissPopover(open, anchorRef, () => setOpen(false));

  const openAt = (index: number | undefined) => {
    if (index === undefined) return;
    setActive(index);
    setOpen(true);
  };
  /** Closes the menu with the focus back on its button (where Tab's own move then goes on). */
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  /** The next enabled item from `from` in `direction`, wrapping. */
  const step = (from: number, direction: 1 | -1) => {
    const position = enabled.indexOf(from);
    if (position < 0) return enabled[0];
    return enabled[(position + direction + enabled.length) % enabled.length];
  };
  const typeAhead = (from: number, letter: string) => {
    for (let offset = 1; offset <= labels.length; offset++) {
      const index = (from + offset) % labels.length;
      if (labels[index]?.toLowerCase().startsWith(letter)) return index;
    }
    return from;
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      openAt(event.key === 'ArrowDown' ? enabled[0] : enabled.at(-1));
    } else if (event.key === ' ' || event.key === 'Enter') {
      // The button's own activation, never the player's Space shortcut.
      event.stopPropagation();
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const key = event.key;
    if (key === 'ArrowDown') setActive((index) => step(index, 1) ?? index);
    else if (key === 'ArrowUp') setActive((index) => step(index, -1) ?? index);
    else if (key === 'Home') setActive(enabled[0] ?? 0);
    else if (key === 'End') setActive(enabled.at(-1) ?? 0);
    else if (key === 'Escape') close();
    else if (key === 'Tab') {
      close();
      return;
    } else if (key === 'Enter' || key === ' ') {
      if (labels[active] !== null) choose(active);
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      setActive((index) => typeAhead(index, key.toLowerCase()));
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return {
    open,
    active,
    setActive,
    close,
    anchorRef,
    /** A click on the button: opens on the first enabled item, or closes. */
    toggle: () => (open ? close() : openAt(enabled[0])),
    buttonProps: {
      ref: buttonRef,
      id: buttonId,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onKeyDown: onButtonKeyDown,
    },
    menuProps: { id: menuId, role: 'menu' as const, 'aria-labelledby': buttonId, onKeyDown: onMenuKeyDown },
    /** The ref callback of item `index`, which the hook focuses when it becomes active. */
    itemRef: (index: number) => (element: HTMLElement | null) => {
      itemRefs.current[index] = element;
    },
  };
}
