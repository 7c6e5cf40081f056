import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import type { Transcript } from '../transcript/model.ts';
import { installAutosave, SAVE_MAX_WAIT_MS, type Autosave } from './autosave.ts';
import { projectKey } from './project-key.ts';
import type { ProjectStorage } from './project-storage.ts';
import { createLocalRescueSlot } from './rescue-slot.ts';
import { createMemoryProjectStorage } from '../../test/support/memory-project-storage.ts';

/** Storage that fails every call the way a browser would. */
function failingStorage(error: () => unknown): ProjectStorage & { attempts: number } {
  const failing = {
    attempts: 0,
    get: async () => {
      failing.attempts++;
      throw error();
    },
    put: async () => {
      failing.attempts++;
      throw error();
    },
    remove: async () => {
      failing.attempts++;
      throw error();
    },
    list: async () => {
      throw error();
    },
  };
  return failing;
}

const SOURCE = 'the original file text';
const original = (): Transcript => transcriptOf(timedTurn('Hello there friend.', 0), timedTurn('Second turn here.', 3, 'bob'), timedTurn('Third one.', 6));

function openSession(store: AppStore, transcript = original(), extra: { audioKey?: string; sourceText?: string; transcriptUrl?: string } = {}) {
  store.getState().setSession({
    transcript,
    transcriptName: 'talk.vtt',
    formatLabel: 'WebVTT',
    sourceText: extra.sourceText ?? SOURCE,
    audioName: 'talk.mp3',
    audioUrl: 'https://example.org/talk.mp3',
    audioKey: extra.audioKey ?? 'url:https://example.org/talk.mp3',
    ...(extra.transcriptUrl ? { transcriptUrl: extra.transcriptUrl } : {}),
  });
}

/** One undoable edit, the way editor commands make one. */
function edit(store: AppStore, entry: number, start: number) {
  store.getState().commitTranscript(setTurnStart(store.getState().transcript, entry, start));
}

/** Lets promise callbacks (storage answers) run without moving the clock. */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

let store: AppStore;
let autosave: Autosave | null;
let clock: number;

beforeEach(() => {
  vi.useFakeTimers();
  clock = Date.UTC(2026, 10, 3, 14, 32);
  store = createAppStore();
  autosave = null;
});

afterEach(() => {
  autosave?.destroy();
  vi.useRealTimers();
});

/** Every warning raised, counted before the notice list folds identical texts together. */
function recordWarnings(): string[] {
  const warnings: string[] = [];
  const notify = store.getState().notify;
  store.setState({
    notify: (kind, text) => {
      if (kind === 'warning') warnings.push(text);
      return notify(kind, text);
    },
  });
  return warnings;
}

function install(storage: ProjectStorage, target?: Window) {
  autosave = installAutosave(store, { storage, now: () => clock, ...(target ? { target } : {}) });
  return autosave;
}

const KEY = projectKey('url:https://example.org/talk.mp3', SOURCE);

describe('saving', () => {
  it('saves nothing until the transcript is edited, then saves the edit within the wait limit', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    await vi.advanceTimersByTimeAsync(5000);
    expect(memory.calls.put).toBe(0);

    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    const saved = memory.projects.get(KEY);
    expect(saved).toMatchObject({
      key: KEY,
      savedAt: clock,
      audioName: 'talk.mp3',
      transcriptName: 'talk.vtt',
      audioUrl: 'https://example.org/talk.mp3',
      dirty: true,
    });
    expect(saved?.transcript).toEqual(store.getState().transcript);
    expect(saved?.transcript.entries[0]?.start).toBe(0.25);
  });

  it('lets the storage prepare the transcript before each put, with the transcript it then puts', async () => {
    const memory = createMemoryProjectStorage();
    const order: string[] = [];
    const prepared: Transcript[] = [];
    install({
      ...memory.storage,
      prepare: async (transcript) => {
        order.push('prepare');
        prepared.push(transcript);
      },
      put: async (project, condition) => {
        order.push('put');
        await memory.storage.put(project, condition);
      },
    });
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(order).toEqual(['prepare', 'put']);
    expect(prepared[0]).toBe(store.getState().transcript);
    expect(memory.projects.get(KEY)?.transcript).toEqual(prepared[0]);
  });

  it('saves during continuous typing instead of waiting for a pause', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    for (let i = 0; i < 10; i++) {
      edit(store, 0, 0.1 + i / 100);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(memory.calls.put).toBeGreaterThanOrEqual(1);
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBeGreaterThan(0.1);
  });

  it('follows undo and redo, and removes the save when undo returns to the file as opened', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    edit(store, 1, 3.5);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.transcript.entries[1]?.start).toBe(3.5);

    store.temporal.getState().undo();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.transcript.entries[1]?.start).toBe(3);
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0.25);

    store.temporal.getState().undo();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.has(KEY)).toBe(false);

    store.temporal.getState().redo();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0.25);
  });

  it('records an export (dirty false) without a transcript change', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    store.getState().markExported();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.dirty).toBe(false);
  });

  it('writes at once when the page is hidden', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage, window);
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    await settle();
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0.25);
  });

  it('keys the project by the audio too: the same transcript with other audio is another project', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store, original(), { audioKey: 'file:other.mp3:100:1' });
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.has(KEY)).toBe(false);
    expect(memory.projects.has(projectKey('file:other.mp3:100:1', SOURCE))).toBe(true);
  });

  it('never keeps a blob: audio URL', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    store.setState({ audioUrl: 'blob:http://localhost/1234' });
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.audioUrl).toBeUndefined();
  });

  it('writes the open project’s last edit when another project replaces it before the save was due', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    openSession(store, original(), { sourceText: 'another file' });
    await settle();
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0.25);
  });

  it('re-keys when audio is opened after the transcript', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store);
    await settle();
    store.setState({ audioKey: 'file:later.mp3:5:6', audioName: 'later.mp3' });
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(projectKey('file:later.mp3:5:6', SOURCE))?.audioName).toBe('later.mp3');
  });
});

describe('restoring', () => {
  async function savedEditThenReopen(memory: ReturnType<typeof createMemoryProjectStorage>) {
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    clock += 60_000;
    openSession(store);
    await settle();
    expect(memory.projects.has(KEY)).toBe(true);
  }

  it('offers saved edits when the same pair is opened again, dated by the save', async () => {
    const memory = createMemoryProjectStorage();
    const autosave = install(memory.storage);
    const offers: unknown[] = [];
    autosave.on('offer', (offer) => offers.push(offer));
    await savedEditThenReopen(memory);
    expect(autosave.offer()).toMatchObject({ key: KEY, transcriptName: 'talk.vtt', savedAt: clock - 60_000 });
    expect(offers.at(-1)).toEqual(autosave.offer());
    expect(store.getState().transcript.entries[0]?.start).toBe(0);
  });

  it('restore brings the edits back as one undoable step, without writing them again', async () => {
    const memory = createMemoryProjectStorage();
    const autosave = install(memory.storage);
    await savedEditThenReopen(memory);
    const puts = memory.calls.put;
    await autosave.restore();
    expect(autosave.offer()).toBeNull();
    expect(store.getState().transcript.entries[0]?.start).toBe(0.25);
    expect(store.getState().dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.calls.put).toBe(puts);

    store.temporal.getState().undo();
    expect(store.getState().transcript.entries[0]?.start).toBe(0);
  });

  it('discard deletes the save and keeps the file as opened', async () => {
    const memory = createMemoryProjectStorage();
    const autosave = install(memory.storage);
    await savedEditThenReopen(memory);
    await autosave.discard();
    expect(autosave.offer()).toBeNull();
    expect(memory.projects.has(KEY)).toBe(false);
    expect(store.getState().transcript.entries[0]?.start).toBe(0);
  });

  it('does not overwrite the offered edits with new ones until the user answers', async () => {
    const memory = createMemoryProjectStorage();
    const autosave = install(memory.storage);
    await savedEditThenReopen(memory);
    edit(store, 2, 6.5);
    await vi.advanceTimersByTimeAsync(5000);
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0.25);
    expect(memory.projects.get(KEY)?.transcript.entries[2]?.start).toBe(6);

    await autosave.discard();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.transcript.entries[2]?.start).toBe(6.5);
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0);
  });

  it('offers nothing when the save is identical to the file as opened, and drops it', async () => {
    const memory = createMemoryProjectStorage();
    memory.projects.set(KEY, { key: KEY, savedAt: 1, audioName: 'a', transcriptName: 't', dirty: true, transcript: original() });
    const autosave = install(memory.storage);
    openSession(store);
    await settle();
    expect(autosave.offer()).toBeNull();
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.has(KEY)).toBe(false);
  });

  it('a new session withdraws the offer of the previous one', async () => {
    const memory = createMemoryProjectStorage();
    const autosave = install(memory.storage);
    await savedEditThenReopen(memory);
    openSession(store, original(), { sourceText: 'another file' });
    await settle();
    expect(autosave.offer()).toBeNull();
  });
});

describe('recent projects', () => {
  it('lists saved projects newest first and forgets one', async () => {
    const memory = createMemoryProjectStorage();
    const autosave = install(memory.storage);
    openSession(store, original(), { sourceText: 'first' });
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    clock += 1000;
    openSession(store, original(), { sourceText: 'second' });
    await settle();
    edit(store, 0, 0.5);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);

    const second = projectKey('url:https://example.org/talk.mp3', 'second');
    const first = projectKey('url:https://example.org/talk.mp3', 'first');
    expect((await autosave.recent()).map((project) => project.key)).toEqual([second, first]);

    // Forgetting the open project does not write it straight back.
    await autosave.forget(second);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect((await autosave.recent()).map((project) => project.key)).toEqual([first]);
    edit(store, 0, 0.75);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect((await autosave.recent()).map((project) => project.key)).toEqual([second, first]);
  });

  it('remembers the transcript URL of a project opened from URLs, as the session names it', async () => {
    const memory = createMemoryProjectStorage();
    install(memory.storage);
    openSession(store, original(), { transcriptUrl: 'https://example.org/talk.vtt' });
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.transcriptUrl).toBe('https://example.org/talk.vtt');
  });
});

describe('storage failures', () => {
  it('warns once, visibly, when storage is full, not once per edit', async () => {
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const storage = failingStorage(quota);
    // Reading works (there is nothing to restore); writing fails.
    storage.get = async () => undefined;
    const warnings = recordWarnings();
    install(storage);
    openSession(store);
    await settle();
    for (let i = 0; i < 5; i++) {
      edit(store, 0, 0.1 * (i + 1));
      await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    }
    expect(storage.attempts).toBe(5);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/storage is full/);
    expect(warnings[0]).toMatch(/Export/);
    expect(store.getState().notices.filter((notice) => notice.kind === 'warning')).toHaveLength(1);
  });

  it('warns when IndexedDB is unavailable (private mode) as soon as a project opens', async () => {
    const storage = failingStorage(() => new ReferenceError('indexedDB is not defined'));
    const warnings = recordWarnings();
    install(storage);
    openSession(store);
    await settle();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not saved on this device/);
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(storage.attempts).toBe(2);
    expect(warnings).toHaveLength(1);
  });

  it('names any other write failure', async () => {
    const storage = failingStorage(() => new DOMException('The transaction was aborted.', 'AbortError'));
    storage.get = async () => undefined;
    install(storage);
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(store.getState().notices.find((notice) => notice.kind === 'warning')?.text).toMatch(/could not be saved.*transaction was aborted/);
  });

  it('warns again after storage recovered and failed anew', async () => {
    const memory = createMemoryProjectStorage();
    let full = true;
    const storage: ProjectStorage = {
      ...memory.storage,
      put: async (project) => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
        await memory.storage.put(project);
      },
    };
    const warnings = recordWarnings();
    install(storage);
    openSession(store);
    await settle();
    edit(store, 0, 0.25);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(warnings).toHaveLength(1);
    full = false;
    edit(store, 0, 0.5);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(memory.projects.get(KEY)?.transcript.entries[0]?.start).toBe(0.5);
    full = true;
    edit(store, 0, 0.75);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(warnings).toHaveLength(2);
  });
});

describe('closing the tab', () => {
  it('keeps a synchronous copy when the page goes away mid-write, and offers it on the next start', async () => {
    localStorage.clear();
    const rescue = createLocalRescueSlot(localStorage);
    // First page: its storage write never finishes (the browser cut it off).
    const stalled: ProjectStorage = { ...createMemoryProjectStorage().storage, put: () => new Promise(() => undefined) };
    autosave = installAutosave(store, { storage: stalled, rescue, target: window, now: () => clock });
    openSession(store);
    await settle();
    edit(store, 1, 3.5);
    window.dispatchEvent(new Event('pagehide'));
    autosave.destroy();
    expect(rescue.read()?.transcript.entries[1]?.start).toBe(3.5);

    // Next page: a fresh store, storage without the edit.
    store = createAppStore();
    const memory = createMemoryProjectStorage();
    autosave = installAutosave(store, { storage: memory.storage, rescue, now: () => clock });
    openSession(store);
    await settle();
    expect(autosave.offer()).toMatchObject({ key: KEY, transcriptName: 'talk.vtt' });
    expect(memory.projects.get(KEY)?.transcript.entries[1]?.start).toBe(3.5);
    expect(rescue.read()).toBeUndefined();
    await autosave.restore();
    expect(store.getState().transcript.entries[1]?.start).toBe(3.5);
  });

  it('a rescued copy older than the stored save does not replace it', async () => {
    localStorage.clear();
    const rescue = createLocalRescueSlot(localStorage);
    const memory = createMemoryProjectStorage();
    rescue.write({ key: KEY, savedAt: clock - 10, audioName: 'a', transcriptName: 'talk.vtt', dirty: true, transcript: setTurnStart(original(), 1, 3.25) }, null);
    memory.projects.set(KEY, { key: KEY, savedAt: clock, audioName: 'a', transcriptName: 'talk.vtt', dirty: true, transcript: setTurnStart(original(), 1, 3.75) });
    autosave = installAutosave(store, { storage: memory.storage, rescue, now: () => clock });
    openSession(store);
    await settle();
    await autosave.restore();
    expect(store.getState().transcript.entries[1]?.start).toBe(3.75);
    expect(rescue.read()).toBeUndefined();
  });

  it('offers a rescued copy straight from the slot when storage is failing', async () => {
    localStorage.clear();
    const rescue = createLocalRescueSlot(localStorage);
    rescue.write({ key: KEY, savedAt: clock, audioName: 'a', transcriptName: 'talk.vtt', dirty: true, transcript: setTurnStart(original(), 1, 3.25) }, null);
    autosave = installAutosave(store, { storage: failingStorage(() => new ReferenceError('indexedDB is not defined')), rescue, now: () => clock });
    openSession(store);
    await settle();
    await autosave.restore();
    expect(store.getState().transcript.entries[1]?.start).toBe(3.25);
  });

  it('warns only while there are unexported changes', async () => {
    install(createMemoryProjectStorage().storage, window);
    openSession(store);
    await settle();
    const close = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(close()).toBe(false);
    edit(store, 0, 0.25);
    expect(close()).toBe(true);
    store.getState().markExported();
    expect(close()).toBe(false);
  });
});
