import { useEffect, useRef } from 'react';
import { usePlayer } from './player-context.ts';
import { useAppStore } from './app-context.ts';
import { formatClock } from '../transcript/format-time.ts';

/**
 * Current time / duration. The current time is written straight into the DOM
 * from the player's clock, and only when the shown second changes.
 */
export function TimeDisplay() {
  const player = usePlayer();
  const duration = useAppStore((state) => state.duration);
  const currentRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!player) return;
    let shown = '';
    const render = (time: number) => {
      const text = formatClock(time);
      if (text !== shown && currentRef.current) {
        currentRef.current.textContent = text;
        shown = text;
      }
    };
    render(player.currentTime());
    return player.on('timeupdate', render);
  }, [player]);

  return (
    <div className="time-display" aria-label="Playback position">
      <span ref={currentRef} className="time-display__current" data-testid="current-time">
        0:00
      </span>
      <span aria-hidden="true"> / </span>
      <span className="time-display__duration">{formatClock(duration)}</span>
    </div>
  );
}
