import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createVerbatim } from './create-verbatim.ts';
import { openInitial } from './open-initial.ts';
import { createIdbProjectStorage } from './project-storage.ts';
import { createLocalRescueSlot } from './rescue-slot.ts';
import { createBrowserTabLock } from './tab-lock.ts';
import { createIdbAlignmentCache } from './alignment-cache.ts';
import { createBrowserLastSessionStorage } from './last-audio-storage.ts';
import { registerServiceWorker } from './service-worker-client.ts';
import type { EarlyStart } from './early-start.ts';

const STORAGE_FULL =
  'Your browser’s storage is full, so Verbatim cannot keep a copy of itself for offline use. It keeps working while you are online; free some space (or clear other sites’ data) to work offline.';

function waveformColors() {
  const styles = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
  return { wave: read('--wave', '#9aa7b8'), progress: read('--wave-progress', '#2f6fdb'), cursor: read('--wave-cursor', '#c2410c') };
}

/** The page: the app object (once, before React renders: React only shows it), the first load, the service worker. */
/** The service worker registers once the first session opened, or this long after start at the latest. */
const SERVICE_WORKER_LATEST_MS = 10_000;

export function boot(early: EarlyStart): void {
  const app = createVerbatim({
    storage: createIdbProjectStorage(),
    rescue: createLocalRescueSlot(),
    tabLock: createBrowserTabLock(crypto.randomUUID()),
    alignmentCache: createIdbAlignmentCache(),
    lastSession: createBrowserLastSessionStorage(),
    target: window,
    colors: waveformColors(),
    ...(early.media ? { media: early.media } : {}),
  });
  const initial = openInitial(app, window.location);

  // Offline after the first visit (see src/service-worker/sw.js). Not in development, where it would cache stale modules.
  const updates =
    import.meta.env.PROD && 'serviceWorker' in navigator
      ? registerServiceWorker({
          url: `${import.meta.env.BASE_URL}sw.js`,
          onStorageFull: () => app.store.getState().notify('warning', STORAGE_FULL),
          // Once the first session is open (not to compete with it); the worker caches the app, its first visit
          // included. At the latest after 10 s: an audio download that stalls must not keep a visit from going offline.
          after: Promise.race([initial.opened, new Promise((resolve) => setTimeout(resolve, SERVICE_WORKER_LATEST_MS))]),
        })
      : null;

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App app={app} feed={initial.feed} updates={updates} />
    </StrictMode>,
  );

  // Development: a module reload replaces the whole page's app object, not a second one beside it.
  if (import.meta.hot) import.meta.hot.dispose(() => app.destroy());
}
