import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { installLastAudio, MAX_AUDIO_COPY_BYTES, type LastAudio } from './last-audio.ts';
import type { LastSessionRecord, LastSessionStorage } from './last-audio-storage.ts';

/** A copy of a record, as IndexedDB stores one (a real FileSystemFileHandle clones; the fake one is kept by reference). */
const cloneRecord = (record: LastSessionRecord): LastSessionRecord => ({
  transcript: record.transcript && { ...record.transcript },
  audio: record.audio && { ...record.audio, kept: { ...record.audio.kept } },
});

/** Storage in memory, with the browser's behaviour: copies are whole files, by name. */
function memoryStorage() {
  const state = { record: undefined as LastSessionRecord | undefined, copies: new Map<string, Blob>(), next: 0 };
  const storage: LastSessionStorage = {
    read: async () => state.record && cloneRecord(state.record),
    write: async (record) => void (state.record = cloneRecord(record)),
    clear: async () => void (state.record = undefined),
    copy: async (file) => {
      const copyName = `copy-${state.next++}`;
      state.copies.set(copyName, file);
      return { copyName };
    },
    readCopy: async (name) => state.copies.get(name),
    pruneCopies: async (keep) => {
      for (const name of [...state.copies.keys()]) if (name !== keep) state.copies.delete(name);
    },
  };
  return { state, storage };
}

/** jsdom's File has no text(). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

/** The session loader's effect on the store, without decoding audio: what `last-audio` sees. */
function fakeLoader(store: AppStore) {
  const loads: string[][] = [];
  return {
    loads,
    async loadFiles(files: readonly File[]) {
      loads.push(files.map((file) => file.name));
      const audio = files.find((file) => /\.(mp3|opus)$/.test(file.name));
      const transcript = files.find((file) => file.name.endsWith('.vtt'));
      const audioFields = audio ? { audioName: audio.name, audioUrl: 'blob:x', audioKey: `file:${audio.name}:${audio.size}:${audio.lastModified}` } : {};
      if (transcript) {
        store.getState().setSession({ transcript: transcriptOf(timedTurn('Hi.', 0)), transcriptName: transcript.name, formatLabel: 'WebVTT', formatId: 'webvtt', sourceText: await textOf(transcript), ...audioFields });
      } else store.setState(audioFields);
      return true;
    },
    readAs: () => undefined,
  };
}

const audioFile = (name = 'talk.mp3', bytes = 1000) => new File([new Uint8Array(bytes)], name, { type: 'audio/mpeg', lastModified: 1_700_000_000_000 });
const vtt = () => new File(['WEBVTT\n\n00:00.000 --> 00:01.000\nHi.'], 'talk.vtt', { type: 'text/vtt' });

let memory: ReturnType<typeof memoryStorage>;
let instances: LastAudio[];
beforeEach(() => {
  memory = memoryStorage();
  instances = [];
});
afterEach(() => instances.forEach((instance) => instance.destroy()));

/** A fresh page: a new store and loader over the same storage. */
function page(maxCopyBytes?: number) {
  const pageStore = createAppStore();
  const loader = fakeLoader(pageStore);
  const lastAudio = installLastAudio(pageStore, { storage: memory.storage, loader, ...(maxCopyBytes ? { maxCopyBytes } : {}) });
  instances.push(lastAudio);
  return { store: pageStore, loader, lastAudio };
}

describe('last audio', () => {
  it('keeps a copy of the audio and the transcript text, and reopens both after a reload with the same audio identity', async () => {
    const first = page();
    await first.lastAudio.openFiles([audioFile(), vtt()]);
    await first.lastAudio.settled();
    expect(memory.state.record?.audio?.kept.kind).toBe('copy');
    const key = first.store.getState().audioKey;

    const second = page();
    expect(await second.lastAudio.reopen()).toBe(true);
    expect(second.loader.loads).toEqual([['talk.mp3', 'talk.vtt']]);
    expect(second.store.getState().audioKey, 'same key: autosave offers the edits').toBe(key);
    expect(second.store.getState().sourceText).toBe(await textOf(vtt()));
    expect(second.store.getState().notices).toEqual([]);
  });

  it('a file over the size limit is not copied: the transcript reopens alone and a sentence says why', async () => {
    const first = page(500);
    await first.lastAudio.openFiles([audioFile('long.mp3', 1000), vtt()]);
    await first.lastAudio.settled();
    expect(memory.state.copies.size).toBe(0);
    const second = page(500);
    expect(await second.lastAudio.reopen()).toBe(true);
    expect(second.loader.loads).toEqual([['talk.vtt']]);
    const [notice] = second.store.getState().notices;
    expect(notice?.kind).toBe('warning');
    expect(notice?.text).toMatch(/^long\.mp3 \(0 MB\) is larger than the 0 MB Verbatim keeps a copy of in this browser: open long\.mp3 again/);
    expect(MAX_AUDIO_COPY_BYTES).toBe(200 * 1024 * 1024);
  });

  it('says so when the browser cleared the copy', async () => {
    const first = page();
    await first.lastAudio.openFiles([audioFile(), vtt()]);
    await first.lastAudio.settled();
    memory.state.copies.clear();
    const second = page();
    await second.lastAudio.reopen();
    expect(second.loader.loads).toEqual([['talk.vtt']]);
    expect(second.store.getState().notices[0]?.text).toMatch(/copy of talk\.mp3 this browser kept is gone/);
  });

  it('follows the session: a new transcript over the same audio is what comes back; audio from a URL ends it', async () => {
    const first = page();
    await first.lastAudio.openFiles([audioFile(), vtt()]);
    await first.lastAudio.settled();
    const other = new File(['WEBVTT\n\n00:00.000 --> 00:01.000\nOther.'], 'other.vtt');
    Object.defineProperty(other, 'name', { value: 'talk.vtt' });
    await first.lastAudio.openFiles([other]);
    await first.lastAudio.settled();
    expect(memory.state.record?.transcript?.text).toContain('Other.');
    expect(memory.state.record?.audio?.name).toBe('talk.mp3');

    first.store.setState({ audioKey: 'url:https://example.org/a.mp3', audioName: 'a.mp3' });
    await first.lastAudio.settled();
    expect(memory.state.record).toBeUndefined();
    expect(memory.state.copies.size).toBe(0);
    expect(await page().lastAudio.reopen()).toBe(false);
  });

  it('a dropped file kept as a handle reopens at once when allowed, or after one click when the browser asks again', async () => {
    let permission: PermissionState = 'prompt';
    const file = audioFile();
    const handle = {
      kind: 'file',
      name: 'talk.mp3',
      queryPermission: async () => permission,
      requestPermission: async () => (permission = 'granted'),
      getFile: async () => file,
    } as unknown as FileSystemFileHandle;
    const first = page();
    await first.lastAudio.openFiles([file, vtt()], Promise.resolve([handle, null]));
    await first.lastAudio.settled();
    expect(memory.state.record?.audio?.kept.kind).toBe('handle');
    expect(memory.state.copies.size, 'no copy when the file itself can be had').toBe(0);

    const second = page();
    await second.lastAudio.reopen();
    expect(second.loader.loads).toEqual([['talk.vtt']]);
    expect(second.lastAudio.pending()).toEqual({ name: 'talk.mp3' });
    await second.lastAudio.allow();
    expect(second.loader.loads).toEqual([['talk.vtt'], ['talk.mp3']]);
    expect(second.lastAudio.pending()).toBeNull();
  });

  it('without IndexedDB (a storage that throws at once) there is nothing to reopen, and no error', async () => {
    const broken: LastSessionStorage = { ...memory.storage, read: () => { throw new TypeError('indexedDB is undefined'); } };
    const pageStore = createAppStore();
    const lastAudio = installLastAudio(pageStore, { storage: broken, loader: fakeLoader(pageStore) });
    instances.push(lastAudio);
    expect(await lastAudio.reopen()).toBe(false);
  });
});
