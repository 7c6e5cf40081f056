import { useAppStore } from '../store/app-store.ts';

/** Errors and confirmations. Errors are announced assertively and stay until dismissed. */
export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismiss);
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'error-notice' : 'info-notice'}
        >
          <span className="notice__text">{notice.text}</span>
          <button type="button" className="notice__close" onClick={() => dismiss(notice.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
