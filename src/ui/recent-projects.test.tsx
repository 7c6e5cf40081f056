import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import { installAutosave, type Autosave } from '../app/autosave.ts';
import type { RecentProjectsProps } from './recent-projects.tsx';
import type { SavedProject } from '../app/project-storage.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { createMemoryProjectStorage } from '../../test/support/memory-project-storage.ts';
import { RecentProjects } from './recent-projects.tsx';
import { describeSavedAt } from './describe-saved-at.ts';
import { RestorePrompt } from './restore-prompt.tsx';
import { projectKey } from '../app/project-key.ts';

const now = new Date(2026, 10, 3, 18, 0).getTime();

function project(key: string, savedAt: number, extra: Partial<SavedProject> = {}): SavedProject {
  return { key, savedAt, audioName: `${key}.mp3`, transcriptName: `${key}.vtt`, dirty: true, transcript: transcriptOf(timedTurn('Hi.', 0)), ...extra };
}

let appStore: AppStore;
let autosave: Autosave;
let memory: ReturnType<typeof createMemoryProjectStorage>;
let opened: { audio?: string; transcript?: string }[];
const loader: NonNullable<RecentProjectsProps['loader']> = {
  loadUrls: async (urls) => {
    opened.push(urls);
    return true;
  },
};

beforeEach(() => {
  appStore = createAppStore();
  memory = createMemoryProjectStorage();
  memory.projects.set('old', project('old', new Date(2026, 9, 30, 9, 15).getTime()));
  memory.projects.set('demo', project('demo', now - 3_600_000, { audioUrl: 'https://example.org/demo.opus', transcriptUrl: 'https://example.org/demo.json', dirty: false }));
  opened = [];
  autosave = installAutosave(appStore, { storage: memory.storage });
});

afterEach(() => autosave.destroy());

async function openPanel() {
  render(<RecentProjects autosave={autosave} loader={loader} now={() => now} />, { wrapper: inApp(createTestServices({ store: appStore })) });
  await userEvent.click(screen.getByRole('button', { name: 'Recent' }));
  const panel = await screen.findByRole('region', { name: 'Saved on this device' });
  await waitFor(() => expect(within(panel).getAllByTestId('recent-open')).toHaveLength(2));
  return panel;
}

describe('RecentProjects', () => {
  it('lists saved projects newest first, with their dates, and focuses the first', async () => {
    const panel = await openPanel();
    const entries = within(panel).getAllByTestId('recent-open');
    expect(entries[0]).toHaveAccessibleName(`demo.vtt demo.mp3 · ${describeSavedAt(now - 3_600_000, now)} · exported`);
    expect(entries[1]).toHaveAccessibleName(`old.vtt old.mp3 · ${describeSavedAt(new Date(2026, 9, 30, 9, 15).getTime(), now)} · not exported`);
    expect(entries[0]).toHaveTextContent(/today at/);
    expect(entries[0]).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Recent' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('closes on Esc pressed before the list is read, returning the focus to its button', async () => {
    const slow = { recent: () => new Promise<never>(() => {}), on: autosave.on, forget: autosave.forget };
    render(<RecentProjects autosave={slow} loader={loader} now={() => now} />, { wrapper: inApp(createTestServices({ store: appStore })) });
    const button = screen.getByRole('button', { name: 'Recent' });
    await userEvent.click(button);
    const panel = screen.getByRole('region', { name: 'Saved on this device' });
    expect(panel).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('reopens a project opened from URLs through the loader', async () => {
    const panel = await openPanel();
    await userEvent.click(within(panel).getAllByTestId('recent-open')[0]!);
    expect(opened).toEqual([{ audio: 'https://example.org/demo.opus', transcript: 'https://example.org/demo.json' }]);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('for local files, says which files to open again', async () => {
    const panel = await openPanel();
    await userEvent.click(within(panel).getAllByTestId('recent-open')[1]!);
    expect(opened).toEqual([]);
    expect(within(panel).getByRole('status')).toHaveTextContent(/Open old\.mp3 and old\.vtt again/);
  });

  it('deletes an entry from storage and from the list', async () => {
    const panel = await openPanel();
    await userEvent.click(within(panel).getByRole('button', { name: 'Delete saved edits to old.vtt' }));
    await waitFor(() => expect(within(panel).getAllByTestId('recent-open')).toHaveLength(1));
    expect(memory.projects.has('old')).toBe(false);
    expect(within(panel).getByTestId('recent-open')).toHaveFocus();
  });

  it('walks entries with the arrow keys and closes on Escape', async () => {
    const panel = await openPanel();
    const entries = within(panel).getAllByTestId('recent-open');
    await userEvent.keyboard('{ArrowDown}');
    expect(entries[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(entries[0]).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByRole('button', { name: 'Recent' })).toHaveFocus();
  });

  it('says so when nothing is saved', async () => {
    memory.projects.clear();
    render(<RecentProjects autosave={autosave} loader={loader} />, { wrapper: inApp(createTestServices({ store: appStore })) });
    await userEvent.click(screen.getByRole('button', { name: 'Recent' }));
    expect(await screen.findByText(/No saved edits yet/)).toBeInTheDocument();
  });

  it('shows a project saved while the panel is open', async () => {
    const panel = await openPanel();
    await act(async () => {
      appStore.getState().setSession({ transcript: transcriptOf(timedTurn('New.', 0)), transcriptName: 'new.vtt', formatLabel: 'WebVTT', sourceText: 'new', audioKey: 'file:new.mp3:1:1', audioName: 'new.mp3' });
    });
    await act(async () => appStore.getState().commitTranscript(transcriptOf(timedTurn('Newer.', 0))));
    await act(() => autosave.flush());
    await waitFor(() => expect(within(panel).getAllByTestId('recent-open')).toHaveLength(3));
    expect(within(panel).getAllByTestId('recent-open')[0]).toHaveTextContent('new.vtt');
  });

  it('closes when a prompt opens (the restore prompt appears over it), leaving the focus in the prompt', async () => {
    const key = projectKey('file:talk.mp3:1:1', 'talk text');
    memory.projects.set(key, project(key, now - 60_000, { transcript: transcriptOf(timedTurn('Edited.', 0)) }));
    render(
      <>
        <RecentProjects autosave={autosave} loader={loader} now={() => now} />
        <RestorePrompt autosave={autosave} now={() => now} />
      </>,
      { wrapper: inApp(createTestServices({ store: appStore })) },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Recent' }));
    await screen.findByRole('region', { name: 'Saved on this device' });
    await act(async () => {
      appStore.getState().setSession({ transcript: transcriptOf(timedTurn('Hi.', 0)), transcriptName: 'talk.vtt', formatLabel: 'WebVTT', sourceText: 'talk text', audioKey: 'file:talk.mp3:1:1', audioName: 'talk.mp3' });
    });
    await screen.findByRole('alertdialog');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Saved on this device' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Recent' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Restore' })).toHaveFocus();
  });
});
