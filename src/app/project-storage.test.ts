import { describe, expect, it } from 'vitest';
import { classifyStorageError, createIdbProjectStorage } from './project-storage.ts';

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
