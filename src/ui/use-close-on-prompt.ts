import { useEffect, useRef, type RefObject } from 'react';

/** Where a prompt or dialog holds the focus: native dialogs, ARIA dialogs and alert dialogs (the restore prompt). */
const PROMPTS = 'dialog, [role="dialog"], [role="alertdialog"]';

/**
 * Closes an open menu or popover when a prompt or dialog takes the focus, so a
 * menu never stays open over it (every prompt here moves the focus into itself
 * when it appears). `close` must not move the focus back: the prompt has it now.
 */
export function useCloseOnPrompt(open: boolean, anchorRef: RefObject<HTMLElement | null>, close: () => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof Element && target.closest(PROMPTS) && !anchorRef.current?.contains(target)) closeRef.current();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [open, anchorRef]);
}
