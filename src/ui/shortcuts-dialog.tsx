import { useEffect, useId, useRef } from 'react';
import type { ShortcutGroup } from './shortcut-list.ts';

/**
 * A modal list of the keyboard shortcuts of the current mode (native <dialog>:
 * focus moves in, Tab stays inside, Esc closes, focus goes back to where it was).
 */
export function ShortcutsDialog({ open, groups, onClose }: { open: boolean; groups: ShortcutGroup[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="shortcuts-dialog">
      <h2 id={`${id}-title`}>Keyboard shortcuts: {groups[0]?.title.toLowerCase() ?? ''}</h2>
      {groups.map((group, index) => (
        <section key={group.title} aria-labelledby={`${id}-${index}`}>
          {index > 0 ? (
            <h3 id={`${id}-${index}`} className="shortcuts__group">
              {group.title}
            </h3>
          ) : (
            <h3 id={`${id}-${index}`} className="visually-hidden">
              {group.title}
            </h3>
          )}
          <dl className="shortcuts">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.keys + shortcut.description} className="shortcuts__row">
                <dt>
                  <kbd>{shortcut.keys}</kbd>
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
