import { useCallback, useSyncExternalStore } from 'react';
import type { WaveformZoom, WaveformView } from '../player/waveform-zoom.ts';
import type { RegionEditing, RegionEditingStatus } from '../editor/connect-regions.ts';
import { useAppStore } from './app-context.ts';
import './waveform.css';

export interface WaveformToolbarProps {
  zoom: WaveformZoom | null;
  regions: RegionEditing | null;
}

const NO_VIEW: WaveformView = { pxPerSec: 0, visibleSeconds: 0, canZoomIn: false, canZoomOut: false };
const NO_STATUS: RegionEditingStatus = { inView: 0, drawn: true, pauses: { state: 'idle' }, snapping: true };

function useZoomView(zoom: WaveformZoom | null): WaveformView {
  const subscribe = useCallback((onChange: () => void) => zoom?.on('change', onChange) ?? (() => undefined), [zoom]);
  return useSyncExternalStore(subscribe, () => zoom?.view() ?? NO_VIEW);
}

function useRegionsStatus(regions: RegionEditing | null): RegionEditingStatus {
  const subscribe = useCallback((onChange: () => void) => regions?.on('status', onChange) ?? (() => undefined), [regions]);
  return useSyncExternalStore(subscribe, () => regions?.status() ?? NO_STATUS);
}

/** `12,345`; without Intl, whose first use costs a frame. */
function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/** `45 s`, `2.5 min`, `1.2 h` of audio across the view. */
function spanLabel(seconds: number): string {
  if (seconds < 90) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(seconds < 600 ? 1 : 0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function pauseLabel(status: RegionEditingStatus): string {
  switch (status.pauses.state) {
    case 'analysing':
      return `finding pauses… ${Math.round(status.pauses.progress * 100)}%`;
    case 'ready':
      return status.pauses.count > 0 ? `${count(status.pauses.count)} pauses` : 'no pauses found';
    case 'unavailable':
      return 'pauses unavailable';
    default:
      return '';
  }
}

/**
 * Editor-mode controls above the waveform: zoom out/in/fit (also `-`, `+` from the
 * keymap, and Ctrl+wheel) and pause snapping.
 */
export function WaveformToolbar({ zoom, regions }: WaveformToolbarProps) {
  const editing = useAppStore((state) => state.mode === 'edit');
  const view = useZoomView(zoom);
  const status = useRegionsStatus(regions);

  if (!editing) return null;
  const pauses = pauseLabel(status);

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
      <label className="waveform-toolbar__snap" title="Dragged edges jump to the nearest pause within 150 ms; hold Alt while dragging to do the opposite">
        <input type="checkbox" checked={status.snapping} onChange={(event) => regions?.setSnapping(event.target.checked)} />
        <span>Snap to pauses</span>
        {pauses ? <span className="waveform-toolbar__muted">({pauses})</span> : null}
      </label>
      <span className="waveform-toolbar__hint" aria-live="polite">
        {status.drawn ? (
          <>
            Drag a turn or its edges · <kbd>Alt</kbd> {status.snapping ? 'no snapping' : 'snap'} · <kbd>Esc</kbd> cancels
          </>
        ) : (
          <strong className="waveform-toolbar__warn">{count(status.inView)} turns in view: zoom in to edit them</strong>
        )}
      </span>
    </div>
  );
}
