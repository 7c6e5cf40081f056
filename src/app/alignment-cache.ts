import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Transcript } from '../transcript/model.ts';

export interface CachedAlignment {
  savedAt: number;
  transcript: Transcript;
}

/** Alignments already computed for an audio + transcript pair, so the second open is instant. */
export interface AlignmentCache {
  get(key: string): Promise<CachedAlignment | undefined>;
  put(key: string, transcript: Transcript): Promise<void>;
  remove(key: string): Promise<void>;
}

export function createIdbAlignmentCache(): AlignmentCache {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore('verbatim-alignments', 'alignments'));
  return {
    get: async (key) => {
      try {
        return await get<CachedAlignment>(key, db());
      } catch {
        return undefined; // private mode or no IndexedDB: simply no cache
      }
    },
    put: (key, transcript) => set(key, { savedAt: Date.now(), transcript }, db()),
    remove: (key) => del(key, db()),
  };
}
