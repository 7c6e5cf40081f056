import TimelinePlugin from 'wavesurfer.js/plugins/timeline';
import MinimapPlugin from 'wavesurfer.js/plugins/minimap';
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
  fit(): void;
  on<E extends keyof WaveformZoomEvents>(event: E, listener: (...args: WaveformZoomEvents[E]) => void): Unsubscribe;
  destroy(): void;
}

/** Zoom step for buttons and keys. */
export const ZOOM_STEP = 1.5;
/** 8 kHz decoded audio has 8 samples per pixel here; closer shows nothing new. */
export const MAX_PX_PER_SEC = 1000;
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
  let plugins: { destroy(): void }[] = [];
  let editing: Unsubscribe[] = [];
  let lastView = inert;

  const ready = () => wavesurfer.getDuration() > 0 && wavesurfer.getDecodedData() !== null;
  const fitLevel = () => {
    const duration = wavesurfer.getDuration();
    return duration > 0 ? wavesurfer.getWidth() / duration : 0;
  };
  const level = () => Math.max(fitLevel(), wavesurfer.options.minPxPerSec || 0);

  const measure = (): WaveformView => {
    if (!ready()) return inert;
    const pxPerSec = level();
    const fit = fitLevel();
    return {
      pxPerSec,
      visibleSeconds: pxPerSec > 0 ? wavesurfer.getWidth() / pxPerSec : 0,
      canZoomIn: pxPerSec < MAX_PX_PER_SEC,
      canZoomOut: pxPerSec > fit * 1.001,
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
    const fit = fitLevel();
    const target = Math.min(MAX_PX_PER_SEC, pxPerSec);
    if (target <= fit * 1.001) {
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
    wavesurfer.setOptions({ height: EDIT_HEIGHT });
    // The theme's colours for the minimap, read where waveform.css defines them.
    const root = wavesurfer.getWrapper().getRootNode();
    const styles = getComputedStyle(root instanceof ShadowRoot ? root.host : document.documentElement);
    const readVar = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    plugins = [
      wavesurfer.registerPlugin(
        TimelinePlugin.create({
          height: 18,
          formatTimeCallback: formatClock,
          secondaryLabelOpacity: 0.6,
          style: { fontSize: '11px', color: 'var(--timeline-text, #596170)' },
        }),
      ),
      wavesurfer.registerPlugin(
        MinimapPlugin.create({
          height: 28,
          waveColor: readVar('--minimap-wave', '#b9c1cc'),
          progressColor: readVar('--minimap-progress', '#7d9fdc'),
          cursorColor: readVar('--wave-cursor', '#c2410c'),
          overlayColor: readVar('--minimap-overlay', 'rgba(31, 95, 201, 0.16)'),
          cursorWidth: 1,
          normalize: true,
        }),
      ),
    ];
    openComfortably();
    notify();
  };

  /** Zooms so a typical turn is wide enough to grab, around the selected turn or the playhead. */
  const openComfortably = () => {
    if (!ready()) return;
    const state = store.getState();
    const wanted = comfortableZoom(state.transcript);
    if (wanted <= level()) return;
    const selected = state.transcript.entries[state.selectedEntry];
    const selectedStart = selected?.kind === 'speech' ? turnStart(selected) : undefined;
    const time = selectedStart ?? player.currentTime();
    zoomTo(wanted, time, wavesurfer.getWidth() * 0.3);
  };

  const leave = () => {
    if (plugins.length === 0) return;
    editing.forEach((unsubscribe) => unsubscribe());
    editing = [];
    plugins.forEach((plugin) => plugin.destroy());
    plugins = [];
    if (wheelFrame) cancelAnimationFrame(wheelFrame);
    wheelFrame = 0;
    wavesurfer.setOptions({ height: readHeight });
    if (ready()) wavesurfer.zoom(0);
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
      if (ready()) wavesurfer.zoom(0);
      notify();
    },
    on: emitter.on,
    destroy() {
      unsubscribeStore();
      leave();
      emitter.clear();
    },
  };
}
