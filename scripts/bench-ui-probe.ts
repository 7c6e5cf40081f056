/**
 * What `npm run bench:ui` installs in every page before its scripts run, for
 * Verbatim and for the hyperaudio-lite peer alike: a long-task log, the moment
 * the page became interactive, a hook on media seeks, and how to read the
 * highlighted word and the scroller of either app. Runs in the page: no imports.
 */

export type AppKind = 'verbatim' | 'peer';

export interface Probe {
  kind: AppKind;
  longTasks: { start: number; duration: number }[];
  /** performance.now() after the frame that first showed a transcript row with the media ready to play. */
  readyAt: number | null;
  /** performance.now() when a script last set a media element's currentTime. */
  timeSetAt: number | null;
  rowSelector: string;
  /** The element holding every row: its bottom is the end of the transcript (Verbatim pads below it). */
  listSelector: string;
  wordSelector: string;
  /** Start (s) of the highlighted word, or null when none is. */
  activeStart(): number | null;
  scroller(): HTMLElement | null;
  /** Calls `done` with performance.now() after the next frame has been painted. */
  afterPaint(done: (now: number) => void): void;
  /** The same from inside a requestAnimationFrame callback, for the frame being drawn. */
  afterThisFrame(done: (now: number) => void): void;
}

declare global {
  interface Window {
    __bench: Probe;
    /** Set by the peer page once HyperaudioLite is constructed. */
    __peerReady?: boolean;
  }
}

export function installProbe(kind: AppKind): void {
  // Called from a requestAnimationFrame callback: runs once that frame has been painted.
  const afterThisFrame = (done: (now: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  };
  const verbatim = kind === 'verbatim';
  const activeWords = document.getElementsByClassName('active');
  const probe: Probe = {
    kind,
    longTasks: [],
    readyAt: null,
    timeSetAt: null,
    rowSelector: verbatim ? '.transcript__slot' : '#hypertranscript p',
    listSelector: verbatim ? '.transcript__list' : '#hypertranscript section',
    wordSelector: verbatim ? '.word[data-start]' : '[data-m]',
    activeStart() {
      if (verbatim) {
        const word = document.querySelector<HTMLElement>('.word[aria-current="true"]');
        return word ? Number(word.dataset.start) : null;
      }
      // hyperaudio-lite marks the word and its paragraph `active`; a live collection keeps this cheap at 72,000 nodes.
      for (let i = activeWords.length - 1; i >= 0; i--) {
        const element = activeWords[i] as HTMLElement;
        if (element.dataset.m !== undefined) return Number(element.dataset.m) / 1000;
      }
      return null;
    },
    scroller: () => document.querySelector<HTMLElement>(verbatim ? '[data-testid="transcript-scroller"]' : '#hypertranscript'),
    afterThisFrame,
    afterPaint(done) {
      requestAnimationFrame(() => afterThisFrame(done));
    },
  };
  window.__bench = probe;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  const currentTime = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime')!;
  Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
    configurable: true,
    get(this: HTMLMediaElement) {
      return currentTime.get!.call(this) as number;
    },
    set(this: HTMLMediaElement, value: number) {
      probe.timeSetAt = performance.now();
      currentTime.set!.call(this, value);
    },
  });

  // Interactive: a row is in the DOM, the media has its metadata and the app's play control works.
  let seen = false;
  const check = () => {
    if (seen) return;
    const audio = document.querySelector('audio');
    const playable = verbatim ? document.querySelector('[data-testid="play-pause"]:not([disabled])') !== null : window.__peerReady === true;
    if (document.querySelector(verbatim ? '[data-turn-index]' : '[data-m]') && audio && audio.readyState >= 1 && playable) {
      seen = true;
      probe.afterPaint((now) => {
        probe.readyAt = now;
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  document.addEventListener('loadedmetadata', check, true);
  const poll = setInterval(() => (seen ? clearInterval(poll) : check()), 10);
}
