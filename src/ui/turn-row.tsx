import { Fragment, memo, type CSSProperties } from 'react';
import type { SpeechTurn } from '../transcript/model.ts';
import { turnEnd, turnStart } from '../transcript/time-index.ts';
import { formatClock } from '../transcript/format-time.ts';
import { useAppStore } from '../store/app-store.ts';

export interface TurnRowProps {
  turn: SpeechTurn;
  turnIndex: number;
  speakerName: string | undefined;
  /** Hue of the speaker's colour, -1 for an unlabelled turn. */
  hue: number;
}

/**
 * One speech turn. Re-renders only when its own entry changes or when it
 * becomes active/inactive; the active word is marked from outside (see
 * `useWordHighlight`) so word changes never re-render the transcript.
 */
export const TurnRow = memo(function TurnRow({ turn, turnIndex, speakerName, hue }: TurnRowProps) {
  const active = useAppStore((state) => state.activeTurn === turnIndex);
  const start = turnStart(turn);
  const end = turnEnd(turn);
  const name = speakerName ?? 'Unlabelled';
  const style = hue >= 0 ? ({ '--speaker-hue': hue } as CSSProperties) : undefined;

  return (
    <article
      className={`turn${active ? ' turn--active' : ''}${speakerName ? '' : ' turn--unlabelled'}`}
      data-turn-index={turnIndex}
      data-start={start}
      data-end={end}
      aria-current={active ? 'true' : undefined}
      aria-label={`${name}${start !== undefined ? ` at ${formatClock(start)}` : ''}`}
      style={style}
    >
      <header className="turn__header">
        <button
          type="button"
          className="turn__seek"
          data-seek={start}
          aria-label={start !== undefined ? `${name}, ${formatClock(start)}: play from here` : `${name}, not timed`}
          aria-disabled={start === undefined ? 'true' : undefined}
        >
          <span className="turn__speaker">{name}</span>
          <time className="turn__time">{start !== undefined ? formatClock(start) : '–:––'}</time>
        </button>
      </header>
      <p className="turn__text">
        {turn.words.map((word, index) => (
          <Fragment key={index}>
            {index > 0 ? ' ' : null}
            <span className="word" data-word-index={index} data-start={word.start} data-end={word.end}>
              {word.text}
            </span>
          </Fragment>
        ))}
      </p>
    </article>
  );
});
