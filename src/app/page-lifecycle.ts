import type { Unsubscribe } from '../player/emitter.ts';

export interface PageLifecycleActions {
  /** Start writing pending changes (the page is being hidden or closed). */
  flush(): void;
  /** Keep a synchronous copy: an asynchronous write started now may be cut off with the page. */
  rescue(): void;
  /** True while there is work the user has not exported: the browser asks before leaving. */
  hasUnexported(): boolean;
}

/** Page hide, close and reload, turned into the three things autosave does about them. */
export function installPageLifecycle(target: Window, actions: PageLifecycleActions): Unsubscribe {
  const onHidden = () => {
    if (target.document.visibilityState === 'hidden') actions.flush();
  };
  const onPageHide = () => {
    try {
      actions.rescue();
    } catch {
      // Best effort only (quota, storage disabled): the storage write is still attempted.
    }
    actions.flush();
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    // Start writing now: the write runs while the browser asks "Leave site?".
    actions.flush();
    if (!actions.hasUnexported()) return;
    event.preventDefault();
    // Older browsers show the warning only when returnValue is set.
    event.returnValue = '';
  };
  target.document.addEventListener('visibilitychange', onHidden);
  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    target.document.removeEventListener('visibilitychange', onHidden);
    target.removeEventListener('pagehide', onPageHide);
    target.removeEventListener('beforeunload', onBeforeUnload);
  };
}
