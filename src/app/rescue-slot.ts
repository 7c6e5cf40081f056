import { encodeTranscript, StaleWriteError, stampOf, type ProjectStorage, type SavedProject } from './project-storage.ts';

/**
 * A synchronous, single-slot rescue for the moment the page goes away: IndexedDB
 * writes started in `pagehide` are often cut off, localStorage writes are not.
 * Holds at most one project (the open one); autosave moves it into the real
 * storage on the next start.
 */
/** A rescued project and the stamp of the stored record it was based on (missing in slots written before stamps). */
export interface RescuedProject extends SavedProject {
  base?: string | null;
}

export interface RescueSlot {
  /** Synchronous; may throw (quota, storage disabled). `base`: the stamp of the stored record this state follows. */
  write(project: SavedProject, base: string | null): void;
  read(): RescuedProject | undefined;
  clear(): void;
}

const RESCUE_KEY = 'verbatim:rescue';

export function createLocalRescueSlot(storage: Storage | undefined = globalThis.localStorage): RescueSlot {
  return {
    write(project, base) {
      if (!storage) throw new ReferenceError('localStorage is not available');
      const { transcript, ...summary } = project;
      const head = JSON.stringify({ ...summary, base });
      storage.setItem(RESCUE_KEY, `${head.slice(0, -1)},"transcript":${encodeTranscript(transcript)}}`);
    },
    read() {
      try {
        const text = storage?.getItem(RESCUE_KEY);
        if (!text) return undefined;
        const project = JSON.parse(text) as RescuedProject;
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

/**
 * Moves a rescued copy into storage, unless another write came after the one it
 * was based on (then the newer one stays): the put is conditional on what was
 * found. Resolves with the copy when storage fails (it stays in the slot and can
 * be offered from there), else undefined.
 */
export async function moveRescueToStorage(slot: RescueSlot, storage: ProjectStorage): Promise<RescuedProject | undefined> {
  const project = slot.read();
  if (!project) return undefined;
  try {
    const existing = await storage.get(project.key);
    const { base, ...record } = project;
    const found = stampOf(existing);
    const writer = (stamp: string) => stamp.split('.')[0];
    const sameWriter = !!found && !!record.stamp && writer(found) === writer(record.stamp);
    const newer = !existing || existing.savedAt < record.savedAt;
    // `base` is missing only in slots written before stamps existed: the newer one wins, as it did then.
    if (newer && (base === undefined || found === base || sameWriter)) await storage.put(record, { stamp: found });
    slot.clear();
    return undefined;
  } catch (error) {
    if (!(error instanceof StaleWriteError)) return project;
    slot.clear();
    return undefined;
  }
}
