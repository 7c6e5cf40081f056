import { useEffect, useRef } from 'react';
import type { Shortcut } from './shortcut-list.ts';

/** A modal list of keyboard shortcuts (native <dialog>: focus trap and Esc for free). */
export function ShortcutsDialog({ open, shortcuts, onClose }: { open: boolean; shortcuts: Shortcut[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcuts">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.keys} className="shortcuts__row">
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button">Close</button>
      </form>
    </dialog>
  );
}
