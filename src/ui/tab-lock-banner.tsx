import { useEffect, useId, useRef, useState } from 'react';
import type { ReadOnlyReason } from '../store/session-slice.ts';
import { useAppStore } from './app-context.ts';
import './tab-lock-banner.css';

/** What the banner needs from autosave (src/app/autosave.ts provides it). */
export interface TakeOver {
  takeOver(): Promise<void>;
}

const COPY: Record<ReadOnlyReason, { title: string; text: string; action: string }> = {
  elsewhere: {
    title: 'This project is open in another tab — take over here?',
    text: 'This tab is read-only, so the two tabs never overwrite each other. Taking over saves the other tab’s work, makes that tab read-only and lets you edit here.',
    action: 'Take over',
  },
  'taken-over': {
    title: 'This project is now being edited in another tab',
    text: 'Your edits here were saved before the other tab took over. This tab is read-only; take over to edit here again.',
    action: 'Take over',
  },
  free: {
    title: 'The other tab has closed this project — edit here?',
    text: 'This tab shows the project as it was last saved. Nobody is editing it now.',
    action: 'Edit here',
  },
  conflict: {
    title: 'This project was saved in another tab',
    text: 'This tab stopped saving so that it does not replace the newer state: its last change is shown here but not saved. Take over to load the newest version and edit here.',
    action: 'Take over',
  },
};

/**
 * Shown while this tab may not edit the open project: why, and one button to edit
 * here. It is a labelled region, not a dialog: the transcript stays readable and
 * playable behind it. Focus moves to its heading when it appears or its reason
 * changes (a tab that was just taken over has lost its text box), never to the
 * button, so a stray Enter does not take the project back.
 */
export function TabLockBanner({ autosave }: { autosave: TakeOver }) {
  const reason = useAppStore((state) => state.readOnly);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    if (reason) headingRef.current?.focus();
  }, [reason]);

  if (!reason) return null;
  const copy = COPY[reason];
  const takeOver = () => {
    if (busy) return;
    setBusy(true);
    void autosave.takeOver().finally(() => setBusy(false));
  };

  return (
    <section
      className="tab-lock-banner"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid="tab-lock-banner"
      data-reason={reason}
      // Space and Enter press the focused button here, never the player's shortcuts.
      onKeyDown={(event) => {
        if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
      }}
    >
      <svg className="tab-lock-banner__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Zm3 3a2 2 0 0 1 1 3.73V19h-2v-2.27A2 2 0 0 1 12 13Z" />
      </svg>
      <div className="tab-lock-banner__body">
        <h2 id={titleId} ref={headingRef} className="tab-lock-banner__title" tabIndex={-1}>
          {copy.title}
        </h2>
        <p id={textId} className="tab-lock-banner__text">
          {copy.text}
        </p>
      </div>
      <button type="button" className="button button--primary tab-lock-banner__action" aria-disabled={busy} onClick={takeOver}>
        {busy ? 'Taking over…' : copy.action}
      </button>
    </section>
  );
}
