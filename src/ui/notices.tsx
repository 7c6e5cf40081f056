import { useEffect, useState } from 'react';
import type { Notice } from '../store/app-store.ts';
import { useAppStore } from './app-context.ts';

/** Confirmations fade after this (counted again once the pointer or focus leaves them); errors and warnings stay until dismissed. */
export const INFO_MS = 6000;

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  // Never take a message away while it is being read with the pointer or the keyboard on it.
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const holding = held.pointer || held.focus;
  useEffect(() => {
    if (notice.kind !== 'info' || holding) return;
    const timer = setTimeout(() => onDismiss(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss, holding]);
  const alert = notice.kind !== 'info';
  return (
    <div
      className={`notice notice--${notice.kind}`}
      role={alert ? 'alert' : 'status'}
      data-testid={`${notice.kind}-notice`}
      onPointerEnter={() => setHeld((state) => ({ ...state, pointer: true }))}
      onPointerLeave={() => setHeld((state) => ({ ...state, pointer: false }))}
      onFocus={() => setHeld((state) => ({ ...state, focus: true }))}
      onBlur={() => setHeld((state) => ({ ...state, focus: false }))}
    >
      <span className="notice__text">{notice.text}</span>
      <button type="button" className="notice__close" onClick={() => onDismiss(notice.id)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

/**
 * Errors, warnings and confirmations. Errors and warnings are alerts (announced at once) and stay
 * until dismissed; confirmations are polite status messages that fade. None takes the focus.
 */
export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismiss);
  return (
    <div className="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} onDismiss={dismiss} />
      ))}
    </div>
  );
}
