/*
 * Verbatim's service worker: the app works offline after one visit, and never takes the app down.
 *
 * - Install precaches the app shell and the demo (the list is written into this file at build time,
 *   so every build is a new worker and the browser notices it).
 * - Pages: network first; the cached copy only when the network fails. Assets: cache first (they are
 *   content-hashed). Everything is answered before it is cached: caching runs in the background and
 *   its failures (a full quota) are caught, reported to the pages once, and never fail a response.
 * - A new version waits until the page says so (the app shows "new version available — reload").
 * - Media byte-range requests are answered from a cached whole file when there is one.
 * Only same-origin GET requests are touched; user files (blob: URLs) never pass here.
 */
/* global __VERBATIM_PRECACHE__, __VERBATIM_VERSION__ */
const PRECACHE = typeof __VERBATIM_PRECACHE__ === 'undefined' ? [] : __VERBATIM_PRECACHE__;
const VERSION = typeof __VERBATIM_VERSION__ === 'undefined' ? 'dev' : __VERBATIM_VERSION__;
const CACHE = `verbatim-app-${VERSION}`;
const scope = new URL(self.registration.scope);

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' })) client.postMessage(message);
}

/** A failed cache write is never the user's problem now; a full disk is worth one sentence (each page says it once). */
async function reportCacheFailure(error) {
  const full = error && (error.name === 'QuotaExceededError' || /quota/i.test(String(error.message)));
  if (full) await tellPages({ type: 'verbatim:storage-full' });
}

async function put(cache, request, response) {
  try {
    await cache.put(request, response);
  } catch (error) {
    await reportCacheFailure(error);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One file at a time, each failure caught: a partial precache still installs a working worker.
      for (const path of PRECACHE) {
        const url = new URL(path, scope).href;
        try {
          const response = await fetch(url, { cache: 'no-cache' });
          if (response.ok) await put(cache, url, response);
        } catch {
          // Offline during install: the page fills the cache as it goes.
        }
      }
      // The very first worker has no page to disturb; later ones wait for the page's word.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'verbatim:skip-waiting') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('verbatim-app-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function relative(url) {
  return url.pathname.slice(scope.pathname.length);
}

function isCacheFirst(url) {
  const path = relative(url);
  return path.startsWith('assets/') || path.startsWith('demo/') || path.startsWith('align-model/') || path.startsWith('vad-model/');
}

/** The response goes to the page at once; the copy for the cache is written afterwards. */
function answerThenCache(event, cache, request, response) {
  if (response.ok && response.status === 200) event.waitUntil(put(cache, request, response.clone()));
  return response;
}

async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    return answerThenCache(event, cache, event.request, await fetch(event.request));
  } catch (error) {
    const cached =
      (await cache.match(event.request, { ignoreSearch: true })) ?? (await cache.match(new URL('./', scope).href));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  return answerThenCache(event, cache, event.request, await fetch(event.request));
}

/** A 206 sliced from a cached whole file, or the network when there is none. */
async function range(request) {
  const cached = await (await caches.open(CACHE)).match(request.url);
  const match = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
  if (!cached || !match) return fetch(request);
  const body = await cached.blob();
  const start = match[1] ? Number(match[1]) : Math.max(0, body.size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), body.size - 1) : body.size - 1;
  if (start > end) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${body.size}` } });
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'content-type': cached.headers.get('content-type') ?? 'application/octet-stream',
      'content-range': `bytes ${start}-${end}/${body.size}`,
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
    },
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (relative(url) === 'sw.js') return;
  if (request.headers.has('range')) {
    event.respondWith(range(request).catch(() => fetch(request)));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(event));
  } else if (isCacheFirst(url)) {
    event.respondWith(cacheFirst(event).catch(() => fetch(request)));
  }
});
