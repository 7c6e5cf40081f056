/*
 * Verbatim's service worker: makes the app work offline after one visit.
 *
 * - Page loads: network first, the cached copy when offline.
 * - Built assets (content-hashed), the demo and the alignment models: cache first.
 * - Media byte-range requests are answered from a cached whole file when there
 *   is one (the waveform fetches the whole file once), so playback works offline.
 * Only same-origin GET requests are touched; user files (blob: URLs) never pass here.
 */
const CACHE = 'verbatim-app-v1';
const scope = new URL(self.registration.scope);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('verbatim-app-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function isCacheFirst(url) {
  const path = url.pathname.slice(scope.pathname.length);
  return path.startsWith('assets/') || path.startsWith('demo/') || path.startsWith('align-model/');
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200) await cache.put(request, response.clone());
  return response;
}

/** A 206 sliced from a cached whole file, or the network when there is none. */
async function range(request) {
  const cached = await (await caches.open(CACHE)).match(request.url);
  if (!cached) return fetch(request);
  const match = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
  const body = await cached.blob();
  if (!match) return fetch(request);
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
  if (request.headers.has('range')) {
    event.respondWith(range(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (isCacheFirst(url)) {
    event.respondWith(cacheFirst(request));
  }
});
