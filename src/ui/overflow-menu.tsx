import type { ReactNode } from 'react';
import { useMenuButton } from './use-menu-button.ts';

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
 * A menu button for actions that do not fit (keys and focus: `useMenuButton`);
 * disabled items are skipped.
 */
export function OverflowMenu({ label, title, items, children, testId }: OverflowMenuProps) {
  const choose = (item: OverflowItem) => {
    if (item.disabled) return;
    menu.close();
    item.select();
  };
  const menu = useMenuButton({
    labels: items.map((item) => (item.disabled ? null : item.label)),
    choose: (index) => {
      const item = items[index];
      if (item) choose(item);
    },
  });

  return (
    <div className="popover-anchor" ref={menu.anchorRef}>
      <button {...menu.buttonProps} type="button" className="button menu-button" title={title} onClick={menu.toggle} data-testid={testId}>
        {label}
      </button>
      {menu.open ? (
        <ul {...menu.menuProps} className="popover menu">
          {items.map((item, index) => (
            <li
              key={item.id}
              ref={menu.itemRef(index)}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled ? true : undefined}
              className="menu__item"
              data-item={item.id}
              onClick={() => choose(item)}
              onMouseEnter={() => !item.disabled && menu.setActive(index)}
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
