import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange as FakeKeyRange } from 'fake-indexeddb';
import { createStore, keys } from 'idb-keyval';
import { classifyStorageError, createIdbProjectStorage, encodeTranscript, PIECE_CHARS, prepareTranscriptJson, splitText } from './project-storage.ts';
import { packTranscript, packedTurnSummary, unpackTranscript } from '../transcript/packed-transcript.ts';
import { createLocalRescueSlot } from './rescue-slot.ts';
import { largeTranscript, timedTurn, transcriptOf, untimedTurn, eventEntry } from '../transcript/edit/transcript-fixture.ts';
import { setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { editTurnText } from '../transcript/edit/edit-turn-text.ts';
import type { Transcript } from '../transcript/model.ts';

const plain = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('encodeTranscript', () => {
  it('is JSON of the transcript, with or without top-level fields besides entries', () => {
    const transcript = transcriptOf(timedTurn('Hello there.', 0), eventEntry('(MUSIC)', 1, 2), untimedTurn('No times here.', 'bob'));
    expect(JSON.parse(encodeTranscript(transcript))).toEqual(plain(transcript));
    expect(JSON.parse(encodeTranscript({ ...transcript, language: 'en' }))).toEqual({ ...plain(transcript), language: 'en' });
    expect(JSON.parse(encodeTranscript({ entries: [] } as unknown as Transcript))).toEqual({ entries: [] });
  });

  it('stays exact across a chain of edits that share unchanged entries', () => {
    let transcript = largeTranscript(200, 5);
    expect(JSON.parse(encodeTranscript(transcript))).toEqual(plain(transcript));
    for (let i = 0; i < 20; i++) {
      const entry = (i * 37) % transcript.entries.length;
      if (transcript.entries[entry]?.kind !== 'speech') continue;
      transcript = i % 2 === 0 ? setTurnStart(transcript, entry, (transcript.entries[entry]!.start ?? 0) + 0.01) : editTurnText(transcript, entry, `changed ${i} words`);
      expect(JSON.parse(encodeTranscript(transcript))).toEqual(plain(transcript));
    }
  });
});

describe('prepareTranscriptJson', () => {
  it('gives the page back between slices, and the encode after it is the same JSON', async () => {
    const transcript = largeTranscript(300, 5);
    let yields = 0;
    const slicer = { due: () => true, yield: async () => void yields++ };
    await prepareTranscriptJson(transcript, slicer);
    expect(yields).toBe(Math.floor(300 / 64));
    expect(JSON.parse(encodeTranscript(transcript))).toEqual(plain(transcript));
    // An edit: only its entry is new, and the encode still matches.
    const edited = editTurnText(transcript, 7, 'an edited turn');
    await prepareTranscriptJson(edited, slicer);
    expect(JSON.parse(encodeTranscript(edited))).toEqual(plain(edited));
  });
});

describe('encoding a huge file', () => {
  it('writes its unread turns key for key as with their words built, without building them for good', async () => {
    const unpacked = (lazyWords?: number) => {
      const run = unpackTranscript(packTranscript(largeTranscript(60, 5)), lazyWords);
      let next = run.next();
      while (!next.done) next = run.next();
      return next.value;
    };
    const expected = encodeTranscript(unpacked());
    const lazy = unpacked(0);
    await prepareTranscriptJson(lazy);
    expect(encodeTranscript(lazy)).toBe(expected);
    expect(encodeTranscript(unpacked(0))).toBe(expected);
    expect(lazy.entries.filter((entry) => entry.kind === 'speech').every((entry) => packedTurnSummary(entry) !== undefined)).toBe(true);
  });
});

describe('createLocalRescueSlot', () => {
  it('round-trips a project and rejects what is not one', () => {
    localStorage.clear();
    const slot = createLocalRescueSlot(localStorage);
    expect(slot.read()).toBeUndefined();
    const project = { key: 'k', savedAt: 5, audioName: 'a.mp3', transcriptName: 't.vtt', dirty: true, transcript: transcriptOf(timedTurn('Hi there.', 1)) };
    slot.write(project, 'tab.1');
    expect(slot.read()).toEqual({ ...plain(project), base: 'tab.1' });
    localStorage.setItem('verbatim:rescue', '{"not":"a project"}');
    expect(slot.read()).toBeUndefined();
    localStorage.setItem('verbatim:rescue', '{broken');
    expect(slot.read()).toBeUndefined();
    slot.clear();
    expect(localStorage.getItem('verbatim:rescue')).toBeNull();
  });
});

describe('classifyStorageError', () => {
  it('tells a full disk from missing storage from anything else', () => {
    expect(classifyStorageError(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError(new DOMException('Quota exceeded while writing', 'UnknownError'))).toBe('quota');
    expect(classifyStorageError(new ReferenceError('indexedDB is not defined'))).toBe('unavailable');
    expect(classifyStorageError(new DOMException('A mutation operation was attempted', 'InvalidStateError'))).toBe('unavailable');
    expect(classifyStorageError(new DOMException('denied', 'SecurityError'))).toBe('unavailable');
    expect(classifyStorageError(new DOMException('aborted', 'AbortError'))).toBe('failed');
    expect(classifyStorageError('weird')).toBe('failed');
  });
});

describe('createIdbProjectStorage', () => {
  it('turns a missing IndexedDB into rejections, never a synchronous throw', async () => {
    // jsdom has no IndexedDB, like a browser with storage switched off.
    expect(typeof globalThis.indexedDB).toBe('undefined');
    const storage = createIdbProjectStorage();
    await expect(storage.get('k')).rejects.toThrow(ReferenceError);
    await expect(storage.list()).rejects.toThrow(ReferenceError);
  });
});

describe('createIdbProjectStorage, on an IndexedDB', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());
  const useIndexedDb = () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', { value: new IDBFactory(), configurable: true, writable: true });
    const hadRange = Object.getOwnPropertyDescriptor(globalThis, 'IDBKeyRange');
    Object.defineProperty(globalThis, 'IDBKeyRange', { value: FakeKeyRange, configurable: true, writable: true });
    restore = () => {
      if (had) Object.defineProperty(globalThis, 'indexedDB', had);
      else delete (globalThis as { indexedDB?: unknown }).indexedDB;
      if (hadRange) Object.defineProperty(globalThis, 'IDBKeyRange', hadRange);
      else delete (globalThis as { IDBKeyRange?: unknown }).IDBKeyRange;
    };
  };
  const project = (words: number, stamp: string) => {
    const turns = Array.from({ length: words / 10 }, (_, turn) => timedTurn(Array.from({ length: 10 }, (_, word) => `word${turn}x${word}`).join(' '), turn * 5));
    return { key: 'k1', savedAt: 1, audioName: 'a.mp3', transcriptName: 't.txt', dirty: true, stamp, transcript: transcriptOf(...turns) };
  };

  it('splits the text into pieces of at most the given size, and joins back to it', () => {
    expect(splitText('', 4)).toEqual(['']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitText('abcd', 4)).toEqual(['abcd']);
    expect(PIECE_CHARS).toBeLessThanOrEqual(32 * 1024 * 1024);
  });

  it('stores a transcript too big for one value in pieces, reads it back whole, and a smaller save or a removal leaves no stale piece', async () => {
    useIndexedDb();
    const storage = createIdbProjectStorage('pieces-test', 'projects', 1000);
    const big = project(400, 's1');
    await storage.put(big);
    expect((await storage.get('k1'))?.transcript).toEqual(JSON.parse(JSON.stringify(big.transcript)));
    const small = project(10, 's2');
    await storage.put(small, { stamp: 's1' });
    expect((await storage.get('k1'))?.transcript).toEqual(JSON.parse(JSON.stringify(small.transcript)));
    expect(await storedKeys('pieces-test', 'projects')).toEqual(['project:k1', 'summary:k1']);
    await storage.put(big, { stamp: 's2' });
    expect((await storedKeys('pieces-test', 'projects')).length).toBeGreaterThan(3);
    await storage.remove('k1', { stamp: 's1' });
    expect(await storedKeys('pieces-test', 'projects')).toEqual([]);
    expect(await storage.list()).toEqual([]);
  });

  it('reads a project whole while another save of it commits (never one save\'s first piece with another\'s rest)', async () => {
    useIndexedDb();
    const storage = createIdbProjectStorage('torn-test', 'projects', 1000);
    const big = project(400, 's1');
    await storage.put(big);
    // Another tab's smaller save, started right after the read: it commits between the read's steps unless the read is one transaction.
    const reading = storage.get('k1');
    const writing = storage.put(project(200, 's2'), { stamp: 's1' });
    const [read] = await Promise.all([reading, writing]);
    expect(read?.transcript).toEqual(JSON.parse(JSON.stringify(big.transcript)));
    expect(read?.stamp).toBe('s1');
  });
});

/** Every key in the store, in key order. */
async function storedKeys(dbName: string, storeName: string): Promise<string[]> {
  return (await keys(createStore(dbName, storeName))).map(String).sort();
}
