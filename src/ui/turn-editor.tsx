import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SpeechTurn, Transcript } from '../transcript/model.ts';
import { tokenize, turnTextWithParagraphs as turnText } from '../transcript/model.ts';
import { formatPrecise, parseTimeInput } from '../transcript/format-time.ts';
import { setTurnEnd, setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { setTurnSpeaker } from '../transcript/edit/set-turn-speaker.ts';
import { addSpeaker } from '../transcript/edit/add-speaker.ts';
import { editTurnText } from '../transcript/edit/edit-turn-text.ts';
import { splitTurn } from '../transcript/edit/split-turn.ts';
import { mergeTurns } from '../transcript/edit/merge-turns.ts';
import { insertTurn } from '../transcript/edit/insert-turn.ts';
import { deleteTurn } from '../transcript/edit/delete-turn.ts';
import { appStore, useAppStore } from '../store/app-store.ts';
import { useEditorCommands } from './editor-context.ts';
import { usePlayer } from './player-context.ts';

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

/** Index of the word the caret sits in or before: the split point. */
function wordIndexAtCaret(text: string, caret: number): number {
  return tokenize(text.slice(0, caret)).length - (/\S$/u.test(text.slice(0, caret)) && /^\S/u.test(text.slice(caret)) ? 1 : 0);
}

/**
 * The controls of the selected turn in editor mode: speaker, start and end,
 * text, split/merge/insert/delete. Every change is one undoable command.
 */
export function TurnEditor({ turn, entryIndex }: { turn: SpeechTurn; entryIndex: number }) {
  const commands = useEditorCommands();
  const player = usePlayer();
  const speakers = useAppStore((state) => state.transcript.speakers);
  const [editingText, setEditingText] = useState(false);
  const [draft, setDraft] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);

  const edit = (operation: (transcript: Transcript) => Transcript) => commands?.edit(operation);

  useEffect(() => {
    const onRequest = (event: Event) => {
      if ((event as CustomEvent<number>).detail === entryIndex) startTextEdit();
    };
    window.addEventListener('verbatim:edit-text', onRequest);
    return () => window.removeEventListener('verbatim:edit-text', onRequest);
  });

  const startTextEdit = () => {
    setDraft(turnText(turn));
    setEditingText(true);
    requestAnimationFrame(() => textRef.current?.focus());
  };
  const commitText = () => {
    setEditingText(false);
    if (draft.trim() !== turnText(turn)) edit((t) => editTurnText(t, entryIndex, draft));
  };
  const splitAtCaret = () => {
    const caret = textRef.current?.selectionStart ?? draft.length;
    const text = draft;
    const wordIndex = wordIndexAtCaret(text, caret);
    setEditingText(false);
    edit((t) => {
      const edited = text.trim() !== turnText(turn) ? editTurnText(t, entryIndex, text) : t;
      return splitTurn(edited, entryIndex, wordIndex);
    });
  };
  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditingText(false);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      splitAtCaret();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      commitText();
    }
  };

  const changeSpeaker = (value: string) => {
    if (value === NEW_SPEAKER) {
      const name = window.prompt('Name of the new speaker')?.trim();
      if (!name) return;
      edit((t) => {
        const added = addSpeaker(t, name);
        const id = added.speakers[added.speakers.length - 1]!.id;
        return setTurnSpeaker(added, entryIndex, id);
      });
      return;
    }
    edit((t) => setTurnSpeaker(t, entryIndex, value === UNLABELLED ? null : value));
  };

  const selectEntry = (index: number) => appStore.getState().select(index);

  return (
    <div className="turn-editor" role="group" aria-label="Edit turn" onClick={(event) => event.stopPropagation()}>
      <div className="turn-editor__row">
        <label className="turn-editor__speaker">
          <span className="visually-hidden">Speaker</span>
          <select value={turn.speakerId ?? UNLABELLED} onChange={(event) => changeSpeaker(event.target.value)}>
            <option value={UNLABELLED}>Unlabelled</option>
            {speakers.map((speaker) => (
              <option key={speaker.id} value={speaker.id}>
                {speaker.name}
              </option>
            ))}
            <option value={NEW_SPEAKER}>New speaker…</option>
          </select>
        </label>
        <TimeField label="Start" value={turn.start} onCommit={(s) => edit((t) => setTurnStart(t, entryIndex, s))} />
        <button type="button" className="mini-button" title="Start at the playhead ([)" onClick={() => commands?.setStartFromPlayhead()}>
          [ Playhead
        </button>
        <TimeField label="End" value={turn.end} onCommit={(s) => edit((t) => setTurnEnd(t, entryIndex, s))} />
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
            Enter saves · Esc cancels · Ctrl+Enter splits at the caret · unchanged words keep their times
          </div>
          <button type="button" className="mini-button" data-keep-text="true" onClick={splitAtCaret}>
            Split here
          </button>
        </div>
      ) : null}
      <div className="turn-editor__row turn-editor__actions">
        {!editingText ? (
          <button type="button" className="mini-button" onClick={startTextEdit} title="Edit text (F2 or double-click)">
            Edit text
          </button>
        ) : null}
        <button type="button" className="mini-button" onClick={() => edit((t) => mergeTurns(t, entryIndex, 'previous'))} disabled={entryIndex === 0}>
          Merge with previous
        </button>
        <button type="button" className="mini-button" onClick={() => edit((t) => mergeTurns(t, entryIndex, 'next'))}>
          Merge with next
        </button>
        <button
          type="button"
          className="mini-button"
          onClick={() => {
            if (edit((t) => insertTurn(t, entryIndex, { speakerId: turn.speakerId }))) selectEntry(entryIndex + 1);
          }}
        >
          Insert turn below
        </button>
        <button
          type="button"
          className="mini-button mini-button--danger"
          onClick={() => {
            if (edit((t) => deleteTurn(t, entryIndex))) selectEntry(Math.max(0, entryIndex - 1));
          }}
        >
          Delete turn
        </button>
      </div>
    </div>
  );
}
