import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createEditorCommands } from '../editor/editor-commands.ts';
import { setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { installAutosave, type Autosave } from './autosave.ts';
import { createTabLock, type LockState, type TabLock } from './tab-lock.ts';
import { createChannelHub, createMemoryLockManager } from '../../test/support/memory-tabs.ts';
import { createMemoryProjectStorage } from '../../test/support/memory-project-storage.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

function tabs(handOverTimeoutMs?: number) {
  const locks = createMemoryLockManager();
  const hub = createChannelHub();
  let count = 0;
  return () => {
    const lock = createTabLock({ locks, channel: hub.channel(), tabId: `tab${++count}`, ...(handOverTimeoutMs ? { handOverTimeoutMs } : {}) });
    const states: LockState[] = [];
    lock.on('state', (state) => states.push(state));
    cleanups.push(() => lock.destroy());
    return { lock, states };
  };
}

describe('createTabLock', () => {
  it('gives a project to the first tab; the second is told another tab has it', async () => {
    const open = tabs();
    const a = open();
    const b = open();
    expect(await a.lock.claim('p')).toBe(true);
    expect(await b.lock.claim('p')).toBe(false);
    expect(a.lock.state()).toBe('owner');
    expect(b.lock.state()).toBe('elsewhere');
    // Another project is free to claim.
    const c = open();
    expect(await c.lock.claim('q')).toBe(true);
    // The same project opened again in the owner tab stays its own.
    expect(await a.lock.claim('p')).toBe(true);
    expect(a.lock.state()).toBe('owner');
    expect(a.states).toEqual(['owner']);
  });

  it('hands over on request: the owner runs its hand-over first, then becomes read-only', async () => {
    const open = tabs();
    const a = open();
    const b = open();
    await a.lock.claim('p');
    await b.lock.claim('p');
    const order: string[] = [];
    a.lock.setHandOver(async () => {
      order.push(`flush while ${a.lock.state()}`);
    });
    a.lock.on('state', (state) => order.push(`a ${state}`));
    expect(await b.lock.takeOver()).toBe(true);
    expect(order).toEqual(['flush while owner', 'a taken-over']);
    expect(b.lock.state()).toBe('owner');
    expect(a.lock.state()).toBe('taken-over');
  });

  it('tells a read-only tab when the owner is gone, and does not take over by itself', async () => {
    const open = tabs();
    const a = open();
    const b = open();
    await a.lock.claim('p');
    await b.lock.claim('p');
    a.lock.destroy();
    await vi.waitFor(() => expect(b.lock.state()).toBe('free'));
    // Free means nobody holds it: a reopened tab gets it at once, and the read-only one hears of it.
    const c = open();
    expect(await c.lock.claim('p')).toBe(true);
    await vi.waitFor(() => expect(b.lock.state()).toBe('elsewhere'));
    c.lock.destroy();
    await vi.waitFor(() => expect(b.lock.state()).toBe('free'));
    expect(await b.lock.takeOver()).toBe(true);
    expect(b.lock.state()).toBe('owner');
  });

  it('takes the lock anyway when the owner does not answer in time', async () => {
    const open = tabs(30);
    const a = open();
    const b = open();
    await a.lock.claim('p');
    await b.lock.claim('p');
    // A frozen tab: its hand-over never finishes.
    a.lock.setHandOver(() => new Promise(() => undefined));
    expect(await b.lock.takeOver()).toBe(true);
    await vi.waitFor(() => expect(a.lock.state()).toBe('taken-over'));
  });

  it('passes the owner’s saves on to read-only tabs only', async () => {
    const open = tabs();
    const a = open();
    const b = open();
    await a.lock.claim('p');
    await b.lock.claim('p');
    const heard = { a: 0, b: 0 };
    a.lock.on('saved', () => heard.a++);
    b.lock.on('saved', () => heard.b++);
    a.lock.announceSaved();
    b.lock.announceSaved();
    await vi.waitFor(() => expect(heard.b).toBe(1));
    expect(heard.a).toBe(0);
  });
});

describe('autosave with a tab lock', () => {
  const SOURCE = 'the file as opened';
  const original = () => transcriptOf(timedTurn('Hello there friend.', 0), timedTurn('Second turn here.', 3), timedTurn('Third one.', 6));

  function openTab(storage: ReturnType<typeof createMemoryProjectStorage>['storage'], lock: TabLock) {
    const store = createAppStore();
    const commands = createEditorCommands(store, { currentTime: () => 0 });
    const autosave: Autosave = installAutosave(store, {
      storage,
      lock,
      delayMs: 5,
      maxWaitMs: 10,
      applyRestore: (transcript, dirty) => commands.restore(transcript, dirty),
      commitDrafts: () => commands.commitTextDraft(),
    });
    cleanups.push(() => autosave.destroy());
    store.getState().setSession({ transcript: original(), transcriptName: 't.vtt', formatLabel: 'WebVTT', sourceText: SOURCE, audioName: 'a.mp3', audioUrl: 'https://x/a.mp3', audioKey: 'url:https://x/a.mp3' });
    return { store, commands, autosave };
  }
  const startOf = (store: AppStore, entry: number) => store.getState().transcript.entries[entry]?.start;

  it('the second tab is a read-only view; taking over carries the first tab’s unsaved edit across', async () => {
    const open = tabs();
    const memory = createMemoryProjectStorage();
    const a = openTab(memory.storage, open().lock);
    await vi.waitFor(() => expect(a.store.getState().readOnly).toBeNull());
    a.commands.edit((t) => setTurnStart(t, 1, 3.5));
    await vi.waitFor(() => expect([...memory.projects.values()][0]?.transcript.entries[1]?.start).toBe(3.5));

    const b = openTab(memory.storage, open().lock);
    await vi.waitFor(() => expect(b.store.getState().readOnly).toBe('elsewhere'));
    await vi.waitFor(() => expect(startOf(b.store, 1)).toBe(3.5));
    expect(b.autosave.offer()).toBeNull();

    // Refused, with a reason; nothing written.
    const puts = memory.calls.put;
    expect(b.commands.edit((t) => setTurnStart(t, 2, 6.5))).toBe(false);
    b.commands.toggleMode();
    expect(b.store.getState().mode).toBe('read');
    expect(b.store.getState().notices[0]?.text).toMatch(/open in another tab/);

    // The first tab edits again and takes-over arrives before its save would: it is flushed first.
    a.commands.edit((t) => setTurnStart(t, 2, 6.25));
    await b.autosave.takeOver();
    expect(memory.calls.put).toBe(puts + 1);
    expect(a.store.getState().readOnly).toBe('taken-over');
    expect(b.store.getState().readOnly).toBeNull();
    expect(startOf(b.store, 1)).toBe(3.5);
    expect(startOf(b.store, 2)).toBe(6.25);
    // The taken-over state is one undo step from the file as opened.
    b.commands.undo();
    expect(startOf(b.store, 2)).toBe(6);
    b.commands.redo();

    b.commands.edit((t) => setTurnStart(t, 0, 0.5));
    await vi.waitFor(() => expect([...memory.projects.values()][0]?.transcript.entries[0]?.start).toBe(0.5));
    const stored = [...memory.projects.values()][0]!;
    expect([stored.transcript.entries[1]?.start, stored.transcript.entries[2]?.start]).toEqual([3.5, 6.25]);
    // The read-only tab follows.
    await vi.waitFor(() => expect(startOf(a.store, 0)).toBe(0.5));
  });

  it('a text box still open in the first tab is committed and saved before the hand-over, so the new owner has it', async () => {
    const open = tabs();
    const memory = createMemoryProjectStorage();
    const a = openTab(memory.storage, open().lock);
    await vi.waitFor(() => expect(a.store.getState().readOnly).toBeNull());
    const b = openTab(memory.storage, open().lock);
    await vi.waitFor(() => expect(b.store.getState().readOnly).toBe('elsewhere'));

    // Typed into turn 1's box, never committed (no Enter, no blur).
    a.commands.openTextEditor(1);
    let typed = 'Second turn here, typed on.';
    a.commands.provideTextDraft(1, () => typed);
    await b.autosave.takeOver();
    expect(b.store.getState().readOnly).toBeNull();
    const textOf = (store: AppStore, entry: number) => {
      const turn = store.getState().transcript.entries[entry];
      return turn?.kind === 'speech' ? turn.words.map((word) => word.text).join(' ') : '';
    };
    expect(textOf(b.store, 1)).toBe('Second turn here, typed on.');
    expect(a.store.getState().textEdit).toBeNull();
    expect(a.store.getState().readOnly).toBe('taken-over');
    // The box is closed: a later read of it commits nothing more.
    typed = 'changed after the hand-over';
    a.commands.commitTextDraft();
    expect(textOf(a.store, 1)).toBe('Second turn here, typed on.');
  });

  it('a write based on a state another tab has replaced is refused, and the tab turns read-only', async () => {
    const memory = createMemoryProjectStorage();
    // No lock manager: both tabs edit; only the stamps stand between them.
    const a = openTab(memory.storage, createTabLock({ tabId: 'a' }));
    const b = openTab(memory.storage, createTabLock({ tabId: 'b' }));
    await vi.waitFor(() => expect(b.store.getState().readOnly).toBeNull());
    a.commands.edit((t) => setTurnStart(t, 1, 3.5));
    await vi.waitFor(() => expect(memory.calls.put).toBe(1));
    b.commands.edit((t) => setTurnStart(t, 2, 6.5));
    await vi.waitFor(() => expect(b.store.getState().readOnly).toBe('conflict'));
    expect([...memory.projects.values()][0]?.transcript.entries[1]?.start).toBe(3.5);
    expect([...memory.projects.values()][0]?.transcript.entries[2]?.start).toBe(6);
    await b.autosave.takeOver();
    expect(startOf(b.store, 1)).toBe(3.5);
    expect(b.store.getState().readOnly).toBeNull();
  });
});
