import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useDismissPopover } from './use-dismiss-popover.ts';

export interface OverflowItem {
  id: string;
  label: string;
  /** A short key hint shown on the right (`O`, `?`). */
  hint?: string;
  disabled?: boolean;
  /** Runs after the menu has closed and focus is back on its button, so a dialog opened here returns focus there. */
  select(): void;
}

/** A dialog or pop-over that an overflow item opens without its own button (`ref` of PasteDialog, FeedDialog, RecentProjects). */
export interface Openable {
  open(): void;
}

export interface OverflowMenuProps {
  /** The button's text; also its accessible name. */
  label: string;
  title?: string;
  items: readonly OverflowItem[];
  /** Shown in the same anchor, under the button: pop-overs an item opens (Recent's list). */
  children?: ReactNode;
  testId?: string;
}

/**
 * A menu button (WAI-ARIA menu button pattern) for actions that do not fit:
 * Enter, Space or ↓ open it on the first item, ↑ on the last; ↑/↓ (wrapping),
 * Home/End and a letter move; Enter or Space chooses; Esc closes and puts focus
 * back on the button; Tab closes and moves on; a click outside closes.
 */
export function OverflowMenu({ label, title, items, children, testId }: OverflowMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const menuId = useId();
  const buttonId = useId();
  const enabled = items.map((item, index) => (item.disabled ? -1 : index)).filter((index) => index >= 0);

  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  useDismissPopover(open, anchorRef, () => setOpen(false));

  const openAt = (index: number | undefined) => {
    if (index === undefined) return;
    setActive(index);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const choose = (item: OverflowItem) => {
    if (item.disabled) return;
    close();
    item.select();
  };
  /** The next enabled item from `from` in `direction`, wrapping. */
  const step = (from: number, direction: 1 | -1) => {
    const position = enabled.indexOf(from);
    if (position < 0) return enabled[0];
    return enabled[(position + direction + enabled.length) % enabled.length];
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
      // From the button, Tab's own move goes on to what follows the menu.
      close();
      return;
    } else if (key === 'Enter' || key === ' ') {
      const item = items[active];
      if (item) choose(item);
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const letter = key.toLowerCase();
      for (let offset = 1; offset <= items.length; offset++) {
        const index = (active + offset) % items.length;
        if (!items[index]?.disabled && items[index]?.label.toLowerCase().startsWith(letter)) {
          setActive(index);
          break;
        }
      }
    } else return;
    // Menu keys stay in the menu: the player's shortcuts must not see them.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="popover-anchor" ref={anchorRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => (open ? close() : openAt(enabled[0]))}
        onKeyDown={onButtonKeyDown}
        data-testid={testId}
      >
        {label}
      </button>
      {open ? (
        <ul id={menuId} className="popover menu" role="menu" aria-labelledby={buttonId} onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <li
              key={item.id}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled ? true : undefined}
              className="menu__item"
              data-item={item.id}
              onClick={() => choose(item)}
              onMouseEnter={() => !item.disabled && setActive(index)}
            >
              <span className="menu__label">{item.label}</span>
              {item.hint ? (
                <span className="menu__hint" aria-hidden="true">
                  {item.hint}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
