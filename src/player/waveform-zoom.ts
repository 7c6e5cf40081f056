import { createEmitter, type Unsubscribe } from './emitter.ts';
import type { Player } from './player.ts';
import { EnvelopePlugin } from './envelope-plugin.ts';
import { MinimapPlugin, readMinimapColors } from './minimap-plugin.ts';
import { RulerPlugin } from './ruler-plugin.ts';
import { MAX_PX_PER_SEC, ZOOM_STEP, clampLevel, fitLevel, isSameLevel, minLevel, scrollForAnchor, wheelFactor, wheelPixels, zoomAnchor, type ZoomFrame } from './zoom-math.ts';

export { MAX_EDIT_SPAN_SECONDS, MAX_PX_PER_SEC, ZOOM_STEP } from './zoom-math.ts';

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

/** Where editor mode opens: a zoom level and a time to show near the left. */
export interface PreferredView {
  pxPerSec: number;
  time: number;
}

export interface WaveformZoom {
  view(): WaveformView;
  /** One step in (`factor` > 1) or out, keeping the playhead in place when it is on screen, else the centre. */
  zoomBy(factor: number): void;
  zoomIn(): void;
  zoomOut(): void;
  /** As wide as allowed: the whole file, or in editor mode {@link MAX_EDIT_SPAN_SECONDS}. */
  fit(): void;
  /**
   * Editor mode: a taller waveform with a ruler and a minimap, Ctrl+wheel zoom,
   * opening at `preferred()` (asked again whenever new audio is ready).
   */
  enterEditing(preferred: () => PreferredView | null): void;
  /** Back to the whole file at reading height. */
  leaveEditing(): void;
  on<E extends keyof WaveformZoomEvents>(event: E, listener: (...args: WaveformZoomEvents[E]) => void): Unsubscribe;
  destroy(): void;
}

/** Height of the waveform while editing: room for speaker labels above the peaks. */
const EDIT_HEIGHT = 104;

/**
 * A height the page sets in CSS (waveform.css: `--edit-wave-height`, `--minimap-height`, lower on
 * short screens), read where the waveform is; `fallback` when unset or below `least` pixels.
 */
function cssPixels(wavesurfer: NonNullable<Player['wavesurfer']>, name: string, fallback: number, least: number): number {
  const root = wavesurfer.getWrapper().getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const height = host ? Number.parseFloat(getComputedStyle(host).getPropertyValue(name)) : Number.NaN;
  return Number.isFinite(height) && height >= least ? height : fallback;
}
const INERT: WaveformView = { pxPerSec: 0, visibleSeconds: 0, canZoomIn: false, canZoomOut: false };

/**
 * Zoom of the waveform. Ctrl+wheel (and a trackpad pinch, which arrives as
 * Ctrl+wheel) zooms around the pointer in editor mode; buttons and keys call
 * {@link WaveformZoom.zoomBy}. The ruler, minimap and envelope are wavesurfer
 * plugins of their own; this module only decides the zoom level and scroll.
 */
export function installWaveformZoom(player: Player): WaveformZoom {
  const wavesurfer = player.wavesurfer;
  const emitter = createEmitter<WaveformZoomEvents>();
  if (!wavesurfer) {
    const noop = () => undefined;
    return { view: () => INERT, zoomBy: noop, zoomIn: noop, zoomOut: noop, fit: noop, enterEditing: noop, leaveEditing: noop, on: emitter.on, destroy: () => emitter.clear() };
  }

  const readHeight = wavesurfer.options.height;
  const envelope = wavesurfer.registerPlugin(EnvelopePlugin.create());
  let plugins: { destroy(): void }[] = [];
  let editing: Unsubscribe[] = [];
  let preferred: (() => PreferredView | null) | null = null;
  let lastView = INERT;

  const ready = () => wavesurfer.getDuration() > 0 && wavesurfer.getDecodedData() !== null;
  const frame = (): ZoomFrame => ({ width: wavesurfer.getWidth(), duration: wavesurfer.getDuration(), editing: preferred !== null });
  const level = () => Math.max(fitLevel(frame()), wavesurfer.options.minPxPerSec || 0);

  const measure = (): WaveformView => {
    if (!ready()) return INERT;
    const pxPerSec = level();
    return {
      pxPerSec,
      visibleSeconds: pxPerSec > 0 ? wavesurfer.getWidth() / pxPerSec : 0,
      canZoomIn: pxPerSec < MAX_PX_PER_SEC,
      canZoomOut: pxPerSec > minLevel(frame()) * 1.001,
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
    const target = clampLevel(pxPerSec, frame());
    // At a limit already: a re-render would change nothing and costs a long frame.
    if (isSameLevel(target, level())) return;
    if (target <= fitLevel(frame()) * 1.001) {
      player.drawAt(0);
    } else {
      player.drawAt(target);
      wavesurfer.setScroll(scrollForAnchor(anchorTime, anchorX, target));
    }
    notify();
  };

  const defaultAnchor = () => zoomAnchor(player.currentTime(), level(), wavesurfer.getScroll(), wavesurfer.getWidth());

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
    const factor = wheelFactor(wheelDelta);
    wheelDelta = 0;
    zoomTo(pxPerSec * factor, time, wheelAnchorX);
  };
  const onWheel = (event: WheelEvent) => {
    if (!(event.ctrlKey || event.metaKey) || !ready()) return;
    // Without this the browser zooms the whole page.
    event.preventDefault();
    wheelDelta += wheelPixels(event.deltaY, event.deltaMode, wavesurfer.getWidth());
    const scroller = wavesurfer.getWrapper().parentElement;
    wheelAnchorX = event.clientX - (scroller?.getBoundingClientRect().left ?? 0);
    if (!wheelFrame) wheelFrame = requestAnimationFrame(applyWheel);
  };

  /** The preferred view when it is closer than the current one, clamped to what is allowed. */
  const opening = () => {
    const wanted = ready() ? preferred?.() : null;
    if (!wanted) return null;
    const pxPerSec = clampLevel(wanted.pxPerSec, frame());
    return pxPerSec > level() ? { pxPerSec, time: wanted.time } : null;
  };

  const enterEditing = (preference: () => PreferredView | null) => {
    if (preferred) return;
    preferred = preference;
    const scroller = wavesurfer.getWrapper().parentElement;
    scroller?.addEventListener('wheel', onWheel, { passive: false });
    // Zoomed in, the waveform scrolls: keyboard users can focus it to scroll (axe: scrollable-region-focusable).
    scroller?.setAttribute('tabindex', '0');
    scroller?.setAttribute('role', 'group');
    scroller?.setAttribute('aria-label', 'Waveform (edit turns with the list; Ctrl+wheel zooms)');
    editing = [
      () => {
        scroller?.removeEventListener('wheel', onWheel);
        scroller?.removeAttribute('tabindex');
        scroller?.removeAttribute('role');
        scroller?.removeAttribute('aria-label');
      },
      wavesurfer.on('zoom', notify),
      wavesurfer.on('redraw', notify),
      wavesurfer.on('resize', notify),
      wavesurfer.on('ready', () => {
        const view = opening();
        if (view) zoomTo(view.pxPerSec, view.time, wavesurfer.getWidth() * 0.3);
        notify();
      }),
    ];
    // Height and zoom in one render: at the zoomed level only the visible stretch is drawn,
    // while a render at "whole file" touches every sample (seconds for a three-hour file).
    const view = opening();
    player.drawAt(view ? view.pxPerSec : wavesurfer.options.minPxPerSec || 0, { height: cssPixels(wavesurfer, '--edit-wave-height', EDIT_HEIGHT, 40), ...envelope.peakOption() });
    if (view) wavesurfer.setScroll(scrollForAnchor(view.time, wavesurfer.getWidth() * 0.3, view.pxPerSec));
    plugins = [
      wavesurfer.registerPlugin(RulerPlugin.create()),
      wavesurfer.registerPlugin(
        MinimapPlugin.create({
          envelope,
          colors: readMinimapColors(wavesurfer),
          height: cssPixels(wavesurfer, '--minimap-height', 28, 12),
          seek: (time) => player.seek(time),
          isPlaying: () => player.isPlaying(),
        }),
      ),
    ];
    notify();
  };

  const leaveEditing = () => {
    if (!preferred) return;
    preferred = null;
    editing.forEach((unsubscribe) => unsubscribe());
    editing = [];
    plugins.forEach((plugin) => plugin.destroy());
    plugins = [];
    if (wheelFrame) cancelAnimationFrame(wheelFrame);
    wheelFrame = 0;
    player.drawAt(0, { height: readHeight });
    notify();
  };

  return {
    // Cached so React's useSyncExternalStore sees the same object until something changes.
    view: () => lastView,
    zoomBy,
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    fit: () => {
      if (!ready()) return;
      const anchor = defaultAnchor();
      zoomTo(minLevel(frame()), anchor.time, anchor.x);
    },
    enterEditing,
    leaveEditing,
    on: emitter.on,
    destroy() {
      leaveEditing();
      envelope.destroy();
      emitter.clear();
    },
  };
}
