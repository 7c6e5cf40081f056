import { useCallback, useId, useSyncExternalStore } from 'react';
import type { Unsubscribe } from '../player/emitter.ts';
import './persistence.css';

/** What the prompt needs (src/app/last-audio.ts provides it). */
export interface PendingAudio {
  pending(): { name: string } | null;
  on(event: 'pending', listener: () => void): Unsubscribe;
  allow(): Promise<void>;
  dismiss(): void;
}

/**
 * "Reopen interview.mp3?": the last audio was dropped as a file the browser lets the
 * page read again, but only after one click (its permission lapsed with the reload).
 * Non-modal and it takes no focus: the transcript is already open behind it.
 */
export function LastAudioPrompt({ lastAudio }: { lastAudio: PendingAudio }) {
  const subscribe = useCallback((onChange: () => void) => lastAudio.on('pending', onChange), [lastAudio]);
  const pending = useSyncExternalStore(subscribe, lastAudio.pending);
  const titleId = useId();
  if (!pending) return null;
  return (
    <section className="restore-prompt" role="region" aria-labelledby={titleId} data-testid="last-audio-prompt">
      <div className="restore-prompt__body">
        <h2 id={titleId} className="restore-prompt__title">
          Reopen {pending.name}?
        </h2>
        <p className="restore-prompt__text">The browser asks once more before Verbatim may read this file again.</p>
      </div>
      <div className="restore-prompt__actions">
        <button type="button" className="button button--primary" onClick={() => void lastAudio.allow()}>
          Reopen {pending.name}
        </button>
        <button type="button" className="button" onClick={() => lastAudio.dismiss()}>
          Not now
        </button>
      </div>
    </section>
  );
}
