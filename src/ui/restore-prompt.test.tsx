import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { installAutosave, type Autosave } from '../app/autosave.ts';
import { projectKey } from '../app/project-key.ts';
import { setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { createMemoryProjectStorage } from '../../test/support/memory-project-storage.ts';
import { RestorePrompt } from './restore-prompt.tsx';

const SOURCE = 'original text';
const AUDIO_KEY = 'url:https://example.org/talk.mp3';
const KEY = projectKey(AUDIO_KEY, SOURCE);
const original = () => transcriptOf(timedTurn('Hello there.', 0), timedTurn('Second turn.', 3, 'bob'));

let appStore: AppStore;
let autosave: Autosave;
let memory: ReturnType<typeof createMemoryProjectStorage>;
const savedAt = new Date(2026, 10, 3, 14, 32).getTime();

function openSession() {
  appStore.getState().setSession({ transcript: original(), transcriptName: 'talk.vtt', formatLabel: 'WebVTT', sourceText: SOURCE, audioName: 'talk.mp3', audioKey: AUDIO_KEY });
}

beforeEach(() => {
  appStore = createAppStore();
  memory = createMemoryProjectStorage();
  memory.projects.set(KEY, {
    key: KEY,
    savedAt,
    audioName: 'talk.mp3',
    transcriptName: 'talk.vtt',
    dirty: true,
    transcript: setTurnStart(original(), 1, 3.5),
  });
  autosave = installAutosave(appStore, { storage: memory.storage });
});

afterEach(() => autosave.destroy());

async function showPrompt() {
  render(
    <>
      <button type="button">elsewhere</button>
      <RestorePrompt autosave={autosave} now={() => savedAt + 3_600_000} />
    </>,
  );
  await act(async () => openSession());
  return screen.findByRole('alertdialog');
}

describe('RestorePrompt', () => {
  it('says which transcript has unsaved edits and when they were saved', async () => {
    const prompt = await showPrompt();
    expect(prompt).toHaveAccessibleName(/^Restore your autosaved edits from today at .*(14|02).32( PM)?\?$/);
    expect(prompt).toHaveAccessibleDescription(/^Your edits to talk\.vtt were kept on this device and not exported yet\./);
    expect(screen.getByRole('button', { name: 'Restore' })).toHaveFocus();
  });

  it('says when the saved edits were exported', async () => {
    memory.projects.get(KEY)!.dirty = false;
    const prompt = await showPrompt();
    expect(prompt).toHaveAccessibleName(/^Restore your autosaved edits from today at .*\?$/);
    expect(prompt).toHaveAccessibleDescription(/^Your edits to talk\.vtt were exported, but this file does not have them\. Until you choose, you see the file as opened\.$/);
  });

  it('shows nothing when there is nothing to restore', async () => {
    memory.projects.clear();
    render(<RestorePrompt autosave={autosave} />);
    await act(async () => openSession());
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Restore (keyboard) brings the edits back as one undoable step and goes away', async () => {
    await showPrompt();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(appStore.getState().transcript.entries[1]?.start).toBe(3.5);
    act(() => appStore.temporal.getState().undo());
    expect(appStore.getState().transcript.entries[1]?.start).toBe(3);
  });

  it('Discard deletes the saved edits and keeps the file as opened', async () => {
    await showPrompt();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Discard' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(memory.projects.has(KEY)).toBe(false);
    expect(appStore.getState().transcript.entries[1]?.start).toBe(3);
  });

  it('returns focus to where it was after the answer', async () => {
    render(
      <>
        <button type="button">elsewhere</button>
        <RestorePrompt autosave={autosave} />
      </>,
    );
    screen.getByRole('button', { name: 'elsewhere' }).focus();
    await act(async () => openSession());
    await screen.findByRole('alertdialog');
    expect(screen.getByRole('button', { name: 'Restore' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'elsewhere' })).toHaveFocus();
  });
});
