import { useCallback, useSyncExternalStore } from 'react';
import type { WaveformZoom, WaveformView } from '../player/waveform-zoom.ts';
import type { RegionEditing } from '../editor/connect-regions.ts';
import { useAppStore } from './app-context.ts';
import { useRegionsStatus } from './use-regions-status.ts';
import { formatCount } from './format-count.ts';
import './waveform.css';

export interface WaveformToolbarProps {
  zoom: WaveformZoom | null;
  regions: RegionEditing | null;
}

const NO_VIEW: WaveformView = { pxPerSec: 0, visibleSeconds: 0, canZoomIn: false, canZoomOut: false };

function useZoomView(zoom: WaveformZoom | null): WaveformView {
  const subscribe = useCallback((onChange: () => void) => zoom?.on('change', onChange) ?? (() => undefined), [zoom]);
  return useSyncExternalStore(subscribe, () => zoom?.view() ?? NO_VIEW);
}

/** `45 s`, `2.5 min`, `1.2 h` of audio across the view. */
function spanLabel(seconds: number): string {
  if (seconds < 90) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(seconds < 600 ? 1 : 0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Editor-mode zoom, at the end of the editor bar: out/in/fit (also `-`, `+` from the keymap, and
 * Ctrl+wheel), and a warning beside it when too many turns are in view to edit. Snapping
 * (SnapToggle) and the gesture hints (EditorHints) are in the playback row.
 */
export function WaveformToolbar({ zoom, regions }: WaveformToolbarProps) {
  const editing = useAppStore((state) => state.mode === 'edit');
  const view = useZoomView(zoom);
  const status = useRegionsStatus(regions);

  if (!editing) return null;

  return (
    <div className="waveform-toolbar" role="toolbar" aria-label="Waveform" data-testid="waveform-toolbar">
      <div className="waveform-toolbar__group" role="group" aria-label="Zoom">
        <button type="button" className="waveform-toolbar__button" onClick={() => zoom?.zoomOut()} disabled={!view.canZoomOut} aria-label="Zoom out" title="Zoom out (−, Ctrl+wheel)">
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 11h14v2H5z" /></svg>
        </button>
        <span className="waveform-toolbar__span" aria-live="polite" title="Audio shown across the waveform" data-testid="zoom-span">
          {view.visibleSeconds > 0 ? spanLabel(view.visibleSeconds) : '–'}
        </span>
        <button type="button" className="waveform-toolbar__button" onClick={() => zoom?.zoomIn()} disabled={!view.canZoomIn} aria-label="Zoom in" title="Zoom in (+, Ctrl+wheel)">
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z" /></svg>
        </button>
        <button type="button" className="waveform-toolbar__button waveform-toolbar__button--text" onClick={() => zoom?.fit()} disabled={!view.canZoomOut} title="Zoom out as far as editing allows: the whole file, or five minutes of a long one (the minimap shows it all)">
          Fit
        </button>
      </div>
      <span className="waveform-toolbar__status" aria-live="polite">
        {status.drawn ? null : <strong className="waveform-toolbar__warn">{formatCount(status.inView)} turns in view: zoom in to edit them</strong>}
      </span>
    </div>
  );
}
