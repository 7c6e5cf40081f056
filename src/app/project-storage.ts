import { createStore, delMany, get, getMany, keys, setMany, type UseStore } from 'idb-keyval';
import type { Entry, Transcript } from '../transcript/model.ts';

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

/** How a project sits in IndexedDB: the transcript as JSON text, which clones far faster than 30,000 word objects. */
interface StoredProject extends ProjectSummary {
  transcriptJson: string;
}

const entryJson = new WeakMap<Entry, string>();

/**
 * The transcript as JSON, re-stringifying only the entries that changed since the
 * last save: edits are pure and share every untouched entry, so after the first
 * save of a 30,000-word transcript each save costs about one entry plus a join.
 */
export function encodeTranscript(transcript: Transcript): string {
  const entries = transcript.entries.map((entry) => {
    let json = entryJson.get(entry);
    if (json === undefined) {
      json = JSON.stringify(entry);
      entryJson.set(entry, json);
    }
    return json;
  });
  const { entries: _entries, ...rest } = transcript;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head === '{}' ? '' : ','}"entries":[${entries.join(',')}]}`;
}

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
      const stored = await get<StoredProject>(PROJECT + key, db());
      if (!stored) return undefined;
      const { transcriptJson, ...summary } = stored;
      return { ...summary, transcript: JSON.parse(transcriptJson) as Transcript };
    },
    async put(project) {
      const { transcript, ...summary } = project;
      const stored: StoredProject = { ...summary, transcriptJson: encodeTranscript(transcript) };
      await setMany(
        [
          [PROJECT + project.key, stored],
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
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/iu.test(message)) return 'quota';
  // No IndexedDB at all, or one the browser refuses to open (private modes, blocked storage).
  if (name === 'ReferenceError' || name === 'InvalidStateError' || name === 'SecurityError' || name === 'InvalidAccessError') {
    return 'unavailable';
  }
  return 'failed';
}
