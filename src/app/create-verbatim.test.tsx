import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StrictMode } from 'react';
import { act, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { turnText } from '../transcript/model.ts';
import { createFakePlayer, type FakePlayer } from '../../test/support/fake-player.ts';
import { createMemoryProjectStorage } from '../../test/support/memory-project-storage.ts';
import type { AlignmentCache } from './alignment-cache.ts';
import { manualClock } from '../../test/support/manual-clock.ts';
import { SAVE_MAX_WAIT_MS } from './autosave.ts';
import { createVerbatim, type Verbatim } from './create-verbatim.ts';
import { App } from './app.tsx';

const DEMO = readFileSync(join(import.meta.dirname, '../../public/demo/seed.verbatim.json'), 'utf8');

/** Counts listeners that are added and not removed again, on window and document. */
function listenerLedger() {
  const live = new Map<string, number>();
  const spies = [window, document].flatMap((target) => {
    const name = target === window ? 'window' : 'document';
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    return [
      vi.spyOn(target, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) + 1);
        add(type, listener, options);
      }),
      vi.spyOn(target, 'removeEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
        live.set(`${name}:${type}`, (live.get(`${name}:${type}`) ?? 0) - 1);
        remove(type, listener, options);
      }),
    ];
  });
  return {
    live: () => [...live].filter(([, count]) => count !== 0),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** The fake player, counting the subscriptions the app holds on it. */
function countedPlayer(): FakePlayer & { subscriptions(): number } {
  const player = createFakePlayer(300);
  let subscriptions = 0;
  const on = player.on;
  return Object.assign(player, {
    on: ((event, listener) => {
      subscriptions++;
      const off = on(event, listener);
      return () => {
        subscriptions--;
        off();
      };
    }) as FakePlayer['on'],
    subscriptions: () => subscriptions,
  });
}

const memoryCache = (): AlignmentCache => {
  const entries = new Map<string, { savedAt: number; transcript: never }>();
  return { get: async (key) => entries.get(key), put: async () => undefined, remove: async (key) => void entries.delete(key) };
};

beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 800, height: 900 }));
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(900);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterAll(() => vi.restoreAllMocks());

let app: Verbatim | null = null;
afterEach(() => {
  app?.destroy();
  app = null;
});

describe('createVerbatim', () => {
  it('loads the demo, edits, undoes, autosaves and is destroyed without leaving a listener or a timer', async () => {
    const ledger = listenerLedger();
    const time = manualClock();
    const player = countedPlayer();
    const memory = createMemoryProjectStorage();
    app = createVerbatim({ player, storage: memory.storage, alignmentCache: memoryCache(), target: window, clock: time.clock });
    const { store, commands, loader } = app;

    const result = await loader.load({ kind: 'text', text: DEMO, name: 'seed.verbatim.json' });
    expect(result).toEqual({ ok: true, opened: ['seed.verbatim.json (read as Verbatim JSON)'] });
    expect(store.getState().transcript.entries.filter((entry) => entry.kind === 'speech')).toHaveLength(13);
    await time.advanceAndSettle(0);

    // The player's clock drives the active turn through the app's sync.
    player.tick(20);
    expect(store.getState().activeTurn).toBe(2);

    // An edit through the commands: F2's path (open the text box), then save.
    commands.select(1);
    commands.editSelectedText();
    expect(store.getState().textEdit).toEqual({ entry: 1, caret: -1 });
    commands.saveText(1, 'Hi there, again.');
    const edited = store.getState().transcript.entries[1]!;
    expect(edited.kind === 'speech' && turnText(edited)).toBe('Hi there, again.');
    expect(store.getState().textEdit).toBeNull();
    // Written to storage within the save window.
    await time.advanceAndSettle(SAVE_MAX_WAIT_MS);
    expect(memory.calls.put).toBe(1);

    commands.undo();
    const undone = store.getState().transcript.entries[1]!;
    expect(undone.kind === 'speech' && turnText(undone)).toBe('Hi there.');
    await time.advanceAndSettle(SAVE_MAX_WAIT_MS);
    expect(memory.calls.remove).toBe(1); // back to the file as opened: the save is removed

    expect(ledger.live().length).toBeGreaterThan(0); // keys and page lifecycle are listened to while alive
    expect(player.subscriptions()).toBeGreaterThan(0);
    app.destroy();
    app = null;

    expect(ledger.live()).toEqual([]);
    expect(player.subscriptions()).toBe(0);
    expect(time.pending()).toBe(0);
    // Nothing of the app answers any more: no sync, no autosave.
    player.tick(1);
    expect(store.getState().activeTurn).toBe(2);
    store.getState().commitTranscript({ ...store.getState().transcript });
    await time.advanceAndSettle(SAVE_MAX_WAIT_MS * 2);
    expect(memory.calls.put).toBe(1);
    ledger.restore();
  });

  it('each app object has its own store', () => {
    const storage = createMemoryProjectStorage().storage;
    const first = createVerbatim({ player: createFakePlayer(), storage, alignmentCache: memoryCache() });
    const second = createVerbatim({ player: createFakePlayer(), storage, alignmentCache: memoryCache() });
    first.commands.setMode('edit');
    expect(second.store.getState().mode).toBe('read');
    first.destroy();
    second.destroy();
  });

  it('one edit is one store write, the time index included', async () => {
    app = createVerbatim({ player: createFakePlayer(300), storage: createMemoryProjectStorage().storage, alignmentCache: memoryCache() });
    await app.loader.load({ kind: 'text', text: DEMO, name: 'seed.verbatim.json' });
    let writes = 0;
    const unsubscribe = app.store.subscribe(() => writes++);
    const before = app.store.getState().timeIndex;
    app.commands.setTurnStart(2, 18.5);
    expect(writes).toBe(1);
    expect(app.store.getState().timeIndex).not.toBe(before);
    expect(app.store.getState().timeIndex.starts[2]).toBe(18.5);
    app.commands.undo();
    expect(writes).toBe(2);
    expect(app.store.getState().timeIndex).toBe(before); // the same transcript object: the memoised index
    unsubscribe();
  });

  it('renders under StrictMode without creating a second player, and unmounting leaves the app working', async () => {
    const player = countedPlayer();
    app = createVerbatim({ player, storage: createMemoryProjectStorage().storage, alignmentCache: memoryCache() });
    await app.loader.load({ kind: 'text', text: DEMO, name: 'seed.verbatim.json' });
    const view = render(
      <StrictMode>
        <App app={app} />
      </StrictMode>,
    );
    expect(document.querySelectorAll('.waveform-host')).toHaveLength(1);
    expect(document.querySelectorAll('[data-turn-index]').length).toBeGreaterThan(0);
    view.unmount();
    expect(document.querySelectorAll('.waveform-host')).toHaveLength(0);
    const subscriptions = player.subscriptions();
    act(() => player.tick(20));
    expect(app.store.getState().activeTurn).toBe(2);
    // Mounting again adopts the same waveform element.
    const again = render(<App app={app} />);
    expect(document.querySelectorAll('.waveform-host')).toHaveLength(1);
    again.unmount();
    // Components only read: what they subscribed to while shown is released with them.
    expect(player.subscriptions()).toBe(subscriptions);
  }, 30_000);
});
