import { Fragment, memo, Profiler, type CSSProperties, type ProfilerOnRenderCallback } from 'react';
import { LOW_CONFIDENCE, type SpeechTurn } from '../transcript/model.ts';
import { turnEnd, turnStart } from '../transcript/time-index.ts';
import { formatClock, formatPrecise } from '../transcript/format-time.ts';
import { useAppStore } from './app-context.ts';
import { TurnEditor } from './turn-editor.tsx';
import { selectTapCursor } from '../editor/select-tap-cursor.ts';

export interface TurnRowProps {
  turn: SpeechTurn;
  turnIndex: number;
  entryIndex: number;
  speakerName: string | undefined;
  /** Hue of the speaker's colour, -1 for an unlabelled turn. */
  hue: number;
  /** Timing problems of this turn, one sentence each, joined; shown in editor mode. */
  issues?: string | undefined;
  /** Measurement hook: a Profiler inside the memo boundary, so it reports only renders of this row itself. */
  onRender?: ProfilerOnRenderCallback | undefined;
}

/**
 * One speech turn. Re-renders only when its own entry changes, when it becomes
 * active/inactive or selected/unselected; the active word is marked from
 * outside (see `useWordHighlight`), so word changes never re-render it.
 * Editor-only details are always rendered and shown by CSS, so switching
 * modes does not re-render thousands of rows.
 */
export const TurnRow = memo(function TurnRow({ onRender, ...props }: TurnRowProps) {
  const row = <TurnRowBody {...props} />;
  return onRender ? (
    <Profiler id={`turn-${props.turnIndex}`} onRender={onRender}>
      {row}
    </Profiler>
  ) : (
    row
  );
});

function TurnRowBody({ turn, turnIndex, entryIndex, speakerName, hue, issues }: Omit<TurnRowProps, 'onRender'>) {
  const active = useAppStore((state) => state.activeTurn === turnIndex);
  const selected = useAppStore((state) => state.selectedEntry === entryIndex);
  const editing = useAppStore((state) => state.mode === 'edit' && state.selectedEntry === entryIndex);
  const tapNext = useAppStore((state) => state.mode === 'edit' && selectTapCursor(state) === entryIndex);
  const start = turnStart(turn);
  const end = turnEnd(turn);
  const name = speakerName ?? 'Unlabelled';
  const style = hue >= 0 ? ({ '--speaker-hue': hue } as CSSProperties) : undefined;
  const estimated = turn.timing === 'estimated';
  const lowConfidence = turn.confidence !== undefined && turn.confidence < LOW_CONFIDENCE;

  const classes = ['turn'];
  if (active) classes.push('turn--active');
  if (selected) classes.push('turn--selected');
  if (!speakerName) classes.push('turn--unlabelled');
  if (issues) classes.push('turn--issue');
  if (tapNext) classes.push('turn--tap-cursor');

  return (
    <article
      className={classes.join(' ')}
      data-turn-index={turnIndex}
      data-entry-index={entryIndex}
      data-start={start}
      data-end={end}
      data-selected={selected ? 'true' : undefined}
      data-tap-cursor={tapNext ? 'true' : undefined}
      aria-current={active ? 'true' : undefined}
      aria-label={`${name}${start !== undefined ? ` at ${formatClock(start)}` : ''}`}
      style={style}
    >
      <header className="turn__header">
        <button
          type="button"
          className="turn__seek"
          data-seek={start}
          aria-disabled={start === undefined ? 'true' : undefined}
        >
          {/* The accessible name is the visible text plus what pressing does (WCAG 2.5.3). */}
          <span className="turn__speaker">{name}</span>{' '}
          <span className="turn__when">
            <time className="turn__time">{start !== undefined ? formatClock(start) : '–:––'}</time>
            {start !== undefined ? (
              <>
                <span className="turn__hint read-only">: play from here</span>
                <span className="turn__hint edit-only">: select, and move the playhead here</span>
              </>
            ) : (
              <span className="turn__hint">: not timed</span>
            )}
          </span>
        </button>
        <span className="turn__range edit-only" aria-label="Start and end">
          {start !== undefined ? formatPrecise(start) : '—'} – {end !== undefined ? formatPrecise(end) : '—'}
        </span>
        {tapNext ? (
          <span className="badge badge--tap" title="Enter (or Tap) starts this turn at the playhead">
            next tap
          </span>
        ) : null}
        {estimated ? (
          <span className="badge badge--muted" title="Times estimated from the text, not from the audio">
            estimated
          </span>
        ) : null}
        {lowConfidence ? (
          <span className="badge badge--warn" title={`Alignment confidence ${Math.round((turn.confidence ?? 0) * 100)}%: check this turn`}>
            check
          </span>
        ) : null}
        {issues ? (
          <span className="badge badge--error edit-only" role="note" title={issues}>
            ⚠ {issues}
          </span>
        ) : null}
      </header>
      {editing ? <TurnEditor turn={turn} entryIndex={entryIndex} /> : null}
      <TurnText words={turn.words} />
    </article>
  );
}

/** The words, apart: a row that only moved (its index changed after a split above it) does not rebuild them. */
const TurnText = memo(function TurnText({ words }: { words: SpeechTurn['words'] }) {
  return (
    <p className="turn__text">
      {words.map((word, index) => (
        <Fragment key={index}>
          {index > 0 ? ' ' : null}
          {index > 0 && word.paragraph ? <span className="turn__break" data-paragraph-break="" aria-hidden="true" /> : null}
          <span className="word" data-word-index={index} data-start={word.start} data-end={word.end}>
            {word.text}
          </span>
        </Fragment>
      ))}
    </p>
  );
});
