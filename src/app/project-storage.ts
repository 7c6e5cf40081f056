import { createStore, getMany, keys, type UseStore } from 'idb-keyval';
import type { Entry, Transcript } from '../transcript/model.ts';
import { timeSlicer } from './next-task.ts';
import { turnJson } from '../transcript/packed-transcript.ts';

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
  /**
   * Which write made this record: unique per write (`tab id.count`), so a tab can tell
   * whether the record is still the one it last read or wrote. Absent in records saved
   * before stamps existed.
   */
  stamp?: string;
}

export interface SavedProject extends ProjectSummary {
  /** The edited transcript. */
  transcript: Transcript;
}

/**
 * A condition on a write: the stored record's stamp must still be `stamp` (null: no
 * record at all). Checked in the same transaction as the write, so no other tab can
 * write in between.
 */
export interface WriteCondition {
  stamp: string | null;
}

/** A conditional write found a record it did not expect: another tab saved this project since. */
export class StaleWriteError extends Error {
  override readonly name = 'StaleWriteError';
  constructor(
    readonly key: string,
    /** The stamp found in storage (null: the record was deleted). */
    readonly found: string | null,
  ) {
    super(`Project ${key} was saved elsewhere since this page last read it`);
  }
}

/** The stamp a record counts as having: legacy records without one count as none. */
export const stampOf = (project: Pick<ProjectSummary, 'stamp'> | undefined): string | null => project?.stamp ?? null;

/** Throws StaleWriteError unless the record found satisfies the condition. */
export function checkCondition(key: string, found: Pick<ProjectSummary, 'stamp'> | undefined, condition: WriteCondition | undefined): void {
  if (condition && stampOf(found) !== condition.stamp) throw new StaleWriteError(key, stampOf(found));
}

/** Local storage for edited projects. Every method may reject (private mode, quota; StaleWriteError for a failed condition). */
export interface ProjectStorage {
  get(key: string): Promise<SavedProject | undefined>;
  put(project: SavedProject, condition?: WriteCondition): Promise<void>;
  remove(key: string, condition?: WriteCondition): Promise<void>;
  /** Every saved project's summary, in no particular order. */
  list(): Promise<ProjectSummary[]>;
  /** Optional work before `put` that can be spread over several tasks (the page answers input in between). */
  prepare?(transcript: Transcript): Promise<void>;
}

const PROJECT = 'project:';
const SUMMARY = 'summary:';

/**
 * How a project sits in IndexedDB: the transcript as JSON text, which clones far faster than
 * 30,000 word objects. Chromium refuses a single value of more than about 130 MB ("The
 * transaction has finished"), so the text of a huge transcript is cut into pieces of
 * `PIECE_CHARS` stored under `project:<key>#1`, `#2`, … beside the record, which says how many.
 */
interface StoredProject extends ProjectSummary {
  transcriptJson: string;
  /** How many more pieces of the JSON follow under `pieceKey(key, 1…)`; absent: none. */
  pieces?: number;
}

/** 16 M characters: at most 32 MB as stored, well under every browser's limit for one value. */
export const PIECE_CHARS = 16 * 1024 * 1024;

const pieceKey = (key: string, index: number) => `${PROJECT}${key}#${index}`;
/**
 * Every piece key of a project. A project key is `<audio key>#<32 hex>`, so the range holds no
 * other project's record unless that project's audio URL itself contains this whole key and a `#`.
 */
const piecesOf = (key: string) => IDBKeyRange.bound(`${PROJECT}${key}#`, `${PROJECT}${key}#\uffff`);

/** `text` in pieces of at most `size` characters (one piece, possibly empty, for a short text). */
export function splitText(text: string, size = PIECE_CHARS): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length || pieces.length === 0; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
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
      json = turnJson(entry);
      entryJson.set(entry, json);
    }
    return json;
  });
  const { entries: _entries, ...rest } = transcript;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head === '{}' ? '' : ','}"entries":[${entries.join(',')}]}`;
}

/**
 * Stringifies, a few milliseconds at a time with the page answering input in between, the
 * entries `encodeTranscript` has not seen yet, so the encode in `put` only joins cached text.
 * After a replace-all touching thousands of turns, or on the first save of a huge file, the
 * encode is then no longer one long task.
 */
export async function prepareTranscriptJson(transcript: Transcript, slicer = timeSlicer()): Promise<void> {
  const entries = transcript.entries;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (!entryJson.has(entry)) entryJson.set(entry, turnJson(entry));
    if (index % 64 === 63 && slicer.due()) await slicer.yield();
  }
}

/**
 * IndexedDB through idb-keyval. The transcript and its summary are written in one
 * transaction (so they never disagree), and the summary is stored apart so the
 * Recent list never has to read every transcript.
 */
export function createIdbProjectStorage(dbName = 'verbatim', storeName = 'projects', pieceChars = PIECE_CHARS): ProjectStorage {
  let store: UseStore | null = null;
  // Opened on first use, inside the returned promises: where IndexedDB is missing
  // (some private modes) the failure becomes a rejection the caller reports.
  const db = () => {
    // Missing, or present but null/undefined (some private modes and privacy settings).
    if (!globalThis.indexedDB) throw new ReferenceError('IndexedDB is not available in this browser');
    return (store ??= createStore(dbName, storeName));
  };
  return {
    prepare: (transcript) => prepareTranscriptJson(transcript),
    async get(key) {
      const read = await readWhole(db(), key);
      if (!read) return undefined;
      const { stored, rest } = read;
      const { transcriptJson, pieces: _pieces, ...summary } = stored;
      if (rest.some((piece) => typeof piece !== 'string')) throw new Error(`The saved copy of ${summary.transcriptName} is incomplete (a piece of it is missing)`);
      return { ...summary, transcript: JSON.parse(transcriptJson + rest.join('')) as Transcript };
    },
    async put(project, condition) {
      const { transcript, ...summary } = project;
      const [first = '', ...rest] = splitText(encodeTranscript(transcript), pieceChars);
      const stored: StoredProject = { ...summary, transcriptJson: first, ...(rest.length > 0 ? { pieces: rest.length } : {}) };
      await writeIf(db(), project.key, condition, (objects) => {
        objects.delete(piecesOf(project.key));
        objects.put(stored, PROJECT + project.key);
        rest.forEach((piece, index) => objects.put(piece, pieceKey(project.key, index + 1)));
        objects.put(summary, SUMMARY + project.key);
      });
    },
    async remove(key, condition) {
      await writeIf(db(), key, condition, (objects) => {
        objects.delete(PROJECT + key);
        objects.delete(piecesOf(key));
        objects.delete(SUMMARY + key);
      });
    },
    async list() {
      const summaryKeys = (await keys(db())).filter((key): key is string => typeof key === 'string' && key.startsWith(SUMMARY));
      const summaries = await getMany<ProjectSummary | undefined>(summaryKeys, db());
      return summaries.filter((summary): summary is ProjectSummary => summary !== undefined);
    },
  };
}

/**
 * A project's record and its pieces, read in one transaction: another tab's save
 * committing in between would otherwise join one save's first piece to another's rest.
 */
function readWhole(db: UseStore, key: string): Promise<{ stored: StoredProject; rest: unknown[] } | undefined> {
  return db('readonly', (objects) => {
    const transaction = objects.transaction;
    return new Promise((resolve, reject) => {
      let result: { stored: StoredProject; rest: unknown[] } | undefined;
      transaction.oncomplete = () => resolve(result);
      transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new DOMException('Transaction aborted', 'AbortError'));
      const record = objects.get(PROJECT + key);
      record.onsuccess = () => {
        const stored = record.result as StoredProject | undefined;
        if (!stored) return;
        const found = { stored, rest: Array.from<unknown>({ length: stored.pieces ?? 0 }) };
        result = found;
        for (let index = 0; index < found.rest.length; index++) {
          const piece = objects.get(pieceKey(key, index + 1));
          piece.onsuccess = () => void (found.rest[index] = piece.result);
        }
      };
    });
  });
}

/**
 * One readwrite transaction: read the project's summary, queue the write in the
 * same breath, and abort the transaction if the summary was not the expected one.
 * IndexedDB runs readwrite transactions on a store one at a time (across tabs too),
 * so no other writer can come between the check and the write; and since the write
 * is queued before the read's answer arrives, a conditional save costs one round
 * trip to the storage process, not two (it is what makes a crash 0.1 s after an
 * edit lose nothing on a busy machine).
 */
function writeIf(db: UseStore, key: string, condition: WriteCondition | undefined, write: (objects: IDBObjectStore) => void): Promise<void> {
  return db('readwrite', (objects) => {
    const transaction = objects.transaction;
    let stale: StaleWriteError | null = null;
    const done = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = transaction.onerror = () => reject(stale ?? transaction.error ?? new DOMException('Transaction aborted', 'AbortError'));
    });
    if (condition) {
      const read = objects.get(SUMMARY + key);
      read.onsuccess = () => {
        try {
          checkCondition(key, read.result as ProjectSummary | undefined, condition);
        } catch (error) {
          stale = error as StaleWriteError;
          transaction.abort();
        }
      };
    }
    write(objects);
    return done;
  });
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
