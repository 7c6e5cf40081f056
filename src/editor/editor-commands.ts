import type { AppStore } from '../store/app-store.ts';
import type { Mode } from '../store/editor-slice.ts';
import { createTurnCommands, type TurnCommands } from './turn-commands.ts';
import type { Transcript } from '../transcript/model.ts';
import { setTurnEnd, setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { nudgeBoundary } from '../transcript/edit/nudge-boundary.ts';
import { tapCursor, tapSync } from '../transcript/edit/tap-sync.ts';
import { refuseWhileReadOnly } from './read-only.ts';

/** Reads the playhead; the media element stays the only clock. */
export interface Clock {
  currentTime(): number;
}

/**
 * Every write to the transcript, the selection and the mode goes through here:
 * a pure operation on the transcript, then one store write, which is one undo
 * step. Gestures (a drag) are coalesced into a single step between
 * `beginGesture` and `endGesture`. While the tab is read-only (another tab edits
 * the project) every write, undo, redo and editor mode is refused with a reason.
 */
export interface EditorCommands extends TurnCommands {
  /** Applies a pure edit as one undoable step. Returns false when it changed nothing. */
  edit(operation: (transcript: Transcript) => Transcript): boolean;
  /**
   * Puts back a transcript kept elsewhere (autosaved edits) as one undoable step,
   * with its own "not exported" flag: Ctrl+Z returns to the file as opened.
   */
  restore(transcript: Transcript, dirty: boolean): void;
  setMode(mode: Mode): void;
  /** E: read-along ⇄ editor mode. */
  toggleMode(): void;
  /** Selects an entry (-1: none); `edge` is the boundary Alt+←/→ then nudges. */
  select(entryIndex: number, edge?: 'start' | 'end'): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  beginGesture(): void;
  /** Shows an intermediate state of the gesture without recording history. */
  updateGesture(operation: (transcript: Transcript) => Transcript): void;
  endGesture(): void;
  cancelGesture(): void;
  /** `[`: the selected turn starts at the playhead. */
  setStartFromPlayhead(): void;
  /** `]`: the selected turn ends at the playhead. */
  setEndFromPlayhead(): void;
  /** Alt+←/→: moves the selected boundary. */
  nudge(deltaSeconds: number): void;
  /**
   * Enter: the tap cursor ({@link tapCursor}: the selected turn, else the first
   * without a start) starts at the playhead, the turn before it ends there, and
   * the selection moves on. A tap that cannot be made cleanly says why instead.
   */
  tap(): void;
  /** ↑/↓ in editor mode: selects the previous/next speech turn. */
  selectNeighbour(direction: -1 | 1): void;
}

export function createEditorCommands(store: AppStore, clock: Clock): EditorCommands {
  let gestureStart: Transcript | null = null;
  const history = () => store.temporal.getState();

  const edit = (operation: (transcript: Transcript) => Transcript) => {
    if (refuseWhileReadOnly(store)) return false;
    const before = store.getState().transcript;
    const after = operation(before);
    if (after === before) return false;
    store.getState().commitTranscript(after);
    return true;
  };

  const selected = () => {
    const { selectedEntry, transcript } = store.getState();
    return transcript.entries[selectedEntry]?.kind === 'speech' ? selectedEntry : -1;
  };

  const nextSpeechEntry = (transcript: Transcript, after: number) => {
    for (let i = after + 1; i < transcript.entries.length; i++) if (transcript.entries[i]?.kind === 'speech') return i;
    return -1;
  };

  return {
    ...createTurnCommands(store, edit),
    edit,
    restore(transcript, dirty) {
      if (refuseWhileReadOnly(store)) return;
      store.getState().commitTranscript(transcript);
      store.setState({ dirty });
    },
    setMode: (mode) => {
      if (mode === 'edit' && refuseWhileReadOnly(store)) return;
      store.getState().setMode(mode);
    },
    toggleMode: () => {
      const mode = store.getState().mode === 'edit' ? 'read' : 'edit';
      if (mode === 'edit' && refuseWhileReadOnly(store)) return;
      store.getState().setMode(mode);
    },
    select: (entryIndex, edge) => store.getState().select(entryIndex, edge),
    undo: () => {
      if (gestureStart || refuseWhileReadOnly(store)) return;
      history().undo();
    },
    redo: () => {
      if (gestureStart || refuseWhileReadOnly(store)) return;
      history().redo();
    },
    canUndo: () => history().pastStates.length > 0,
    canRedo: () => history().futureStates.length > 0,
    beginGesture() {
      if (gestureStart || refuseWhileReadOnly(store)) return;
      gestureStart = store.getState().transcript;
      history().pause();
    },
    updateGesture(operation) {
      if (!gestureStart) return;
      edit(operation);
    },
    endGesture() {
      if (!gestureStart) return;
      const start = gestureStart;
      const end = store.getState().transcript;
      gestureStart = null;
      // Rewind untracked, then commit the end state tracked: history gets one step from start to end.
      store.setState({ transcript: start });
      history().resume();
      if (end !== start) store.getState().commitTranscript(end);
    },
    cancelGesture() {
      if (!gestureStart) return;
      store.setState({ transcript: gestureStart });
      gestureStart = null;
      history().resume();
    },
    setStartFromPlayhead() {
      const entry = selected();
      if (entry < 0) return;
      edit((t) => setTurnStart(t, entry, clock.currentTime()));
      store.getState().select(entry, 'start');
    },
    setEndFromPlayhead() {
      const entry = selected();
      if (entry < 0) return;
      edit((t) => setTurnEnd(t, entry, clock.currentTime()));
      store.getState().select(entry, 'end');
    },
    nudge(delta) {
      const entry = selected();
      if (entry < 0) return;
      edit((t) => nudgeBoundary(t, entry, store.getState().selectedEdge, delta));
    },
    tap() {
      const { transcript, selectedEntry } = store.getState();
      const target = tapCursor(transcript, selectedEntry);
      if (target < 0) return;
      const result = tapSync(transcript, target, clock.currentTime());
      if (!result.ok) {
        store.getState().notify('warning', result.reason);
        return;
      }
      edit(() => result.transcript);
      const next = nextSpeechEntry(result.transcript, target);
      store.getState().select(next >= 0 ? next : target, 'start');
    },
    selectNeighbour(direction) {
      const { transcript, selectedEntry } = store.getState();
      const entries = transcript.entries;
      let i = selectedEntry < 0 ? (direction > 0 ? -1 : entries.length) : selectedEntry;
      for (i += direction; i >= 0 && i < entries.length; i += direction) {
        if (entries[i]?.kind === 'speech') {
          store.getState().select(i);
          return;
        }
      }
    },
  };
}
