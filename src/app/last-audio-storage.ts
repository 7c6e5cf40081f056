import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/** How the last audio file can be had again after a reload. */
export type KeptAudio =
  /** A copy in the origin's private file system (OPFS). */
  | { kind: 'copy'; copyName: string }
  /** The file itself, through a File System Access handle (a drop in Chromium); reading it may need the user's permission again. */
  | { kind: 'handle'; handle: FileSystemFileHandle }
  /** Not kept; `reason` says why, in words the notice uses. */
  | { kind: 'none'; reason: 'too-large' | 'no-space' | 'unsupported' | 'copying' };

/** The last session opened from the user's own files. */
export interface LastSessionRecord {
  audio: { name: string; size: number; lastModified: number; type: string; kept: KeptAudio } | null;
  /** The transcript's original text: opened again, it gives the same project key, so autosave offers the edits. */
  transcript: { name: string; text: string; formatId: string } | null;
}

/** Storage for the last session; every method may reject (private mode, quota). */
export interface LastSessionStorage {
  read(): Promise<LastSessionRecord | undefined>;
  write(record: LastSessionRecord): Promise<void>;
  clear(): Promise<void>;
  /** Copies `file` into private storage; the name to read it back by, or the reason it was not copied. */
  copy(file: File): Promise<{ copyName: string } | { reason: 'no-space' | 'unsupported' }>;
  /** The copied bytes, or undefined when the browser no longer has them. */
  readCopy(copyName: string): Promise<Blob | undefined>;
  /** Deletes every copy except `keep`. */
  pruneCopies(keep: string | null): Promise<void>;
}

const RECORD = 'last';
const COPY_PREFIX = 'last-audio-';

/** File System Access permission calls: Chromium has them, TypeScript's DOM types do not yet. */
interface PermissionHandle {
  queryPermission?(options: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'read' }): Promise<PermissionState>;
}

/** Reads a kept handle's file when the browser already allows it; 'prompt' when one click must ask again. */
export async function readHandle(handle: FileSystemFileHandle, ask: boolean): Promise<File | 'prompt' | 'denied'> {
  const permissions = handle as FileSystemFileHandle & PermissionHandle;
  let state: PermissionState = (await permissions.queryPermission?.({ mode: 'read' })) ?? 'granted';
  if (state === 'prompt' && ask && permissions.requestPermission) state = await permissions.requestPermission({ mode: 'read' });
  if (state === 'prompt') return 'prompt';
  if (state === 'denied') return 'denied';
  return handle.getFile();
}

/**
 * IndexedDB (idb-keyval) for the record, the origin private file system for the
 * audio copy: both stay on this device and are cleared with the site's data.
 */
export function createBrowserLastSessionStorage(dbName = 'verbatim-last-session'): LastSessionStorage {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(dbName, 'session'));
  const root = async () => {
    if (!navigator.storage?.getDirectory) return undefined;
    return navigator.storage.getDirectory();
  };
  return {
    read: () => get<LastSessionRecord>(RECORD, db()),
    write: (record) => set(RECORD, record, db()),
    clear: () => del(RECORD, db()),
    async copy(file) {
      const directory = await root();
      if (!directory) return { reason: 'unsupported' };
      const estimate = await navigator.storage.estimate?.();
      if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.quota - estimate.usage < file.size * 1.1) return { reason: 'no-space' };
      const copyName = `${COPY_PREFIX}${Date.now()}`;
      const handle = await directory.getFileHandle(copyName, { create: true });
      // Safari has no createWritable on the main thread: no copy there (the notice says so after a reload).
      if (typeof handle.createWritable !== 'function') {
        await directory.removeEntry(copyName).catch(() => undefined);
        return { reason: 'unsupported' };
      }
      const writable = await handle.createWritable();
      try {
        await file.stream().pipeTo(writable);
      } catch (error) {
        await directory.removeEntry(copyName).catch(() => undefined);
        throw error;
      }
      return { copyName };
    },
    async readCopy(copyName) {
      const directory = await root();
      if (!directory) return undefined;
      try {
        return await (await directory.getFileHandle(copyName)).getFile();
      } catch {
        return undefined;
      }
    },
    async pruneCopies(keep) {
      const directory = await root();
      if (!directory) return;
      const names: string[] = [];
      for await (const name of (directory as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> }).keys()) {
        if (name.startsWith(COPY_PREFIX) && name !== keep) names.push(name);
      }
      await Promise.all(names.map((name) => directory.removeEntry(name).catch(() => undefined)));
    },
  };
}
