import { useEffect } from 'react';
import type { Notice } from '../store/app-store.ts';
import { useAppStore } from './app-context.ts';

/** Confirmations fade after this; errors and warnings stay until dismissed. */
const INFO_MS = 6000;

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => onDismiss(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  const alert = notice.kind !== 'info';
  return (
    <div className={`notice notice--${notice.kind}`} role={alert ? 'alert' : 'status'} data-testid={`${notice.kind}-notice`}>
      <span className="notice__text">{notice.text}</span>
      <button type="button" className="notice__close" onClick={() => onDismiss(notice.id)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

/** Errors, warnings and confirmations. Errors are announced assertively. */
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
