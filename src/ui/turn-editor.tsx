import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SpeechTurn } from '../transcript/model.ts';
import { turnTextWithParagraphs as turnText } from '../transcript/model.ts';
import { formatPrecise, parseTimeInput } from '../transcript/format-time.ts';
import { useAppStore } from './app-context.ts';
import { useEditorCommands } from './editor-context.ts';
import { usePlayer } from './player-context.ts';
import { isolateBidi } from '../transcript/bidi.ts';

const NEW_SPEAKER = '__new__';
const UNLABELLED = '__none__';

/** A time field that commits on Enter or blur and shows what it could not read. */
function TimeField({ label, value, onCommit }: { label: string; value: number | undefined; onCommit: (seconds: number) => void }) {
  const shown = value !== undefined ? formatPrecise(value) : '';
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(shown);
    setInvalid(false);
  }, [shown]);
  const commit = () => {
    if (draft.trim() === '' || draft === shown) {
      setDraft(shown);
      setInvalid(false);
      return;
    }
    const seconds = parseTimeInput(draft);
    if (seconds === undefined) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onCommit(seconds);
  };
  return (
    <label className="time-field">
      <span className="time-field__label">{label}</span>
      <input
        value={draft}
        placeholder="m:ss.mmm"
        inputMode="decimal"
        aria-invalid={invalid || undefined}
        title={invalid ? 'Type a time like 1:23.456' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(shown);
        }}
        size={9}
      />
    </label>
  );
}

/**
 * The controls of the selected turn in editor mode: speaker, start and end,
 * text, split/merge/insert/delete. Every change is one undoable command.
 */
export function TurnEditor({ turn, entryIndex }: { turn: SpeechTurn; entryIndex: number }) {
  const commands = useEditorCommands();
  const player = usePlayer();
  const speakers = useAppStore((state) => state.transcript.speakers);
  const caret = useAppStore((state) => (state.textEdit?.entry === entryIndex ? state.textEdit.caret : null));
  const editingText = caret !== null;
  const [draft, setDraft] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // The box opens with its text and takes focus and the caret at once, before any
  // further key press can reach the page's shortcuts.
  useLayoutEffect(() => {
    if (caret === null) {
      // Closing the box gives focus to its "Edit text" button, not to the page, where Enter would
      // tap-sync: Enter then opens the box again.
      const active = document.activeElement;
      if (wasEditing.current && (active === document.body || active === null)) editButtonRef.current?.focus({ preventScroll: true });
      wasEditing.current = false;
      return;
    }
    wasEditing.current = true;
    const text = turnText(turn);
    setDraft(text);
    const box = textRef.current;
    if (!box) return;
    box.value = text;
    box.focus();
    const at = caret < 0 ? text.length : Math.min(caret, text.length);
    box.setSelectionRange(at, at);
    // Only when the box opens (or is asked to move its caret), not on every edit of the turn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [caret]);

  // What is typed but not committed can be committed from outside (a take-over by another tab).
  useLayoutEffect(() => {
    if (!editingText || !commands) return;
    return commands.provideTextDraft(entryIndex, () => textRef.current?.value ?? '');
  }, [editingText, entryIndex, commands]);

  const startTextEdit = () => commands?.openTextEditor(entryIndex);
  const commitText = () => commands?.saveText(entryIndex, draft);
  const splitAtCaret = () => commands?.splitAtCaret(entryIndex, draft, textRef.current?.selectionStart ?? draft.length);
  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys typed here belong to the text: none reaches the page's shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      commands?.closeTextEditor();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      splitAtCaret();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      // Shift+Enter keeps its native meaning: a line break, the start of a new paragraph.
      event.preventDefault();
      commitText();
    }
  };

  const changeSpeaker = (value: string) => {
    if (value === NEW_SPEAKER) {
      const name = window.prompt('Name of the new speaker')?.trim();
      if (name) commands?.setNewSpeaker(entryIndex, name);
      return;
    }
    commands?.setSpeaker(entryIndex, value === UNLABELLED ? null : value);
  };

  return (
    <div className="turn-editor" role="group" aria-label="Edit turn" onClick={(event) => event.stopPropagation()}>
      <div className="turn-editor__row">
        <label className="turn-editor__speaker">
          <span className="visually-hidden">Speaker</span>
          <select value={turn.speakerId ?? UNLABELLED} onChange={(event) => changeSpeaker(event.target.value)}>
            <option value={UNLABELLED}>Unlabelled</option>
            {speakers.map((speaker) => (
              <option key={speaker.id} value={speaker.id}>
                {isolateBidi(speaker.name)}
              </option>
            ))}
            <option value={NEW_SPEAKER}>New speaker…</option>
          </select>
        </label>
        <TimeField label="Start" value={turn.start} onCommit={(s) => commands?.setTurnStart(entryIndex, s)} />
        <button type="button" className="mini-button" title="Start at the playhead ([)" onClick={() => commands?.setStartFromPlayhead()}>
          [ Playhead
        </button>
        <TimeField label="End" value={turn.end} onCommit={(s) => commands?.setTurnEnd(entryIndex, s)} />
        <button type="button" className="mini-button" title="End at the playhead (])" onClick={() => commands?.setEndFromPlayhead()}>
          Playhead ]
        </button>
        {turn.start !== undefined ? (
          <button type="button" className="mini-button" title="Play this turn" onClick={() => player?.seek(turn.start!)}>
            ▶ From start
          </button>
        ) : null}
      </div>
      {editingText ? (
        <div className="turn-editor__text">
          <textarea
            ref={textRef}
            value={draft}
            aria-label="Turn text"
            rows={Math.min(12, Math.max(2, Math.ceil(draft.length / 70)))}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onTextKey}
            onBlur={(event) => {
              // Moving focus to "Split here" must not commit first.
              if (event.relatedTarget instanceof HTMLElement && event.relatedTarget.dataset.keepText) return;
              commitText();
            }}
          />
          <div className="turn-editor__hint">
            Enter saves · Esc cancels · Ctrl+Enter splits at the caret · Shift+Enter starts a paragraph · unchanged words keep their times
          </div>
          <button type="button" className="mini-button" data-keep-text="true" onClick={splitAtCaret}>
            Split here
          </button>
        </div>
      ) : null}
      <div className="turn-editor__row turn-editor__actions">
        {!editingText ? (
          <button ref={editButtonRef} type="button" className="mini-button" onClick={startTextEdit} title="Edit text (F2 or double-click)">
            Edit text
          </button>
        ) : null}
        <button type="button" className="mini-button" onClick={() => commands?.mergeWith(entryIndex, 'previous')} disabled={entryIndex === 0}>
          Merge with previous
        </button>
        <button type="button" className="mini-button" onClick={() => commands?.mergeWith(entryIndex, 'next')}>
          Merge with next
        </button>
        <button
          type="button"
          className="mini-button"
          onClick={() => commands?.insertBelow(entryIndex)}
        >
          Insert turn below
        </button>
        <button
          type="button"
          className="mini-button mini-button--danger"
          onClick={() => commands?.deleteTurn(entryIndex)}
        >
          Delete turn
        </button>
      </div>
    </div>
  );
}
