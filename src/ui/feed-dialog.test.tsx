import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import type { FeedEpisode, FeedListing } from '../transcript/podcast-feed.ts';
import { FeedDialog, type FeedActions } from './feed-dialog.tsx';

const appStore = createAppStore();
const wrapper = inApp(createTestServices({ store: appStore }));

beforeAll(() => {
  // jsdom has no modal dialogs; open and close are enough here (Chromium covers the rest end to end).
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const episode = (title: string, extra: Partial<FeedEpisode> = {}): FeedEpisode => ({
  title,
  enclosure: { url: `https://cdn.test/${title.length}.mp3` },
  transcripts: [],
  ...extra,
});

function listing(episodes: FeedEpisode[], transcripts: FeedListing['transcripts'] = []): FeedListing {
  return { name: 'feed.xml', feed: { title: 'Harbour Radio', episodes, warnings: [] }, transcripts };
}

function fakeActions(read: FeedListing | string, opened = true) {
  return {
    readFeed: vi.fn<FeedActions['readFeed']>(async () => read),
    openEpisode: vi.fn<FeedActions['openEpisode']>(async () => opened),
  };
}

describe('FeedDialog', () => {
  it('reads the requested feed and lists each episode with its date, length and transcript', async () => {
    const json = { url: 'https://x.test/1.json', type: 'application/json' };
    const actions = fakeActions(
      listing(
        [
          episode('Fog signals', { published: Date.UTC(2025, 2, 4, 12), duration: '00:42:17', transcripts: [json] }),
          episode('Trailer', { duration: '95' }),
          { title: 'Announcement', transcripts: [] },
        ],
        [json, undefined, undefined],
      ),
    );
    render(<FeedDialog actions={actions} request={{ source: 'https://x.test/feed.xml' }} />, { wrapper });
    const dialog = await screen.findByTestId('feed-dialog');
    expect(actions.readFeed).toHaveBeenCalledWith('https://x.test/feed.xml');
    expect(within(dialog).getByLabelText('Feed address')).toHaveValue('https://x.test/feed.xml');
    expect(await within(dialog).findByText('Harbour Radio: 3 episodes, 1 with a transcript.')).toBeInTheDocument();
    const rows = within(dialog).getAllByTestId('feed-episode');
    expect(rows[0]).toHaveTextContent(/Fog signals.*2025.*42:17.*Transcript: Podcast JSON/u);
    expect(rows[1]).toHaveTextContent(/Trailer.*1:35.*No transcript/u);
    expect(rows[2]).toHaveTextContent(/Announcement.*No audio/u);
    expect(rows[2]).toBeDisabled();
  });

  it('opens an episode with its chosen transcript and closes', async () => {
    const vtt = { url: 'https://x.test/1.vtt', type: 'text/vtt' };
    const first = episode('Fog signals', { transcripts: [vtt] });
    const actions = fakeActions(listing([first], [vtt]));
    render(<FeedDialog actions={actions} request={{ source: 'feed.xml' }} />, { wrapper });
    const dialog = await screen.findByTestId('feed-dialog');
    await userEvent.click(await within(dialog).findByRole('button', { name: /Fog signals/u }));
    expect(actions.openEpisode).toHaveBeenCalledWith(first, vtt);
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
  });

  it('stays open and shows why an episode could not be opened', async () => {
    const actions = fakeActions(listing([episode('Fog signals')], [undefined]), false);
    actions.openEpisode.mockImplementation(async () => {
      appStore.getState().notify('error', '1.vtt could not be downloaded: the server answered 404 Not Found.');
      return false;
    });
    render(<FeedDialog actions={actions} request={{ source: 'feed.xml' }} />, { wrapper });
    const dialog = await screen.findByTestId('feed-dialog');
    await userEvent.click(await within(dialog).findByRole('button', { name: /Fog signals/u }));
    await waitFor(() => expect(screen.getByTestId('feed-status')).toHaveTextContent('1.vtt could not be downloaded: the server answered 404 Not Found.'));
    expect(dialog).toHaveAttribute('open');
  });

  it('shows the reader’s sentence when the feed cannot be used', async () => {
    render(<FeedDialog actions={fakeActions('feed.xml: the feed “Coming Soon” has no episodes.')} request={{ source: 'feed.xml' }} />, { wrapper });
    const status = await screen.findByText('feed.xml: the feed “Coming Soon” has no episodes.');
    expect(status).toHaveClass('dialog__status--error');
    expect(screen.queryAllByTestId('feed-episode')).toHaveLength(0);
  });

  it('reads an address typed by the user, and filters a long list by title', async () => {
    const titles = Array.from({ length: 12 }, (_, index) => `Episode ${index + 1}${index === 6 ? ': Lighthouses' : ''}`);
    const actions = fakeActions(listing(titles.map((title) => episode(title))));
    render(<FeedDialog actions={actions} />, { wrapper });
    await userEvent.click(screen.getByRole('button', { name: 'Podcast feed…' }));
    await userEvent.type(screen.getByLabelText('Feed address'), 'https://x.test/show.rss{Enter}');
    expect(actions.readFeed).toHaveBeenCalledWith('https://x.test/show.rss');
    await screen.findByText(/12 episodes/u);
    await userEvent.type(screen.getByLabelText('Filter episodes by title'), 'lighthouse');
    expect(screen.getAllByTestId('feed-episode').map((row) => row.textContent)).toEqual([expect.stringContaining('Episode 7: Lighthouses')]);
    await act(async () => {
      await userEvent.clear(screen.getByLabelText('Filter episodes by title'));
      await userEvent.type(screen.getByLabelText('Filter episodes by title'), 'zzz');
    });
    expect(screen.getByText('No episode title contains “zzz”.')).toBeInTheDocument();
  });
});
