import type { ReactNode } from 'react';
import { usePlayer } from './player-context.ts';
import { useAppStore } from './app-context.ts';
import { PLAYBACK_RATES, SKIP_SECONDS } from '../player/playback-settings.ts';
import { TimeDisplay } from './time-display.tsx';

/** Play/pause, skip, time and speed; `children` (editor mode's hints) go in the room between time and speed. */
export function PlayerControls({ children }: { children?: ReactNode }) {
  const player = usePlayer();
  const playing = useAppStore((state) => state.playing);
  const rate = useAppStore((state) => state.rate);
  const disabled = !player;

  return (
    <div className="controls" role="group" aria-label="Playback">
      <button type="button" className="icon-button" onClick={() => player?.skip(-SKIP_SECONDS)} disabled={disabled} aria-label="Back 5 seconds" title="Back 5 seconds (←)">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M11 6 4 12l7 6V6Zm9 0-7 6 7 6V6Z" /></svg>
      </button>
      <button
        type="button"
        className="icon-button icon-button--primary"
        onClick={() => player?.toggle()}
        disabled={disabled}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-testid="play-pause"
      >
        {playing ? (
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 5h4v14H7zM13 5h4v14h-4z" /></svg>
        ) : (
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M8 5v14l11-7z" /></svg>
        )}
      </button>
      <button type="button" className="icon-button" onClick={() => player?.skip(SKIP_SECONDS)} disabled={disabled} aria-label="Forward 5 seconds" title="Forward 5 seconds (→)">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="m13 6 7 6-7 6V6ZM4 6l7 6-7 6V6Z" /></svg>
      </button>
      <TimeDisplay />
      {children}
      <label className="rate">
        <span className="rate__label">Speed</span>
        <select value={rate} onChange={(event) => player?.setPlaybackRate(Number(event.target.value))} disabled={disabled} title="Playback speed (, and .)">
          {PLAYBACK_RATES.map((value) => (
            <option key={value} value={value}>
              {value}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
