import { useEffect, useRef, type RefObject } from 'react';

/** Where a prompt or dialog holds the focus: native dialogs, ARIA dialogs and alert dialogs (the restore prompt). */
const PROMPTS = 'dialog, [role="dialog"], [role="alertdialog"]';

/**
 * Closes an open menu or popover (Recent, Export, More) when the user presses
 * anywhere outside `anchorRef`, and when a prompt or dialog takes the focus, so a
 * menu never stays open over it (every prompt here moves the focus into itself
 * when it appears). `close` must not move the focus: the click or the prompt has it.
 */
export function useDismissPopover(open: boolean, anchorRef: RefObject<HTMLElement | null>, close: () => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const outside = (target: EventTarget | null) => !(target instanceof Node && anchorRef.current?.contains(target));
    const onPointerDown = (event: PointerEvent) => {
      if (outside(event.target)) closeRef.current();
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof Element && target.closest(PROMPTS) && outside(target)) closeRef.current();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, anchorRef]);
}
