import WaveSurfer from 'wavesurfer.js';
import type { AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { turnEnd, turnStart } from '../transcript/time-index.ts';
import { formatClock } from '../transcript/format-time.ts';
import { createEmitter, type Unsubscribe } from './emitter.ts';
import type { Player } from './player.ts';

export type WaveformZoomEvents = {
  /** The zoom level or the visible span changed. */
  change: [view: WaveformView];
};

export interface WaveformView {
  /** Pixels per second on screen. */
  pxPerSec: number;
  /** Seconds of audio across the visible width. */
  visibleSeconds: number;
  canZoomIn: boolean;
  canZoomOut: boolean;
}

export interface WaveformZoom {
  view(): WaveformView;
  /** One step in (`factor` > 1) or out, keeping the playhead in place when it is on screen, else the centre. */
  zoomBy(factor: number): void;
  zoomIn(): void;
  zoomOut(): void;
  /** The whole file across the width. */
  /** As wide as allowed: the whole file, or in editor mode {@link MAX_EDIT_SPAN_SECONDS}. */
  fit(): void;
  on<E extends keyof WaveformZoomEvents>(event: E, listener: (...args: WaveformZoomEvents[E]) => void): Unsubscribe;
  destroy(): void;
}

/** Zoom step for buttons and keys. */
export const ZOOM_STEP = 1.5;
/** 8 kHz decoded audio has 8 samples per pixel here; closer shows nothing new. */
export const MAX_PX_PER_SEC = 1000;
/**
 * Widest view in editor mode. Wavesurfer draws from every decoded sample in
 * and around the view (about 60 ns a sample), so a zoom step showing ten
 * minutes of 8 kHz audio blocks for over a second; the minimap is the overview.
 */
export const MAX_EDIT_SPAN_SECONDS = 300;
/** Height of the waveform while editing: room for speaker labels above the peaks. */
const EDIT_HEIGHT = 104;
/** Wheel delta (pixels) that doubles or halves the zoom. */
const WHEEL_PIXELS_PER_DOUBLING = 300;
/** On entering editor mode a typical turn gets at least this many pixels. */
const TURN_PIXELS = 110;

/**
 * The zoom level at which a typical (median) turn of `transcript` is
 * `turnPixels` wide; 0 when nothing is timed. Used to pick a useful view on
 * entering editor mode instead of the whole three-hour file.
 */
export function comfortableZoom(transcript: Transcript, turnPixels = TURN_PIXELS): number {
  const lengths: number[] = [];
  for (const entry of transcript.entries) {
    if (entry.kind !== 'speech') continue;
    const start = turnStart(entry);
    const end = turnEnd(entry);
    if (start !== undefined && end !== undefined && end > start) lengths.push(end - start);
  }
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1]!;
  return turnPixels / Math.max(median, 0.5);
}

/**
 * Zoom, timeline ruler and minimap of the waveform for editor mode. Ctrl+wheel
 * (and a trackpad pinch, which arrives as Ctrl+wheel) zooms around the
 * pointer; buttons and keys call {@link WaveformZoom.zoomBy}. Leaving editor
 * mode shows the whole file again. Wavesurfer's auto-scroll keeps the playhead
 * in view while playing.
 */
export function installWaveformZoom(player: Player, store: AppStore): WaveformZoom {
  const wavesurfer = player.wavesurfer;
  const emitter = createEmitter<WaveformZoomEvents>();
  const inert: WaveformView = { pxPerSec: 0, visibleSeconds: 0, canZoomIn: false, canZoomOut: false };
  if (!wavesurfer) {
    const noop = () => undefined;
    return { view: () => inert, zoomBy: noop, zoomIn: noop, zoomOut: noop, fit: noop, on: emitter.on, destroy: () => emitter.clear() };
  }

  const readHeight = wavesurfer.options.height;
  const envelope = createEnvelopeCache(wavesurfer);
  let plugins: { destroy(): void }[] = [];
  let editing: Unsubscribe[] = [];
  let lastView = inert;

  const ready = () => wavesurfer.getDuration() > 0 && wavesurfer.getDecodedData() !== null;
  const fitLevel = () => {
    const duration = wavesurfer.getDuration();
    return duration > 0 ? wavesurfer.getWidth() / duration : 0;
  };
  const level = () => Math.max(fitLevel(), wavesurfer.options.minPxPerSec || 0);
  /** The widest zoom allowed now: the whole file, or in editor mode at most MAX_EDIT_SPAN_SECONDS. */
  const minLevel = () => Math.max(fitLevel(), plugins.length > 0 ? wavesurfer.getWidth() / MAX_EDIT_SPAN_SECONDS : 0);

  const measure = (): WaveformView => {
    if (!ready()) return inert;
    const pxPerSec = level();
    return {
      pxPerSec,
      visibleSeconds: pxPerSec > 0 ? wavesurfer.getWidth() / pxPerSec : 0,
      canZoomIn: pxPerSec < MAX_PX_PER_SEC,
      canZoomOut: pxPerSec > minLevel() * 1.001,
    };
  };

  const notify = () => {
    const next = measure();
    if (next.pxPerSec === lastView.pxPerSec && next.visibleSeconds === lastView.visibleSeconds) return;
    lastView = next;
    emitter.emit('change', next);
  };

  /** Sets the zoom so that `anchorTime` stays `anchorX` pixels from the left edge of the view. */
  const zoomTo = (pxPerSec: number, anchorTime: number, anchorX: number) => {
    if (!ready()) return;
    const target = Math.min(MAX_PX_PER_SEC, Math.max(minLevel(), pxPerSec));
    // At a limit already: a re-render would change nothing and costs a long frame.
    if (Math.abs(target - level()) <= level() * 0.001) return;
    if (target <= fitLevel() * 1.001) {
      wavesurfer.zoom(0);
    } else {
      wavesurfer.zoom(target);
      wavesurfer.setScroll(Math.max(0, anchorTime * target - anchorX));
    }
    notify();
  };

  /** The playhead when it is on screen, else the centre of the view. */
  const defaultAnchor = () => {
    const pxPerSec = level();
    const scroll = wavesurfer.getScroll();
    const width = wavesurfer.getWidth();
    const playheadX = player.currentTime() * pxPerSec - scroll;
    if (playheadX >= 0 && playheadX <= width) return { time: player.currentTime(), x: playheadX };
    return { time: (scroll + width / 2) / pxPerSec, x: width / 2 };
  };

  const zoomBy = (factor: number) => {
    if (!ready()) return;
    const anchor = defaultAnchor();
    zoomTo(level() * factor, anchor.time, anchor.x);
  };

  // Wheel deltas arrive faster than frames; sum them and zoom once per frame.
  let wheelDelta = 0;
  let wheelAnchorX = 0;
  let wheelFrame = 0;
  const applyWheel = () => {
    wheelFrame = 0;
    const pxPerSec = level();
    const time = (wavesurfer.getScroll() + wheelAnchorX) / pxPerSec;
    const factor = 2 ** (-wheelDelta / WHEEL_PIXELS_PER_DOUBLING);
    wheelDelta = 0;
    zoomTo(pxPerSec * factor, time, wheelAnchorX);
  };
  const onWheel = (event: WheelEvent) => {
    if (!(event.ctrlKey || event.metaKey) || !ready()) return;
    // Without this the browser zooms the whole page.
    event.preventDefault();
    const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? wavesurfer.getWidth() : 1;
    wheelDelta += event.deltaY * lines;
    const scroller = wavesurfer.getWrapper().parentElement;
    wheelAnchorX = event.clientX - (scroller?.getBoundingClientRect().left ?? 0);
    if (!wheelFrame) wheelFrame = requestAnimationFrame(applyWheel);
  };

  const enter = () => {
    if (plugins.length > 0) return;
    const scroller = wavesurfer.getWrapper().parentElement;
    scroller?.addEventListener('wheel', onWheel, { passive: false });
    editing = [
      () => scroller?.removeEventListener('wheel', onWheel),
      wavesurfer.on('zoom', notify),
      wavesurfer.on('redraw', notify),
      wavesurfer.on('resize', notify),
      wavesurfer.on('ready', () => {
        openComfortably();
        notify();
      }),
    ];
    // Height and zoom in one render: at the zoomed level only the visible stretch is drawn,
    // while a render at "whole file" touches every sample (seconds for a three-hour file).
    const opening = comfortableView();
    wavesurfer.setOptions({ height: EDIT_HEIGHT, ...envelope.peakOption(), ...(opening ? { minPxPerSec: opening.pxPerSec } : {}) });
    if (opening) wavesurfer.setScroll(Math.max(0, opening.time * opening.pxPerSec - wavesurfer.getWidth() * 0.3));
    plugins = [createRuler(wavesurfer), createOverview(player, wavesurfer, envelope, readColors(wavesurfer))];
    notify();
  };

  /** A zoom at which a typical turn is wide enough to grab, around the selected turn or the playhead; null when the current one is. */
  const comfortableView = () => {
    if (!ready()) return null;
    const state = store.getState();
    const widest = Math.max(fitLevel(), wavesurfer.getWidth() / MAX_EDIT_SPAN_SECONDS);
    const pxPerSec = Math.min(MAX_PX_PER_SEC, Math.max(widest, comfortableZoom(state.transcript)));
    if (pxPerSec <= level()) return null;
    const selected = state.transcript.entries[state.selectedEntry];
    const selectedStart = selected?.kind === 'speech' ? turnStart(selected) : undefined;
    return { pxPerSec, time: selectedStart ?? player.currentTime() };
  };

  const openComfortably = () => {
    const opening = comfortableView();
    if (opening) zoomTo(opening.pxPerSec, opening.time, wavesurfer.getWidth() * 0.3);
  };

  const leave = () => {
    if (plugins.length === 0) return;
    editing.forEach((unsubscribe) => unsubscribe());
    editing = [];
    plugins.forEach((plugin) => plugin.destroy());
    plugins = [];
    if (wheelFrame) cancelAnimationFrame(wheelFrame);
    wheelFrame = 0;
    wavesurfer.setOptions({ height: readHeight, minPxPerSec: 0 });
    notify();
  };

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.mode === previous.mode) return;
    if (state.mode === 'edit') enter();
    else leave();
  });
  if (store.getState().mode === 'edit') enter();

  return {
    // Cached so React's useSyncExternalStore sees the same object until something changes.
    view: () => lastView,
    zoomBy,
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fit: () => {
      if (!ready()) return;
      const anchor = defaultAnchor();
      zoomTo(minLevel(), anchor.time, anchor.x);
    },
    on: emitter.on,
    destroy() {
      unsubscribeStore();
      leave();
      envelope.destroy();
      emitter.clear();
    },
  };
}

interface OverviewColors {
  wave: string;
  progress: string;
  cursor: string;
  overlay: string;
}

/** The theme's colours for the overview, read where waveform.css defines them. */
function readColors(wavesurfer: WaveSurfer): OverviewColors {
  const root = wavesurfer.getWrapper().getRootNode();
  const styles = getComputedStyle(root instanceof ShadowRoot ? root.host : document.documentElement);
  const read = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
  return {
    wave: read('--minimap-wave', '#b9c1cc'),
    progress: read('--minimap-progress', '#7d9fdc'),
    cursor: read('--wave-cursor', '#c2410c'),
    overlay: read('--minimap-overlay', 'rgba(31, 95, 201, 0.16)'),
  };
}

/** Columns of the overview's envelope; more than any screen is wide. */
const OVERVIEW_BUCKETS = 3000;
/** Samples scanned per slice before yielding (a few milliseconds of work). */
const OVERVIEW_SLICE = 1 << 20;

/**
 * Peak envelope of `samples` in `buckets` columns, computed slice by slice
 * with `yieldToHost()` between slices so a long file never blocks.
 */
export async function envelopeInChunks(
  samples: Float32Array,
  buckets: number,
  yieldToHost: () => Promise<void>,
  signal?: AbortSignal,
): Promise<Float32Array> {
  const peaks = new Float32Array(buckets);
  const edge = (bucket: number) => Math.round((bucket * samples.length) / buckets);
  let bucket = 0;
  while (bucket < buckets) {
    signal?.throwIfAborted();
    const sliceEnd = edge(bucket) + OVERVIEW_SLICE;
    // Whole buckets per slice, so each bucket's maximum is found in one tight loop.
    for (; bucket < buckets && edge(bucket) < sliceEnd; bucket++) {
      let peak = 0;
      for (let i = edge(bucket), end = edge(bucket + 1); i < end; i++) {
        const value = samples[i]!;
        if (value > peak) peak = value;
        else if (-value > peak) peak = -value;
      }
      peaks[bucket] = peak;
    }
    await yieldToHost();
  }
  return peaks;
}

interface EnvelopeCache {
  /** The current audio's envelope, or null when there is no audio or it changed meanwhile. */
  get(): Promise<{ peaks: Float32Array; duration: number } | null>;
  /**
   * `maxPeak` for the next render: the true one once known; until then 1, so
   * the render does not scan the whole file (it is corrected when the envelope is done).
   */
  peakOption(): { maxPeak?: number };
  destroy(): void;
}

/**
 * The decoded audio's peak envelope, computed once per audio in the background
 * as soon as it is decoded. It feeds the minimap and gives wavesurfer its
 * `maxPeak`: with `normalize` on and no `maxPeak`, wavesurfer scans every
 * sample on every render, which is 200 ms per zoom step on a three-hour file.
 */
function createEnvelopeCache(wavesurfer: WaveSurfer): EnvelopeCache {
  let audio: AudioBuffer | null = null;
  let pending: Promise<{ peaks: Float32Array; duration: number } | null> = Promise.resolve(null);
  let controller: AbortController | null = null;
  let peakWasOurs = false;
  let knownPeak: number | null = null;

  const start = () => {
    const decoded = wavesurfer.getDecodedData();
    if (!decoded || decoded === audio) return;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    audio = decoded;
    const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    pending = envelopeInChunks(decoded.getChannelData(0), OVERVIEW_BUCKETS, yieldToHost, current.signal).then(
      (peaks) => {
        if (wavesurfer.getDecodedData() !== decoded) return null;
        knownPeak = peaks.reduce((max, value) => Math.max(max, value), 0) || 1;
        if (wavesurfer.options.normalize && (wavesurfer.options.maxPeak === undefined || peakWasOurs)) {
          const provisional = wavesurfer.options.maxPeak !== undefined;
          peakWasOurs = true;
          // Set quietly for later renders; re-render only when something was drawn with the provisional peak.
          if (provisional && wavesurfer.options.maxPeak !== knownPeak) wavesurfer.setOptions({ maxPeak: knownPeak });
          else wavesurfer.options.maxPeak = knownPeak;
        }
        return { peaks, duration: decoded.duration };
      },
      () => null,
    );
  };
  const subscriptions = [
    wavesurfer.on('decode', start),
    wavesurfer.on('ready', start),
    wavesurfer.on('load', () => {
      controller?.abort();
      audio = null;
      pending = Promise.resolve(null);
      // The next audio has its own loudest sample.
      if (peakWasOurs) delete wavesurfer.options.maxPeak;
      peakWasOurs = false;
      knownPeak = null;
    }),
  ];
  start();
  return {
    get() {
      start();
      return pending;
    },
    peakOption() {
      if (!wavesurfer.options.normalize || (wavesurfer.options.maxPeak !== undefined && !peakWasOurs)) return {};
      peakWasOurs = true;
      return { maxPeak: knownPeak ?? 1 };
    },
    destroy() {
      controller?.abort();
      subscriptions.forEach((unsubscribe) => unsubscribe());
    },
  };
}

/**
 * A minimap of the whole file under the waveform: the envelope, the playhead
 * and a box for the visible stretch; click or drag to seek. Like wavesurfer's
 * Minimap plugin, but drawn from a precomputed envelope built in slices: the
 * plugin redraws from every decoded sample at once, which blocks for seconds
 * on a three-hour file.
 */
function createOverview(player: Player, wavesurfer: WaveSurfer, envelope: EnvelopeCache, colors: OverviewColors): { destroy(): void } {
  const container = document.createElement('div');
  container.setAttribute('part', 'minimap');
  container.style.position = 'relative';
  const overlay = document.createElement('div');
  overlay.setAttribute('part', 'minimap-overlay');
  Object.assign(overlay.style, { position: 'absolute', zIndex: '2', top: '0', bottom: '0', pointerEvents: 'none', backgroundColor: colors.overlay });
  container.append(overlay);
  wavesurfer.getWrapper().parentElement?.insertAdjacentElement('afterend', container);

  const controller = new AbortController();
  let mini: WaveSurfer | null = null;
  const subscriptions: Unsubscribe[] = [];

  const placeOverlay = () => {
    const total = wavesurfer.getWrapper().scrollWidth;
    if (!total) return;
    const left = wavesurfer.getScroll() / total;
    const width = Math.min(1 - left, wavesurfer.getWidth() / total);
    overlay.style.left = `${left * 100}%`;
    overlay.style.width = `${width * 100}%`;
  };
  const showProgress = (time: number) => {
    const duration = wavesurfer.getDuration();
    if (mini && duration > 0) mini.getRenderer().renderProgress(time / duration, player.isPlaying());
  };
  subscriptions.push(
    wavesurfer.on('scroll', placeOverlay),
    wavesurfer.on('redraw', placeOverlay),
    wavesurfer.on('timeupdate', showProgress),
  );
  placeOverlay();

  envelope.get().then(
    (found) => {
      if (controller.signal.aborted || !found) return;
      mini = WaveSurfer.create({
        container,
        peaks: [found.peaks],
        duration: found.duration,
        height: 28,
        waveColor: colors.wave,
        progressColor: colors.progress,
        cursorColor: colors.cursor,
        cursorWidth: 1,
        normalize: true,
        dragToSeek: true,
        autoScroll: false,
      });
      const seek = (relativeX: number) => player.seek(relativeX * found.duration);
      subscriptions.push(mini.on('click', seek), mini.on('drag', seek));
      showProgress(player.currentTime());
    },
    () => undefined,
  );

  return {
    destroy() {
      controller.abort();
      subscriptions.forEach((unsubscribe) => unsubscribe());
      mini?.destroy();
      container.remove();
    },
  };
}

/** Label spacing and tick spacing in seconds, from close to far. */
const RULER_STEPS: readonly (readonly [major: number, minor: number])[] = [
  [0.5, 0.1], [1, 0.2], [2, 0.5], [5, 1], [10, 2], [15, 5], [30, 10], [60, 10], [120, 30],
  [300, 60], [600, 120], [900, 300], [1800, 300], [3600, 600],
];
/** Labels at least this far apart. */
const RULER_LABEL_PX = 72;

/** `1:05`, or `1:05.5` when the ruler's steps are shorter than a second. */
function rulerLabel(seconds: number, step: number): string {
  if (step >= 1) return formatClock(Math.round(seconds));
  const tenths = Math.round(seconds * 10) % 10;
  return `${formatClock(Math.floor(seconds + 1e-6))}.${tenths}`;
}

/**
 * A time ruler under the waveform that only ever holds the ticks near the
 * visible stretch (wavesurfer's Timeline plugin builds and measures one
 * element per tick of the whole file on every zoom: seconds on a long file).
 */
function createRuler(wavesurfer: WaveSurfer): { destroy(): void } {
  const ruler = document.createElement('div');
  ruler.setAttribute('part', 'timeline');
  Object.assign(ruler.style, { position: 'relative', height: '18px', overflow: 'hidden', whiteSpace: 'nowrap', fontSize: '11px', pointerEvents: 'none' });
  wavesurfer.getWrapper().append(ruler);
  let drawn = { from: 0, to: -1, pxPerSec: 0 };
  let frame = 0;

  const draw = () => {
    frame = 0;
    const duration = wavesurfer.getDuration();
    const total = wavesurfer.getWrapper().scrollWidth;
    if (!duration || !total) return;
    const pxPerSec = total / duration;
    const scroll = wavesurfer.getScroll();
    const width = wavesurfer.getWidth();
    // Redraw only when the view leaves the stretch already drawn (one screen either side).
    if (pxPerSec === drawn.pxPerSec && scroll >= drawn.from && scroll + width <= drawn.to) return;
    const from = Math.max(0, scroll - width);
    const to = Math.min(total, scroll + 2 * width);
    const [major, minor] = RULER_STEPS.find(([step]) => step * pxPerSec >= RULER_LABEL_PX) ?? RULER_STEPS.at(-1)!;
    const fragment = document.createDocumentFragment();
    const first = Math.floor(from / pxPerSec / minor);
    const last = Math.ceil(to / pxPerSec / minor);
    for (let i = first; i <= last; i++) {
      const time = i * minor;
      if (time > duration) break;
      const isMajor = Math.abs(time / major - Math.round(time / major)) < 1e-6;
      const tick = document.createElement('div');
      tick.setAttribute('part', isMajor ? 'timeline-notch timeline-notch-primary' : 'timeline-notch');
      tick.style.cssText = `position:absolute;left:${(time * pxPerSec).toFixed(1)}px;top:0;bottom:0;border-left:1px solid currentColor;opacity:${isMajor ? 0.9 : 0.35};height:${isMajor ? 100 : 40}%;padding-left:3px`;
      if (isMajor) tick.textContent = rulerLabel(time, major);
      fragment.append(tick);
    }
    ruler.replaceChildren(fragment);
    drawn = { from, to, pxPerSec };
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const subscriptions = [wavesurfer.on('scroll', schedule), wavesurfer.on('redraw', schedule), wavesurfer.on('resize', schedule)];
  draw();
  return {
    destroy() {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      if (frame) cancelAnimationFrame(frame);
      ruler.remove();
    },
  };
}
