import { classifyStorageError, type StorageProblem } from './project-storage.ts';

const WARNINGS: Record<StorageProblem, (detail: string) => string> = {
  unavailable: () =>
    'This browser is not letting Verbatim store anything (private browsing or blocked site data), so your edits are not saved on this device. Export your work before you close the tab.',
  quota: () =>
    'Browser storage is full, so your latest edits are not saved on this device. Export your work, or free space by deleting old projects under Recent.',
  failed: (detail) => `Your latest edits could not be saved on this device (${detail}). Export your work before you close the tab.`,
};

/** One visible warning per kind of storage problem, not one per keystroke; a success (`clear`) re-arms them. */
export function createStorageWarnings(warn: (text: string) => void) {
  const warned = new Set<StorageProblem>();
  return {
    report(error: unknown) {
      const problem = classifyStorageError(error);
      if (warned.has(problem)) return;
      warned.add(problem);
      warn(WARNINGS[problem](error instanceof Error ? error.message : String(error)));
    },
    clear: () => warned.clear(),
  };
}
