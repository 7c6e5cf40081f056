import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import type { EditorCommands } from '../editor/editor-commands.ts';
import type { SpeechTurn, Transcript } from '../transcript/model.ts';
import { turnText } from '../transcript/model.ts';
import { createFakePlayer } from '../../test/support/fake-player.ts';
import { TranscriptView } from './transcript-view.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import { EditorPanel, type EditorPanelName } from './editor-panel.tsx';
import { useState } from 'react';

const timedTurn = (speakerId: string | null, start: number, text: string): SpeechTurn => {
  const words = text.split(' ');
  const step = 2 / words.length;
  return {
    kind: 'speech',
    speakerId,
    start,
    end: start + 2,
    words: words.map((word, i) => ({ text: word, start: +(start + i * step).toFixed(3), end: +(start + (i + 1) * step - 0.05).toFixed(3) })),
  };
};

const transcript: Transcript = {
  speakers: [
    { id: 'ann', name: 'Ann' },
    { id: 'bo', name: 'Bo' },
  ],
  entries: [timedTurn('ann', 0, 'one two three four'), timedTurn('bo', 2, 'five six seven eight'), timedTurn('ann', 4, 'nine ten')],
};

beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 800, height: 900 }));
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterAll(() => vi.restoreAllMocks());

let appStore: AppStore;
let commands: EditorCommands;

function renderEditor() {
  const services = createTestServices({ store: appStore, player: createFakePlayer(10) });
  commands = services.commands;
  return render(<Editor />, { wrapper: inApp(services) });
}

/** The toolbar, its panel and the list, wired as the page wires them. */
function Editor() {
  const [panel, setPanel] = useState<EditorPanelName | null>(null);
  return (
    <>
      <EditorToolbar panel={panel} onPanel={setPanel} />
      {panel ? <EditorPanel panel={panel} onClose={() => setPanel(null)} /> : null}
      <TranscriptView />
    </>
  );
}

const entries = () => appStore.getState().transcript.entries;
const editorOf = () => screen.getByRole('group', { name: 'Edit turn' });

beforeEach(() => {
  appStore = createAppStore();
  appStore.getState().setSession({ transcript, transcriptName: 't.json', formatLabel: 'Verbatim JSON' });
  appStore.getState().setMode('edit');
});

describe('editing a selected turn', () => {
  it('selects a turn on click and shows its editor', () => {
    renderEditor();
    fireEvent.click(screen.getByText('six'));
    expect(appStore.getState().selectedEntry).toBe(1);
    expect(within(editorOf()).getByRole('textbox', { name: 'Start' })).toHaveValue('0:02.000');
  });

  it('sets a start time typed by hand; undo restores it', () => {
    renderEditor();
    act(() => appStore.getState().select(1));
    const start = within(editorOf()).getByRole('textbox', { name: 'Start' });
    fireEvent.change(start, { target: { value: '0:02.5' } });
    fireEvent.keyDown(start, { key: 'Enter' });
    expect(entries()[1]!.start).toBe(2.5);
    expect(entries()[1]!.timing).toBe('manual');
    act(() => commands.undo());
    expect(entries()[1]!.start).toBe(2);
  });

  it('refuses a time it cannot read without touching the transcript', () => {
    renderEditor();
    act(() => appStore.getState().select(1));
    const end = within(editorOf()).getByRole('textbox', { name: 'End' });
    fireEvent.change(end, { target: { value: 'soon' } });
    fireEvent.keyDown(end, { key: 'Enter' });
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(entries()).toBe(transcript.entries);
  });

  it('changes the speaker; undo restores it', () => {
    renderEditor();
    act(() => appStore.getState().select(1));
    fireEvent.change(within(editorOf()).getByRole('combobox', { name: 'Speaker' }), { target: { value: 'ann' } });
    expect((entries()[1] as SpeechTurn).speakerId).toBe('ann');
    act(() => commands.undo());
    expect((entries()[1] as SpeechTurn).speakerId).toBe('bo');
  });

  it('edits text keeping unchanged words’ times; undo restores the text', () => {
    renderEditor();
    act(() => appStore.getState().select(0));
    fireEvent.click(within(editorOf()).getByRole('button', { name: 'Edit text' }));
    const text = screen.getByRole('textbox', { name: 'Turn text' });
    fireEvent.change(text, { target: { value: 'one two THREE four' } });
    fireEvent.keyDown(text, { key: 'Enter' });
    const words = (entries()[0] as SpeechTurn).words;
    const before = (transcript.entries[0] as SpeechTurn).words;
    expect(words.map((w) => w.text)).toEqual(['one', 'two', 'THREE', 'four']);
    [0, 1, 3].forEach((i) => expect(words[i]).toEqual(before[i]));
    expect(words[2]!.start).toBeDefined();
    act(() => commands.undo());
    expect(turnText(entries()[0] as SpeechTurn)).toBe('one two three four');
  });

  it('splits at the caret and merges back, each undoable', () => {
    renderEditor();
    act(() => appStore.getState().select(0));
    fireEvent.click(within(editorOf()).getByRole('button', { name: 'Edit text' }));
    const text = screen.getByRole('textbox', { name: 'Turn text' }) as HTMLTextAreaElement;
    text.setSelectionRange(8, 8); // before "three"
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(entries()).toHaveLength(4);
    expect(turnText(entries()[1] as SpeechTurn)).toBe('three four');
    expect(entries()[1]!.start).toBe((transcript.entries[0] as SpeechTurn).words[2]!.start);
    act(() => appStore.getState().select(1));
    fireEvent.click(within(editorOf()).getByRole('button', { name: 'Merge with previous' }));
    expect(entries()).toHaveLength(3);
    act(() => commands.undo());
    act(() => commands.undo());
    expect(entries()).toEqual(transcript.entries);
  });

  it('inserts and deletes turns; undo brings a deleted turn back', () => {
    renderEditor();
    act(() => appStore.getState().select(2));
    fireEvent.click(within(editorOf()).getByRole('button', { name: 'Insert turn below' }));
    expect(entries()).toHaveLength(4);
    expect(appStore.getState().selectedEntry).toBe(3);
    fireEvent.click(within(editorOf()).getByRole('button', { name: 'Delete turn' }));
    fireEvent.click(within(editorOf()).getByRole('button', { name: 'Delete turn' }));
    expect(entries()).toHaveLength(2);
    act(() => commands.undo());
    expect(entries()).toHaveLength(3);
    expect(turnText(entries()[2] as SpeechTurn)).toBe('nine ten');
  });
});

describe('editor toolbar', () => {
  it('replaces across the transcript in one undo step', () => {
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Find & replace…' }));
    fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'ten' } });
    fireEvent.change(screen.getByLabelText('Replace with'), { target: { value: 'eleven' } });
    expect(screen.getByText('1 match')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    expect(turnText(entries()[2] as SpeechTurn)).toBe('nine eleven');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(turnText(entries()[2] as SpeechTurn)).toBe('nine ten');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(turnText(entries()[2] as SpeechTurn)).toBe('nine eleven');
  });

  it('renames and merges speakers everywhere', () => {
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Speakers…' }));
    const name = screen.getByRole('textbox', { name: 'Name of Bo' });
    fireEvent.change(name, { target: { value: 'Bo Diddley' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(appStore.getState().transcript.speakers.find((s) => s.id === 'bo')?.name).toBe('Bo Diddley');
    fireEvent.change(screen.getByRole('combobox', { name: 'Merge Bo Diddley into' }), { target: { value: 'ann' } });
    expect(entries().every((entry) => entry.kind !== 'speech' || entry.speakerId === 'ann')).toBe(true);
    act(() => commands.undo());
    expect((entries()[1] as SpeechTurn).speakerId).toBe('bo');
  });

  it('tap-syncs from the toolbar button', () => {
    appStore.getState().setSession({
      transcript: { ...transcript, entries: transcript.entries.map((entry) => ({ ...entry, start: undefined, end: undefined, words: (entry as SpeechTurn).words.map((w) => ({ text: w.text })) })) as Transcript['entries'] },
      transcriptName: 'u.txt',
      formatLabel: 'Plain text',
    });
    appStore.getState().setMode('edit');
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: /Tap: turn 1 starts at playhead/ }));
    expect(entries()[0]!.start).toBe(0);
    expect(appStore.getState().selectedEntry).toBe(1);
    // The cursor moved on: the button and the list name the next turn.
    expect(screen.getByRole('button', { name: /Tap: turn 2 starts at playhead/ })).toBeTruthy();
  });
});
