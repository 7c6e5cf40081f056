import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { appStore } from './store/app-store.ts';
import { registerServiceWorker } from './app/service-worker-client.ts';
import './ui/styles.css';

const STORAGE_FULL =
  'Your browser’s storage is full, so Verbatim cannot keep a copy of itself for offline use. It keeps working while you are online; free some space (or clear other sites’ data) to work offline.';

// Offline after the first visit (see src/service-worker/sw.js). Not in development, where it would cache stale modules.
const updates =
  import.meta.env.PROD && 'serviceWorker' in navigator
    ? registerServiceWorker({ url: `${import.meta.env.BASE_URL}sw.js`, onStorageFull: () => appStore.getState().notify('warning', STORAGE_FULL) })
    : null;


createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App updates={updates} />
  </StrictMode>,
);

