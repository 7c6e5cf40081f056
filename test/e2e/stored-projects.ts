import type { Page } from 'playwright-core';

/** A project record as the app stores it in IndexedDB (the fields the tests look at). */
export interface StoredProject {
  stamp: string | null;
  transcriptJson: string;
}

/** The project records in the app's IndexedDB, read directly (not through the app). */
export function storedProjects(page: Page): Promise<StoredProject[]> {
  return page.evaluate(
    () =>
      new Promise<StoredProject[]>((resolve, reject) => {
        const open = indexedDB.open('verbatim');
        // Never create the app's database from here: a new one would lack its object store.
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          resolve([]);
        };
        open.onerror = () => (open.error?.name === 'AbortError' ? undefined : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('projects')) return resolve([]);
          const request = db.transaction('projects').objectStore('projects').getAll();
          request.onsuccess = () => {
            const records = (request.result as { transcriptJson?: string; stamp?: string }[]).filter((value) => typeof value.transcriptJson === 'string');
            resolve(records.map((record) => ({ stamp: record.stamp ?? null, transcriptJson: record.transcriptJson! })));
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
