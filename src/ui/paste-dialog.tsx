import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { Openable } from './overflow-menu.tsx';
import { useStoreApi } from './app-context.ts';
import { isTypingTarget } from '../editor/is-typing-target.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { describeParseError } from '../transcript/parse-result.ts';
import { hasAnyTiming, speechTurns } from '../transcript/model.ts';
import { looksLikeTranscript } from '../transcript/looks-like-transcript.ts';
import './loading.css';

/** The name a pasted transcript goes by in the session, messages and autosave. */
export const PASTED_NAME = 'Pasted transcript';
const PREVIEW_DELAY_MS = 150;

type Preview = { ok: true; text: string } | { ok: false; text: string } | null;

/** What the text would open as, in a sentence: detection applies exactly as on open. */
function previewOf(text: string): Preview {
  if (text.trim().length === 0) return null;
  const result = readTranscript(text, { fileName: PASTED_NAME });
  if (!result.ok) return { ok: false, text: `${describeParseError(result.error)}.`.replace(/\.\.$/u, '.') };
  const turns = speechTurns(result.transcript).length;
  if (turns === 0) return { ok: false, text: `${PASTED_NAME}: the text has no speech turns.` };
  const speakers = result.transcript.speakers.length;
  const parts = [`${turns} turn${turns === 1 ? '' : 's'}`];
  if (speakers > 0) parts.push(`${speakers} speaker${speakers === 1 ? '' : 's'}`);
  parts.push(hasAnyTiming(result.transcript) ? 'with timings' : 'no timings');
  return { ok: true, text: `Reads as ${result.formatLabel}: ${parts.join(', ')}.` };
}

/** `Ctrl+V` or `⌘V`, as the user's keyboard says it. */
const withModifier = (key: string) => `${/Mac|iPhone|iPad/u.test(navigator.platform) ? '⌘' : 'Ctrl+'}${key}`;
const pasteKey = () => withModifier('V');

/**
 * "Paste…": a dialog to paste a transcript's text and open it with the current
 * audio. Pasting anywhere on the page (outside text fields) opens the dialog
 * with the text when it looks like a transcript.
 */
export function PasteDialog({ onOpen, showTrigger = true, ref }: { onOpen: ((text: string) => Promise<boolean>) | null; showTrigger?: boolean; ref?: Ref<Openable> }) {
  const appStore = useStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview>(null);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const hintId = useId();
  const previewId = useId();

  const show = useCallback((initial: string) => {
    setText(initial);
    setPreview(previewOf(initial));
    setProblem(undefined);
    setOpen(true);
  }, []);
  useImperativeHandle(ref, () => ({ open: () => onOpen && show('') }), [onOpen, show]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      textRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const timer = setTimeout(() => setPreview(previewOf(text)), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // Ctrl+V on the page: open a transcript straight from the clipboard.
  useEffect(() => {
    if (!onOpen) return;
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || isTypingTarget(document.activeElement)) return;
      if (document.querySelector('dialog[open]')) return;
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (pasted.trim().length === 0) return;
      event.preventDefault();
      if (looksLikeTranscript(pasted)) show(pasted);
      else {
        appStore
          .getState()
          .notify(
            'warning',
            'Pasted text: this does not look like a transcript (no timings, speaker labels or transcript format). To open it anyway, use “Paste…”.',
          );
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [appStore, onOpen, show]);

  const readClipboard = async () => {
    setProblem(undefined);
    try {
      const pasted = await navigator.clipboard.readText();
      if (pasted.trim().length === 0) setProblem('The clipboard holds no text.');
      else {
        setText(pasted);
        setPreview(previewOf(pasted));
      }
    } catch {
      setProblem(`The browser did not let Verbatim read the clipboard. Click in the box and press ${pasteKey()}.`);
    }
    textRef.current?.focus();
  };

  const submit = async () => {
    if (!onOpen || busy) return;
    const current = previewOf(text);
    setPreview(current);
    if (!current?.ok) {
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    const opened = await onOpen(text);
    setBusy(false);
    if (opened) setOpen(false);
    else setProblem(appStore.getState().notices.find((notice) => notice.kind === 'error')?.text ?? 'The text could not be opened.');
  };

  const status = problem ?? preview?.text ?? 'Paste a transcript: WebVTT, SRT, a speech-to-text JSON, podcast HTML, or plain text with speaker names.';
  const failing = problem !== undefined || preview?.ok === false;

  return (
    <>
      {showTrigger ? (
        <button type="button" className="button" onClick={() => show('')} disabled={!onOpen} title={`Paste a transcript (or press ${pasteKey()} anywhere)`}>
          Paste…
        </button>
      ) : null}
      <dialog ref={dialogRef} className="dialog dialog--wide paste-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)} data-testid="paste-dialog">
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2 id={titleId}>Paste a transcript</h2>
          <p id={hintId} className="dialog__hint">
            The format is detected from the text. It opens with the current audio ({withModifier('Enter')} opens it).
          </p>
          <label className="field-label" htmlFor={`${titleId}-text`}>
            Transcript text
          </label>
          <textarea
            id={`${titleId}-text`}
            ref={textRef}
            className="paste-dialog__text"
            value={text}
            spellCheck={false}
            rows={12}
            aria-describedby={`${hintId} ${previewId}`}
            aria-invalid={failing ? true : undefined}
            placeholder={`Press ${pasteKey()} to paste`}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
          <p id={previewId} className={`dialog__status${failing ? ' dialog__status--error' : ''}`} role="status" data-testid="paste-preview">
            {status}
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => void readClipboard()}>
              Paste from clipboard
            </button>
            <span className="dialog__spacer" />
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || text.trim().length === 0 || preview?.ok === false}>
              {busy ? 'Opening…' : 'Open'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
