import { describe, expect, it } from 'vitest';
import { classifyStorageError, createIdbProjectStorage, encodeTranscript } from './project-storage.ts';
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
