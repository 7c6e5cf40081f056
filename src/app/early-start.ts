/**
 * What the first screen waits on, started before the app's code is even compiled: the
 * page entry (src/main.tsx) runs this, then loads the app (boot.tsx), which takes it over.
 * For `?audio=&transcript=&peaks=`: the media element reads the audio's metadata, and the
 * transcript and peaks download as preloads that the loader's own `fetch` then gets from
 * the cache. No imports: this is the whole of the page's first script.
 */
export interface EarlyStart {
  /** An `<audio>` already reading the address's audio; the player adopts it (create-verbatim's `media`). */
  media: HTMLAudioElement | null;
}

export function startEarly(location: { search: string }, doc: Document = document): EarlyStart {
  const params = new URLSearchParams(location.search);
  // The alignment demo opens its own audio and text, whatever else the address names (open-initial.ts).
  if (params.get('demo') === 'align') return { media: null };
  for (const name of ['transcript', 'peaks']) {
    const url = params.get(name);
    if (!url) continue;
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // The same request as the loader's `fetch(url)` (cors mode, same-origin credentials), so it is served from this one.
    link.crossOrigin = 'anonymous';
    link.href = url;
    doc.head.append(link);
  }
  const audio = params.get('audio');
  if (!audio) return { media: null };
  const media = doc.createElement('audio');
  media.preload = 'auto';
  media.crossOrigin = 'anonymous';
  media.src = audio;
  return { media };
}
