import { useAppStore } from './app-context.ts';
import { formatByteSize } from '../transcript/size-limit.ts';
import type { LoadStatus as Status } from '../store/session-slice.ts';
import './loading.css';

/** What the status line says, and the progress bar's share (null: under way, share unknown). */
export function describeLoad(status: Status): { text: string; fraction: number | null } {
  switch (status.stage) {
    case 'reading':
      return status.totalBytes
        ? { text: `Reading ${status.name}: ${formatByteSize(status.loadedBytes)} of ${formatByteSize(status.totalBytes)}`, fraction: (status.loadedBytes / status.totalBytes) * 0.5 }
        : { text: `Reading ${status.name}: ${formatByteSize(status.loadedBytes)}`, fraction: null };
    case 'parsing':
      return { text: `Reading ${status.name}: parsing in the background`, fraction: null };
    case 'building':
      return { text: `Opening ${status.name}: ${Math.floor(status.fraction * 100)}%`, fraction: 0.5 + status.fraction * 0.5 };
  }
}

/**
 * The transcript read in flight, while it takes long enough to notice (the status
 * fades in after a moment, so a quick load never flashes it): what is happening,
 * how far, and a Cancel that stops it and leaves the open session as it was.
 */
export function LoadStatus({ onCancel }: { onCancel: () => void }) {
  const status = useAppStore((state) => state.loading);
  if (!status) return null;
  const { text, fraction } = describeLoad(status);
  return (
    <div className="load-status" role="status" data-testid="load-status">
      <span className="load-status__text">{text}</span>
      <progress className="load-status__bar" aria-label={`Reading ${status.name}`} max={1} {...(fraction === null ? {} : { value: fraction })} />
      <button type="button" className="button load-status__cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
