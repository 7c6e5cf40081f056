import { useSyncExternalStore } from 'react';

export interface UpdateSource {
  updateReady(): boolean;
  subscribe(listener: () => void): () => void;
  reload(): void;
}

/** "A new version of Verbatim is ready" with a Reload button; the page never swaps code under the user. */
export function UpdatePrompt({ updates }: { updates: UpdateSource }) {
  const ready = useSyncExternalStore(updates.subscribe, updates.updateReady);
  if (!ready) return null;
  return (
    <div className="notice notice--info update-prompt" role="status" data-testid="update-prompt">
      <span className="notice__text">A new version of Verbatim is ready. Your edits are saved; reload to use it.</span>
      <button type="button" className="button" onClick={() => updates.reload()}>
        Reload
      </button>
    </div>
  );
}
