import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import { exportFormats, findExportFormat } from '../transcript/formats/registry.ts';
import type { ExportFormat } from '../transcript/formats/format-spec.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { CAPTION_PRESETS } from '../transcript/writers/caption-cues.ts';
import { ExportMenu, exportBaseName, exportFileName } from './export-menu.tsx';

const transcript = transcriptOf(timedTurn('Hello there friend.', 0), timedTurn('Second turn here.', 3, 'bob'));

/** What the page handed to the browser as downloads (jsdom cannot download). */
let appStore: AppStore;
let downloads: { name: string; blob: Blob; type: string }[];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  appStore = createAppStore();
  appStore.getState().setSession({ transcript, transcriptName: 'seed.verbatim.json', formatLabel: 'Verbatim JSON', audioName: 'seed.opus', audioUrl: 'blob:x' });
  downloads = [];
  let next = 0;
  // jsdom has no object URLs; these keep the Blob so the test can read what was downloaded.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${next++}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)!;
    downloads.push({ name: this.download, blob, type: blob.type });
  });
});

afterEach(() => vi.restoreAllMocks());

/** jsdom's Blob has no text(); FileReader it is. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const menuButton = () => screen.getByRole('button', { name: 'Export' });

describe('ExportMenu', () => {
  it('lists every export format in the registry, plus the word-timestamp option', async () => {
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    expect(menuButton()).toHaveAttribute('aria-haspopup', 'menu');
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(menuButton());
    expect(menuButton()).toHaveAttribute('aria-expanded', 'true');
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(menuButton()).toHaveAttribute('aria-controls', menu.id);
    const items = screen.getAllByRole('menuitem');
    expect(items.filter((item) => item.dataset.format).map((item) => item.dataset.format)).toEqual(exportFormats.map((format) => format.id));
    expect(screen.getByRole('menuitem', { name: /Podcast feed tags/ })).toBeInTheDocument();
    for (const format of exportFormats) expect(screen.getByRole('menuitem', { name: new RegExp(format.label.replace(/[()]/gu, '\\$&')) })).toBeInTheDocument();
    expect(screen.getByRole('menuitemcheckbox', { name: /word timestamps/i })).toHaveAttribute('aria-checked', 'false');
    expect(items[0]).toHaveFocus();
    // getByRole per label is slow in jsdom on a shared machine; the list grows with the registry.
  }, 20_000);

  it('moves with the arrow keys, Home and End, wraps, and closes on Escape back to the button', async () => {
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    menuButton().focus();
    await userEvent.keyboard('{ArrowDown}');
    const items = [...screen.getAllByRole('menuitem'), screen.getByRole('menuitemcheckbox')];
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(items.at(-1)).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(items.at(-1)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(menuButton()).toHaveFocus();
    expect(menuButton()).toHaveAttribute('aria-expanded', 'false');
  });

  it('ArrowUp on the button opens the menu at its last item', async () => {
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    menuButton().focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitemcheckbox')).toHaveFocus();
  });

  it('downloads SRT named after the transcript, with the writer’s text, and marks the changes exported', async () => {
    appStore.getState().commitTranscript(setTurnStart(transcript, 1, 3.25));
    expect(appStore.getState().dirty).toBe(true);
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    await userEvent.click(menuButton());
    await userEvent.click(screen.getByRole('menuitem', { name: /SRT/ }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('seed.srt');
    expect(downloads[0]!.type).toBe('application/x-subrip;charset=utf-8');
    const text = await readText(downloads[0]!.blob);
    expect(text).toBe(findExportFormat('srt')!.write(appStore.getState().transcript, { title: 'seed', audioUrl: 'seed.opus', wordTimestamps: false, captions: {} }));
    expect(text).toContain('Bob Barker');
    expect(text).toContain('00:00:03,250');
    expect(appStore.getState().dirty).toBe(false);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(menuButton()).toHaveFocus();
  });

  it('the caption choices are a radio group; "one cue per turn" reaches the SRT writer', async () => {
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    await userEvent.click(menuButton());
    const radios = screen.getAllByRole('menuitemradio');
    expect(radios.map((radio) => radio.getAttribute('aria-checked'))).toEqual(CAPTION_PRESETS.map((_, index) => String(index === 0)));
    await userEvent.click(screen.getByRole('menuitemradio', { name: /one cue per turn/u }));
    expect(screen.getByRole('menuitemradio', { name: /one cue per turn/u })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(screen.getByRole('menuitem', { name: /SRT/u }));
    const text = await readText(downloads[0]!.blob);
    expect(text).toBe(findExportFormat('srt')!.write(appStore.getState().transcript, { captions: { cuePerTurn: true } }));
  });

  it('the word-timestamp option stays in the open menu and reaches the WebVTT writer', async () => {
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    await userEvent.click(menuButton());
    await userEvent.keyboard('{End}');
    await userEvent.keyboard(' ');
    expect(screen.getByRole('menuitemcheckbox')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await userEvent.keyboard('{Home}');
    const vttIndex = exportFormats.findIndex((format) => format.id === 'webvtt');
    for (let i = 0; i < vttIndex; i++) await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('seed.vtt');
    const text = await readText(downloads[0]!.blob);
    expect(text).toContain('<v Ann Arbor>Hello <00:00:00.500>there');
  });

  it('is disabled while there is no transcript', () => {
    appStore = createAppStore();
    render(<ExportMenu />, { wrapper: inApp(createTestServices({ store: appStore })) });
    expect(menuButton()).toBeDisabled();
  });

  it('reports a writer that fails instead of downloading', async () => {
    const broken: ExportFormat = { id: 'broken', label: 'Broken', extension: 'x', mimeType: 'text/plain', write: () => { throw new Error('no can do'); } };
    render(<ExportMenu formats={[broken]} />, { wrapper: inApp(createTestServices({ store: appStore })) });
    await userEvent.click(menuButton());
    await userEvent.click(screen.getByRole('menuitem', { name: /Broken/ }));
    expect(downloads).toHaveLength(0);
    expect(appStore.getState().notices[0]).toMatchObject({ kind: 'error', text: expect.stringMatching(/Broken.*no can do/) });
  });
});

describe('export file names', () => {
  it('is <base>.<ext>, and two formats sharing an extension get their own names', () => {
    const srt = findExportFormat('srt')!;
    const verbatim = findExportFormat('verbatim-json')!;
    const podcast = findExportFormat('podcast-json')!;
    expect(exportFileName('interview.vtt', srt, exportFormats)).toBe('interview.srt');
    expect(exportFileName('seed.verbatim.json', srt, exportFormats)).toBe('seed.srt');
    expect(exportFileName('seed.verbatim.json', verbatim, exportFormats)).toBe('seed.verbatim.json');
    expect(exportFileName('seed.verbatim.json', podcast, exportFormats)).toBe('seed.podcast.json');
    expect(exportFileName('talk.2024.final.json', srt, exportFormats)).toBe('talk.2024.final.srt');
    expect(exportFileName('', srt, exportFormats)).toBe('transcript.srt');
    expect(exportBaseName('notes', exportFormats)).toBe('notes');
  });
});
