import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useStoreApi, useAppStore } from './app-context.ts';
import { useEditorCommands } from './editor-context.ts';
import type { EditorPanelName } from './editor-panel.tsx';
import { useAlignment } from './alignment-context.ts';
import { selectTapCursor } from '../editor/select-tap-cursor.ts';

export interface EditorToolbarProps {
  /** The open panel (EditorPanel shows it beside or below the transcript), or null. */
  panel: EditorPanelName | null;
  onPanel(panel: EditorPanelName | null): void;
}

/** Editor-mode actions above the waveform: history, tap-sync, re-align, and the Speakers and Find panels' toggles. */
export function EditorToolbar({ panel, onPanel }: EditorToolbarProps) {
  const appStore = useStoreApi();
  const commands = useEditorCommands();
  const canUndo = useStore(appStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(appStore.temporal, (state) => state.futureStates.length > 0);
  const hasSelection = useAppStore((state) => state.selectedEntry >= 0);
  const aligning = useAppStore((state) => state.alignment.status === 'running');
  const alignment = useAlignment();
  const cursor = useAppStore(selectTapCursor);
  const transcript = useAppStore((state) => state.transcript);
  // The list numbers speech turns from 1; the label names the cursor the same way.
  const tapLabel = useMemo(() => {
    if (cursor < 0) return null;
    let turn = 0;
    let previous = 0;
    for (let i = 0; i <= cursor; i++) {
      if (transcript.entries[i]?.kind !== 'speech') continue;
      previous = turn;
      turn++;
    }
    return { turn, previous };
  }, [cursor, transcript]);
  // A panel that closes takes focus with it: give it back to the button that opened it.
  const buttons = { speakers: useRef<HTMLButtonElement>(null), find: useRef<HTMLButtonElement>(null) };
  const shown = useRef(panel);
  useEffect(() => {
    const closed = shown.current;
    shown.current = panel;
    if (closed && closed !== panel && (!document.activeElement || document.activeElement === document.body)) buttons[closed].current?.focus();
  });

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editor">
      <button type="button" className="mini-button" onClick={() => commands?.undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="mini-button" onClick={() => commands?.redo()} disabled={!canRedo} title="Redo (Shift+Ctrl+Z)">
        Redo
      </button>
      <span className="editor-toolbar__sep" aria-hidden="true" />
      <button
        type="button"
        className="mini-button"
        onClick={() => commands?.tap()}
        disabled={!tapLabel}
        data-testid="tap-button"
        title={
          tapLabel
            ? `Turn ${tapLabel.turn} starts at the playhead${tapLabel.previous ? `, turn ${tapLabel.previous} ends there` : ''}; then the next turn is up (Enter)`
            : 'Every turn has a start: select a turn to tap it again'
        }
      >
        {tapLabel ? `Tap: turn ${tapLabel.turn} starts at playhead` : 'Tap: select a turn'} <kbd>Enter</kbd>
      </button>
      <button type="button" className="mini-button" onClick={() => commands?.setStartFromPlayhead()} disabled={!hasSelection} title="Selected turn starts at the playhead ([)">
        Start <kbd>[</kbd>
      </button>
      <button type="button" className="mini-button" onClick={() => commands?.setEndFromPlayhead()} disabled={!hasSelection} title="Selected turn ends at the playhead (])">
        End <kbd>]</kbd>
      </button>
      <button
        type="button"
        className="mini-button"
        onClick={() => alignment?.start({ fromEntry: appStore.getState().selectedEntry })}
        disabled={!hasSelection || aligning || !alignment}
        title="Re-run the aligner from the selected turn on; times you set by hand stay as anchors"
      >
        Re-align from here
      </button>
      <span className="editor-toolbar__sep" aria-hidden="true" />
      <button ref={buttons.speakers} type="button" className="mini-button" aria-expanded={panel === 'speakers'} onClick={() => onPanel(panel === 'speakers' ? null : 'speakers')}>
        Speakers…
      </button>
      <button ref={buttons.find} type="button" className="mini-button" aria-expanded={panel === 'find'} onClick={() => onPanel(panel === 'find' ? null : 'find')}>
        Find &amp; replace…
      </button>
    </div>
  );
}
