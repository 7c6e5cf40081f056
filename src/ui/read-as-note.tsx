import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStoreApi, useAppStore } from './app-context.ts';
import { importFormats } from '../transcript/formats/registry.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { describeParseError } from '../transcript/parse-result.ts';
import { hasAnyTiming, speechTurns } from '../transcript/model.ts';
import './loading.css';

/** What reading the text as `formatId` would give, in a sentence, before anything is replaced. */
function previewAs(text: string, name: string, formatId: string): { ok: boolean; text: string } {
  const result = readTranscript(text, { fileName: name, formatId });
  if (!result.ok) return { ok: false, text: `${describeParseError({ ...result.error, fileName: name })}.`.replace(/\.\.$/u, '.') };
  const turns = speechTurns(result.transcript).length;
  if (turns === 0) return { ok: false, text: `${name}: read as ${result.formatLabel}, it has no speech turns.` };
  const speakers = result.transcript.speakers.length;
  const parts = [`${turns} turn${turns === 1 ? '' : 's'}`];
  if (speakers > 0) parts.push(`${speakers} speaker${speakers === 1 ? '' : 's'}`);
  parts.push(hasAnyTiming(result.transcript) ? 'with timings' : 'no timings');
  return { ok: true, text: `As ${result.formatLabel}: ${parts.join(', ')}.` };
}

/**
 * "Read as SRT subtitles ▾" beside the transcript name: says which format
 * detection chose, and opens a small dialog to read the original text again as
 * another format (with a preview of the result). A failed re-read is reported
 * and the current transcript stays.
 */
export function ReadAsNote({ onReadAs }: { onReadAs: ((formatId: string) => string | undefined) | null }) {
  const appStore = useStoreApi();
  const formatId = useAppStore((state) => state.formatId);
  const formatLabel = useAppStore((state) => state.formatLabel);
  const transcriptName = useAppStore((state) => state.transcriptName);
  const sourceText = useAppStore((state) => state.sourceText);
  const sessionId = useAppStore((state) => state.sessionId);
  const edited = useAppStore((state) => state.dirty);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(formatId);
  const [problem, setProblem] = useState<string>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const titleId = useId();
  const statusId = useId();

  // A new session (another file, or this re-read) closes the dialog.
  useEffect(() => setOpen(false), [sessionId]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      selectRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const preview = useMemo(
    () => (open && choice !== formatId ? previewAs(sourceText, transcriptName, choice) : undefined),
    [open, choice, formatId, sourceText, transcriptName],
  );

  if (!formatLabel) return null;
  const canReadAgain = sourceText.length > 0 && onReadAs !== null;

  if (!canReadAgain) {
    return (
      <span className="read-as" data-testid="read-as">
        Read as <span className="read-as__format">{formatLabel}</span>
      </span>
    );
  }

  const status = problem ?? preview?.text ?? `Now read as ${formatLabel}. Choose another format to read the same text again.`;
  const failing = problem !== undefined || preview?.ok === false;

  return (
    <span className="read-as" data-testid="read-as">
      Read as{' '}
      <button
        type="button"
        className="read-as__change"
        aria-haspopup="dialog"
        aria-label={`Read as ${formatLabel}: change the format`}
        title="Read the transcript as another format"
        onClick={() => {
          setChoice(formatId);
          setProblem(undefined);
          setOpen(true);
        }}
      >
        {formatLabel}
        <svg viewBox="0 0 10 6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" />
        </svg>
      </button>
      {createPortal(
        <dialog ref={dialogRef} className="dialog read-as-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)} data-testid="read-as-dialog">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (choice === formatId) return setOpen(false);
              const failure = onReadAs(choice);
              if (failure) {
                setProblem(failure);
                appStore.getState().notify('error', failure);
                selectRef.current?.focus();
              }
            }}
          >
            <h2 id={titleId}>Read {transcriptName || 'the transcript'} as…</h2>
            <label className="field-label" htmlFor={`${titleId}-format`}>
              Format
            </label>
            <select
              id={`${titleId}-format`}
              ref={selectRef}
              className="text-input"
              value={choice}
              aria-describedby={statusId}
              aria-invalid={failing ? true : undefined}
              onChange={(event) => {
                setChoice(event.target.value);
                setProblem(undefined);
              }}
            >
              {importFormats.map((format) => (
                <option key={format.id} value={format.id}>
                  {format.label}
                  {format.id === formatId ? ' (current)' : ''}
                </option>
              ))}
            </select>
            <p id={statusId} className={`dialog__status${failing ? ' dialog__status--error' : ''}`} role="status" data-testid="read-as-status">
              {status}
            </p>
            <p className={edited ? 'dialog__warning' : 'dialog__hint'}>
              {edited
                ? 'Reading again replaces your edits to this transcript, which are not exported. Export them first to keep them.'
                : 'Reading again replaces the transcript and starts a new undo history; the audio stays.'}
            </p>
            <div className="dialog__actions">
              <span className="dialog__spacer" />
              <button type="button" className="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" className="button button--primary" disabled={choice === formatId || preview?.ok === false}>
                Read again
              </button>
            </div>
          </form>
        </dialog>,
        document.body,
      )}
    </span>
  );
}
