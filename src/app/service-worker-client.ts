/**
 * Registers the service worker (production only) and reports what the user must know:
 * a new version is ready (the page reloads into it only when the user says so), and the
 * browser's storage is full (once per page, however often the worker meets it; the app keeps working online).
 */
export interface ServiceWorkerUpdates {
  /** True once a new version has installed and waits for the user's reload. */
  updateReady(): boolean;
  /** Calls back whenever `updateReady()` changes; returns its unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Hands over to the waiting version and reloads the page into it. */
  reload(): void;
  destroy(): void;
}

export interface ServiceWorkerOptions {
  url: string;
  onStorageFull: () => void;
  /**
   * Registration waits for this: a first visit's worker fetches and caches every asset (megabytes),
   * which on a small machine competes with the page's own first load for the CPU and the network.
   */
  after?: Promise<unknown>;
  container?: ServiceWorkerContainer;
  reloadPage?: () => void;
}

export function registerServiceWorker({ url, onStorageFull, after = Promise.resolve(), container = navigator.serviceWorker, reloadPage = () => window.location.reload() }: ServiceWorkerOptions): ServiceWorkerUpdates {
  const listeners = new Set<() => void>();
  let waiting: ServiceWorker | null = null;
  let reloading = false;
  let destroyed = false;
  let storageFullTold = false;
  const cleanups: Array<() => void> = [];
  const listen = <K extends keyof ServiceWorkerContainerEventMap>(type: K, handler: (event: ServiceWorkerContainerEventMap[K]) => void) => {
    container.addEventListener(type, handler);
    cleanups.push(() => container.removeEventListener(type, handler));
  };
  const setWaiting = (worker: ServiceWorker | null) => {
    // Only an update waits: the very first worker takes over by itself.
    if (!worker || !container.controller || destroyed) return;
    waiting = worker;
    listeners.forEach((listener) => listener());
  };

  listen('message', (event) => {
    if ((event.data as { type?: string } | null)?.type !== 'verbatim:storage-full' || storageFullTold) return;
    storageFullTold = true;
    onStorageFull();
  });
  listen('controllerchange', () => {
    if (reloading) reloadPage();
  });
  // Messages sent while the page was still starting (the first install) wait in a queue until this.
  container.startMessages();

  after
    .catch(() => undefined)
    .then(() => (destroyed ? Promise.reject(new Error('destroyed')) : container.register(url)))
    .then((registration) => {
      setWaiting(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') setWaiting(installing);
        });
      });
    })
    .catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });

  return {
    updateReady: () => waiting !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload() {
      if (!waiting) return;
      reloading = true;
      waiting.postMessage({ type: 'verbatim:skip-waiting' });
    },
    destroy() {
      destroyed = true;
      cleanups.forEach((cleanup) => cleanup());
      listeners.clear();
    },
  };
}
