import { createStore, delMany, get, getMany, keys, setMany, type UseStore } from 'idb-keyval';
import type { Transcript } from '../transcript/model.ts';

/** What the Recent list shows and needs to reopen a project. */
export interface ProjectSummary {
  /** See `projectKey`: audio identity + hash of the original transcript text. */
  key: string;
  /** Epoch milliseconds of the save. */
  savedAt: number;
  audioName: string;
  transcriptName: string;
  /** Only for audio opened from a URL; object URLs die with the page and are never stored. */
  audioUrl?: string;
  /** Only for a transcript opened from a URL. */
  transcriptUrl?: string;
  /** True when the saved edits had not been exported. */
  dirty: boolean;
}

export interface SavedProject extends ProjectSummary {
  /** The edited transcript. */
  transcript: Transcript;
}

/** Local storage for edited projects. Every method may reject (private mode, quota). */
export interface ProjectStorage {
  get(key: string): Promise<SavedProject | undefined>;
  put(project: SavedProject): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every saved project's summary, in no particular order. */
  list(): Promise<ProjectSummary[]>;
}

const PROJECT = 'project:';
const SUMMARY = 'summary:';

/**
 * IndexedDB through idb-keyval. The transcript and its summary are written in one
 * transaction (so they never disagree), and the summary is stored apart so the
 * Recent list never has to read every transcript.
 */
export function createIdbProjectStorage(dbName = 'verbatim', storeName = 'projects'): ProjectStorage {
  let store: UseStore | null = null;
  // Opened on first use, inside the returned promises: where IndexedDB is missing
  // (some private modes) the failure becomes a rejection the caller reports.
  const db = () => {
    // Missing, or present but null/undefined (some private modes and privacy settings).
    if (!globalThis.indexedDB) throw new ReferenceError('IndexedDB is not available in this browser');
    return (store ??= createStore(dbName, storeName));
  };
  return {
    async get(key) {
      return (await get<SavedProject>(PROJECT + key, db())) ?? undefined;
    },
    async put(project) {
      const { transcript: _transcript, ...summary } = project;
      await setMany(
        [
          [PROJECT + project.key, project],
          [SUMMARY + project.key, summary],
        ],
        db(),
      );
    },
    async remove(key) {
      await delMany([PROJECT + key, SUMMARY + key], db());
    },
    async list() {
      const summaryKeys = (await keys(db())).filter((key): key is string => typeof key === 'string' && key.startsWith(SUMMARY));
      const summaries = await getMany<ProjectSummary | undefined>(summaryKeys, db());
      return summaries.filter((summary): summary is ProjectSummary => summary !== undefined);
    },
  };
}

export type StorageProblem = 'unavailable' | 'quota' | 'failed';

/** Sorts a storage failure into the three things the user can act on differently. */
export function classifyStorageError(error: unknown): StorageProblem {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/iu.test(message)) return 'quota';
  // No IndexedDB at all, or one the browser refuses to open (private modes, blocked storage).
  if (name === 'ReferenceError' || name === 'InvalidStateError' || name === 'SecurityError' || name === 'InvalidAccessError') {
    return 'unavailable';
  }
  return 'failed';
}

/**
 * A synchronous, single-slot rescue for the moment the page goes away: IndexedDB
 * writes started in `pagehide` are often cut off, localStorage writes are not.
 * Holds at most one project (the open one); autosave moves it into the real
 * storage on the next start.
 */
export interface RescueSlot {
  /** Synchronous; may throw (quota, storage disabled). */
  write(project: SavedProject): void;
  read(): SavedProject | undefined;
  clear(): void;
}

const RESCUE_KEY = 'verbatim:rescue';

export function createLocalRescueSlot(storage: Storage | undefined = globalThis.localStorage): RescueSlot {
  return {
    write(project) {
      if (!storage) throw new ReferenceError('localStorage is not available');
      storage.setItem(RESCUE_KEY, JSON.stringify(project));
    },
    read() {
      try {
        const text = storage?.getItem(RESCUE_KEY);
        if (!text) return undefined;
        const project = JSON.parse(text) as SavedProject;
        return typeof project?.key === 'string' && typeof project.savedAt === 'number' && Array.isArray(project.transcript?.entries) ? project : undefined;
      } catch {
        return undefined;
      }
    },
    clear() {
      try {
        storage?.removeItem(RESCUE_KEY);
      } catch {
        // Nothing to clear where storage is disabled.
      }
    },
  };
}
