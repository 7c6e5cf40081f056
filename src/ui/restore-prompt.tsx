import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { Unsubscribe } from '../player/emitter.ts';
import { describeSavedAt } from './describe-saved-at.ts';
import './persistence.css';

/** What the prompt needs from autosave (src/app/autosave.ts provides it). */
export interface RestoreOffers {
  /** The saved edits waiting for an answer; the same object until it changes. */
  offer(): { transcriptName: string; savedAt: number; dirty: boolean } | null;
  on(event: 'offer', listener: () => void): Unsubscribe;
  restore(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * "Restore your autosaved edits from …?" — Restore / Discard. Non-modal: the
 * transcript stays usable behind it. Focus moves to Restore when it appears and
 * goes back where it was once the user answers.
 */
export function RestorePrompt({ autosave, now }: { autosave: RestoreOffers; now?: () => number }) {
  const subscribe = useCallback((onChange: () => void) => autosave.on('offer', onChange), [autosave]);
  const offer = useSyncExternalStore(subscribe, autosave.offer);
  const [busy, setBusy] = useState(false);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<Element | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    if (!offer) return;
    returnFocusRef.current = document.activeElement;
    restoreRef.current?.focus();
    return () => {
      const previous = returnFocusRef.current;
      if (previous instanceof HTMLElement && previous.isConnected && document.activeElement === document.body) previous.focus();
    };
  }, [offer]);

  if (!offer) return null;

  const answer = (choice: 'restore' | 'discard') => {
    setBusy(true);
    void (choice === 'restore' ? autosave.restore() : autosave.discard()).finally(() => setBusy(false));
  };

  return (
    <section
      className="restore-prompt"
      role="alertdialog" aria-modal="false" aria-labelledby={titleId} aria-describedby={textId}
      data-testid="restore-prompt"
      // Space and Enter press the focused button here, never the player's shortcuts.
      onKeyDown={(event) => {
        if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
      }}
    >
      <svg className="restore-prompt__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M13 3a9 9 0 0 0-9 9H1l3.9 3.9L9 12H6a7 7 0 1 1 2.05 4.95l-1.42 1.42A9 9 0 1 0 13 3Zm-1 5v5l4.25 2.52.77-1.28-3.52-2.09V8H12Z" />
      </svg>
      <div className="restore-prompt__body">
        <h2 id={titleId} className="restore-prompt__title">
          Restore your autosaved edits from <time dateTime={new Date(offer.savedAt).toISOString()}>{describeSavedAt(offer.savedAt, now?.())}</time>?
        </h2>
        <p id={textId} className="restore-prompt__text">
          Your edits to <strong>{offer.transcriptName || 'this transcript'}</strong>{' '}
          {offer.dirty ? 'were kept on this device and not exported yet.' : 'were exported, but this file does not have them.'} Until you choose, you see the file as
          opened.
        </p>
      </div>
      <div className="restore-prompt__actions">
        <button ref={restoreRef} type="button" className="button button--primary" disabled={busy} onClick={() => answer('restore')}>
          Restore
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => answer('discard')}>
          Discard
        </button>
      </div>
    </section>
  );
}
