import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import type { SpeechTurn, Transcript } from '../transcript/model.ts';
import { moveTurn } from '../transcript/edit/move-turn.ts';
import { createEditorCommands, type EditorCommands } from './editor-commands.ts';

const turn = (text: string, start?: number, end?: number): SpeechTurn => ({
  kind: 'speech',
  speakerId: null,
  start,
  end,
  words: text.split(' ').map((word) => ({ text: word })),
});

const transcript: Transcript = {
  speakers: [],
  entries: [turn('one two', 0, 2), turn('three four', 2, 4), turn('five six'), turn('seven eight')],
};

let store: AppStore;
let commands: EditorCommands;
let now = 0;

beforeEach(() => {
  store = createAppStore();
  store.getState().setSession({ transcript, transcriptName: 'a.txt', formatLabel: 'Plain text' });
  commands = createEditorCommands(store, { currentTime: () => now });
});

const entry = (index: number) => store.getState().transcript.entries[index]!;

describe('editor commands', () => {
  it('starts a session with an empty history', () => {
    expect(commands.canUndo()).toBe(false);
  });

  it('sets start and end from the playhead, undoably', () => {
    store.getState().select(1);
    now = 2.5;
    commands.setStartFromPlayhead();
    expect(entry(1).start).toBe(2.5);
    now = 3.5;
    commands.setEndFromPlayhead();
    expect(entry(1).end).toBe(3.5);
    expect(store.getState().dirty).toBe(true);
    commands.undo();
    expect(entry(1).end).toBe(4);
    commands.undo();
    expect(entry(1).start).toBe(2);
    commands.redo();
    expect(entry(1).start).toBe(2.5);
  });

  it('does nothing without a selected speech turn', () => {
    now = 1;
    commands.setStartFromPlayhead();
    expect(commands.canUndo()).toBe(false);
  });

  it('nudges the selected edge', () => {
    store.getState().select(1, 'end');
    commands.nudge(0.1);
    expect(entry(1).end).toBeCloseTo(4.1, 6);
  });

  it('coalesces a drag into one undo step', () => {
    commands.beginGesture();
    for (let i = 1; i <= 10; i++) commands.updateGesture((t) => moveTurn(t, 1, 0.01));
    commands.endGesture();
    expect(entry(1).start).toBeCloseTo(2.1, 6);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    commands.undo();
    expect(entry(1).start).toBe(2);
    expect(commands.canUndo()).toBe(false);
  });

  it('cancels a drag without a trace', () => {
    commands.beginGesture();
    commands.updateGesture((t) => moveTurn(t, 1, 0.5));
    commands.cancelGesture();
    expect(entry(1).start).toBe(2);
    expect(commands.canUndo()).toBe(false);
  });

  it('tap-syncs the untimed turns in order, closing the previous turn', () => {
    now = 4.2;
    commands.tap();
    now = 6;
    commands.tap();
    expect(entry(2).start).toBe(4.2);
    expect(entry(2).end).toBe(6);
    expect(entry(3).start).toBe(6);
    expect(store.temporal.getState().pastStates).toHaveLength(2);
  });

  it('keeps the lookup index in step with undo', () => {
    store.getState().select(1);
    now = 3;
    commands.setStartFromPlayhead();
    const edited = store.getState().timeIndex;
    commands.undo();
    expect(store.getState().timeIndex).not.toBe(edited);
    expect(store.getState().timeIndex.starts[1]).toBe(2);
  });
});

describe('selectNeighbour', () => {
  it('walks speech turns and stops at the ends', () => {
    commands.selectNeighbour(1);
    expect(store.getState().selectedEntry).toBe(0);
    commands.selectNeighbour(1);
    commands.selectNeighbour(1);
    commands.selectNeighbour(1);
    commands.selectNeighbour(1);
    expect(store.getState().selectedEntry).toBe(3);
    commands.selectNeighbour(-1);
    expect(store.getState().selectedEntry).toBe(2);
  });
});
