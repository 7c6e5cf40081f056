import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfilerOnRenderCallback } from 'react';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import { connectSync } from '../app/connect-sync.ts';
import type { Transcript } from '../transcript/model.ts';
import { createFakePlayer, type FakePlayer } from '../../test/support/fake-player.ts';
import { TranscriptView } from './transcript-view.tsx';
import { splitTurn } from '../transcript/edit/split-turn.ts';
import { FIRST_ROWS } from './use-rows-in-batches.ts';

const transcript: Transcript = {
  speakers: [
    { id: 'ann', name: 'Ann Lee' },
    { id: 'bo', name: 'Bo' },
  ],
  entries: [
    {
      kind: 'speech',
      speakerId: null,
      start: 0,
      end: 2,
      words: [
        { text: 'Welcome', start: 0, end: 0.8 },
        { text: 'back.', start: 0.9, end: 1.8 },
      ],
    },
    { kind: 'event', text: '(SOUNDBITE OF MUSIC)', start: 2, end: 3 },
    {
      kind: 'speech',
      speakerId: 'ann',
      start: 3,
      end: 6,
      words: [
        { text: 'Hello', start: 3, end: 3.5 },
        { text: 'there', start: 3.6, end: 4.2 },
        { text: 'friend.', start: 4.3, end: 5.9 },
      ],
    },
    { kind: 'speech', speakerId: 'bo', start: 6, end: 9, words: [{ text: 'Hi', start: 6.2, end: 6.6 }, { text: 'Ann.' }] },
    { kind: 'speech', speakerId: 'bo', words: [{ text: 'Untimed' }, { text: 'words.' }] },
  ],
};

// jsdom has no layout: give elements a viewport-sized box so the virtualized list renders rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 800, height: 900 }));
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterAll(() => vi.restoreAllMocks());

let appStore: AppStore;
let player: FakePlayer;
let disconnect: () => void;

function renderView(onRowRender?: ProfilerOnRenderCallback) {
  return render(<TranscriptView onRowRender={onRowRender} />, { wrapper: inApp(createTestServices({ store: appStore, player })) });
}

const turnElement = (index: number) => document.querySelector<HTMLElement>(`[data-turn-index="${index}"]`)!;

beforeEach(() => {
  appStore = createAppStore();
  appStore.getState().setSession({ transcript, transcriptName: 't.json', formatLabel: 'Verbatim JSON' });
  player = createFakePlayer(10);
  disconnect = connectSync(player, appStore);
});

afterEach(() => disconnect());

describe('TranscriptView', () => {
  it('renders speech turns with stable hooks and speaker names', () => {
    renderView();
    const turns = document.querySelectorAll('[data-turn-index]');
    expect(turns).toHaveLength(4);
    expect(turnElement(1)).toHaveAttribute('data-start', '3');
    expect(turnElement(1)).toHaveAttribute('data-end', '6');
    expect(turnElement(3)).not.toHaveAttribute('data-start');
    expect(turnElement(0)).toHaveTextContent('Unlabelled');
    expect(turnElement(1)).toHaveTextContent('Ann Lee');
    expect(screen.getByText('(SOUNDBITE OF MUSIC)')).toBeInTheDocument();
    expect(turnElement(2).querySelectorAll('.word[data-start]')).toHaveLength(1);
  });

  it('marks the word the clock is in after paragraph breaks too (their markers sit among the words)', () => {
    const lines: Transcript = {
      speakers: [],
      entries: [
        {
          kind: 'speech',
          speakerId: null,
          start: 0,
          end: 6,
          words: ['When', 'forty', 'winters', 'And', 'dig', 'deep'].map((text, index) => ({ text, start: index, end: index + 0.9, ...(index === 3 ? { paragraph: true as const } : {}) })),
        },
      ],
    };
    appStore.getState().setSession({ transcript: lines, transcriptName: 'sonnet.txt', formatLabel: 'Plain text' });
    renderView();
    act(() => player.tick(4.5));
    expect(document.querySelector('.word[aria-current="true"]')).toHaveTextContent('dig');
    act(() => player.tick(1.5));
    expect(document.querySelector('.word[aria-current="true"]')).toHaveTextContent('forty');
  });

  it('a short transcript paints its first rows first; the rest follow after that paint, until every row is there', async () => {
    const entries = Array.from({ length: 100 }, (_, i) => ({ kind: 'speech' as const, speakerId: null, start: i, end: i + 1, words: [{ text: `w${i}`, start: i, end: i + 0.5 }] }));
    appStore.getState().setSession({ transcript: { speakers: [], entries }, transcriptName: 'many.json', formatLabel: 'Verbatim JSON' });
    renderView();
    const first = document.querySelectorAll('[data-turn-index]').length;
    expect(first).toBeGreaterThanOrEqual(FIRST_ROWS);
    expect(first).toBeLessThan(entries.length);
    expect(turnElement(0)).toHaveTextContent('w0');
    await waitFor(() => expect(document.querySelectorAll('[data-turn-index]')).toHaveLength(entries.length));
    expect(turnElement(99)).toHaveTextContent('w99');
  });

  it('marks the active turn and word as the clock moves, and clears them in gaps', () => {
    renderView();
    act(() => player.tick(3.7));
    expect(turnElement(1)).toHaveAttribute('aria-current', 'true');
    expect(document.querySelectorAll('[data-turn-index][aria-current="true"]')).toHaveLength(1);
    const word = document.querySelector('.word[aria-current="true"]');
    expect(word).toHaveTextContent('there');

    act(() => player.tick(2.5));
    expect(document.querySelector('[data-turn-index][aria-current]')).toBeNull();
    expect(document.querySelector('.word[aria-current]')).toBeNull();

    act(() => player.tick(6.3));
    expect(turnElement(2)).toHaveAttribute('aria-current', 'true');
    expect(document.querySelector('.word[aria-current="true"]')).toHaveTextContent('Hi');
  });

  it('read-along: a click on a word plays from its start, on a turn header from the turn start', () => {
    renderView();
    fireEvent.click(screen.getByText('friend.'));
    expect(player.seeks.at(-1)).toBe(4.3);
    expect(player.isPlaying()).toBe(true);
    player.pause();
    fireEvent.click(screen.getByRole('button', { name: /Ann Lee 0:03: play from here/ }));
    expect(player.seeks.at(-1)).toBe(3);
    expect(player.isPlaying()).toBe(true);
    player.pause();
    fireEvent.click(screen.getByText('Untimed'));
    expect(player.seeks).toHaveLength(2);
    expect(player.isPlaying()).toBe(false);
  });

  it('editor mode: a click selects the turn and moves the playhead to the word without starting playback', () => {
    appStore.setState({ mode: 'edit' });
    renderView();
    fireEvent.click(screen.getByText('friend.'));
    expect(player.seeks.at(-1)).toBe(4.3);
    expect(player.isPlaying()).toBe(false);
    expect(appStore.getState().selectedEntry).toBe(Number(screen.getByText('friend.').closest('[data-entry-index]')!.getAttribute('data-entry-index')));
    expect(screen.getByRole('button', { name: /Ann Lee 0:03: .*select, and move the playhead here/ })).toBeInTheDocument();
  });

  it('keeps playing while a click moves the playhead', () => {
    renderView();
    player.play();
    fireEvent.click(screen.getByText('Hello'));
    expect(player.isPlaying()).toBe(true);
  });

  it('re-renders only the rows whose active state changes', () => {
    const renders: string[] = [];
    renderView((id) => renders.push(id));
    act(() => player.tick(2.5));
    renders.length = 0;
    act(() => player.tick(0.5));
    expect(renders.sort()).toEqual(['turn-0']);
    renders.length = 0;
    act(() => player.tick(3.1));
    expect(renders.sort()).toEqual(['turn-0', 'turn-1']);
    renders.length = 0;
    // Word changes inside the active turn render nothing.
    act(() => player.tick(3.7));
    act(() => player.tick(4.5));
    expect(renders).toEqual([]);
  });

  it('keeps the elements of untouched rows and their words across a split above them', () => {
    renderView();
    const after = turnElement(2);
    const words = after.querySelector('.turn__text');
    act(() => appStore.getState().commitTranscript(splitTurn(appStore.getState().transcript, 2, 1)));
    // Turn 2 is now turn 3, in the same element with the same words' paragraph.
    expect(turnElement(3)).toBe(after);
    expect(after).toHaveAttribute('data-entry-index', '4');
    expect(after.querySelector('.turn__text')).toBe(words);
    expect(turnElement(1)).toHaveTextContent('Hello');
    expect(turnElement(2)).toHaveTextContent('there friend.');
    act(() => appStore.temporal.getState().undo());
    expect(turnElement(2)).toBe(after);
  });

  it('pauses following on a manual scroll and resumes from "Back to current"', () => {
    renderView();
    expect(screen.queryByRole('button', { name: /Back to current/ })).toBeNull();
    const scroller = document.querySelector('.transcript__scroller')!;
    act(() => {
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: 300 }));
      scroller.scrollTop = 300;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(appStore.getState().following).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /Back to current/ }));
    expect(appStore.getState().following).toBe(true);
    expect(screen.queryByRole('button', { name: /Back to current/ })).toBeNull();
  });

  it('keeps the row at the top of the view in place when a huge transcript\'s real row estimates replace the stand-in', async () => {
    // The first rows (whose mean stands in for all) are one word long, the rest forty: every row above the view grows.
    const entries = Array.from({ length: 6_000 }, (_, i) => ({ kind: 'speech' as const, speakerId: null, words: Array.from({ length: i < 64 ? 1 : 40 }, () => ({ text: 'word' })) }));
    appStore.getState().setSession({ transcript: { speakers: [], entries }, transcriptName: 'huge.json', formatLabel: 'Verbatim JSON' });
    renderView();
    const scroller = document.querySelector('.transcript__scroller')!;
    // jsdom keeps no scroll position and has no scroll height: this element has both.
    let top = 0;
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => top, set: (value: number) => void (top = value) });
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => 10_000_000 });
    act(() => {
      scroller.scrollTop = 50_000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const rendered = () => [...document.querySelectorAll<HTMLElement>('[data-entry-index]')].map((row) => Number(row.dataset.entryIndex)).filter((index) => index >= 64);
    const before = rendered()[0];
    await waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(60_000), { timeout: 5_000 });
    // The browser would tell the list it scrolled.
    act(() => void scroller.dispatchEvent(new Event('scroll')));
    expect(rendered()[0]).toBe(before);
  });
});
