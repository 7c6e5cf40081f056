import { useCallback, useSyncExternalStore } from 'react';
import type { WaveformDrawing, WaveformDrawState } from '../player/waveform-drawing.ts';

const IDLE: WaveformDrawState = { phase: 'idle' };

/**
 * Stands in the waveform's place while the audio is fetched and decoded for it
 * (seconds for a long file): a quiet skeleton with "Drawing waveform…" and the
 * download's percentage. Playback and the transcript work meanwhile.
 */
export function WaveformPlaceholder({ drawing }: { drawing: WaveformDrawing | null }) {
  const subscribe = useCallback((onChange: () => void) => drawing?.on('change', onChange) ?? (() => undefined), [drawing]);
  const state = useSyncExternalStore(subscribe, () => drawing?.state() ?? IDLE);
  if (state.phase !== 'drawing') return null;
  return (
    <div className="waveform-placeholder" data-testid="waveform-placeholder">
      <span className="waveform-placeholder__text" role="status">
        Drawing waveform…
      </span>
      {state.percent !== null ? (
        <span className="waveform-placeholder__percent" aria-hidden="true">
          {state.percent}%
        </span>
      ) : null}
    </div>
  );
}
