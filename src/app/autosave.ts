import type { AppState, AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { createEmitter, type Unsubscribe } from '../player/emitter.ts';
import type { SessionLoader } from './session-loader.ts';
import { projectKey } from './project-key.ts';
import {
  classifyStorageError,
  type ProjectStorage,
  type ProjectSummary,
  type RescueSlot,
  type SavedProject,
  type StorageProblem,
} from './project-storage.ts';

/** Quiet time after the last change before saving. */
export const SAVE_DELAY_MS = 300;
/** A save starts at most this long after the first unsaved change, however fast the user types. */
export const SAVE_MAX_WAIT_MS = 800;

export interface AutosaveEvents {
  /** The restore offer appeared or went away. */
  offer: [offer: ProjectSummary | null];
  /** A project was saved or removed: a Recent list on screen is stale. */
  change: [];
}

export interface Autosave {
  /** Saved edits for the project just opened, waiting for the user's answer; null when there are none. */
  offer(): ProjectSummary | null;
  on<E extends keyof AutosaveEvents>(event: E, listener: (...args: AutosaveEvents[E]) => void): Unsubscribe;
  /** Replaces the transcript with the saved one as one undoable step (Ctrl+Z returns to the file as opened). */
  restore(): Promise<void>;
  /** Deletes the saved edits and keeps the transcript as opened. */
  discard(): Promise<void>;
  /** Saved projects, newest first. */
  recent(): Promise<ProjectSummary[]>;
  /** Deletes one saved project. */
  forget(key: string): Promise<void>;
  /** Writes pending changes now (the page is being hidden or closed). */
  flush(): Promise<void>;
  /** Wraps the session loader so projects opened from URLs remember the transcript URL, for Recent. */
  trackLoader(loader: SessionLoader): SessionLoader;
  destroy(): void;
}

export interface AutosaveOptions {
  storage: ProjectStorage;
  /** Synchronous last-moment copy when the page goes away with a write still pending. */
  rescue?: RescueSlot;
  /** Where page-lifecycle events arrive; none in tests that do not need them. */
  target?: Window;
  /** The clock that dates saves. */
  now?: () => number;
  delayMs?: number;
  maxWaitMs?: number;
}

interface Session {
  id: number;
  key: string;
  /** The transcript as opened: "edited" means "not this object". */
  base: Transcript;
  /** What the key hashes: the file's text, or the model as opened when there was no file. */
  original: string;
  transcriptUrl?: string;
}

const WARNINGS: Record<StorageProblem, (detail: string) => string> = {
  unavailable: () =>
    'This browser is not letting Verbatim store anything (private browsing or blocked site data), so your edits are not saved on this device. Export your work before you close the tab.',
  quota: () =>
    'Browser storage is full, so your latest edits are not saved on this device. Export your work, or free space by deleting old projects under Recent.',
  failed: (detail) => `Your latest edits could not be saved on this device (${detail}). Export your work before you close the tab.`,
};

/**
 * Never lose work: saves every change to the transcript (edits, undo, redo) to
 * local storage, keyed to the audio + original transcript pair, and offers the
 * saved edits back when that pair is opened again.
 *
 * Only an edited transcript is saved; returning to the transcript as opened
 * (undo to the start) removes the save. While a restore offer waits for an
 * answer nothing is written, so new edits can never overwrite the old ones
 * unseen; the unload warning covers that window.
 */
export function installAutosave(store: AppStore, options: AutosaveOptions): Autosave {
  const { storage, target, rescue } = options;
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? SAVE_DELAY_MS;
  const maxWaitMs = options.maxWaitMs ?? SAVE_MAX_WAIT_MS;
  const emitter = createEmitter<AutosaveEvents>();

  let session: Session | null = null;
  let phase: 'checking' | 'offer' | 'active' = 'checking';
  let pendingOffer: SavedProject | null = null;
  /** Kept as one object so `offer()` is a stable snapshot (React's useSyncExternalStore relies on it). */
  let offerSummary: ProjectSummary | null = null;
  let checkToken = 0;
  /** What storage holds for the session's key, as far as this page wrote it. */
  let stored: { transcript: Transcript; dirty: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChangeAt: number | null = null;
  let writing: Promise<void> | null = null;
  let writeAgain = false;
  const warned = new Set<StorageProblem>();
  let loadingTranscriptUrl: string | undefined;
  /** Storage answers can arrive after destroy(); they must not start new writes. */
  let destroyed = false;

  // A copy rescued when the last page closed goes into storage before any check reads it.
  let rescued = rescue?.read();
  const ready = (async () => {
    const project = rescued;
    if (!project || !rescue) return;
    try {
      const existing = await storage.get(project.key);
      if (!existing || existing.savedAt < project.savedAt) await storage.put(project);
      rescue.clear();
      rescued = undefined;
    } catch {
      // Storage is failing: the rescued copy stays in the slot and is offered from there.
    }
  })();

  const setOffer = (offer: SavedProject | null) => {
    pendingOffer = offer;
    offerSummary = offer ? summaryOf(offer) : null;
    emitter.emit('offer', offerSummary);
  };

  /** One visible warning per kind of problem, not one per keystroke; a success re-arms it. */
  const report = (error: unknown) => {
    const problem = classifyStorageError(error);
    if (warned.has(problem)) return;
    warned.add(problem);
    store.getState().notify('warning', WARNINGS[problem](error instanceof Error ? error.message : String(error)));
  };

  const needsWrite = (state: AppState) => {
    if (destroyed || !session || state.sessionId !== session.id || phase !== 'active') return false;
    if (state.transcript === session.base) return stored !== null;
    return stored === null || stored.transcript !== state.transcript || stored.dirty !== state.dirty;
  };

  const record = (state: AppState, current: Session): SavedProject => ({
    key: current.key,
    savedAt: now(),
    audioName: state.audioName,
    transcriptName: state.transcriptName,
    ...(reopenableUrl(state.audioUrl) ? { audioUrl: reopenableUrl(state.audioUrl) } : {}),
    ...(current.transcriptUrl ? { transcriptUrl: current.transcriptUrl } : {}),
    dirty: state.dirty,
    transcript: state.transcript,
  });

  const writeOnce = async () => {
    const state = store.getState();
    const current = session;
    if (!current || !needsWrite(state)) return;
    try {
      if (state.transcript === current.base) {
        await storage.remove(current.key);
        if (session === current) stored = null;
      } else {
        await storage.put(record(state, current));
        if (session === current) stored = { transcript: state.transcript, dirty: state.dirty };
      }
      warned.clear();
      emitter.emit('change');
    } catch (error) {
      report(error);
    }
  };

  /** Writes are serialised: a change during a write is written right after it. */
  const save = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstChangeAt = null;
    if (writing) {
      writeAgain = true;
      return writing;
    }
    writing = (async () => {
      do {
        writeAgain = false;
        await writeOnce();
      } while (writeAgain);
    })().finally(() => {
      writing = null;
    });
    return writing;
  };

  const schedule = () => {
    if (!needsWrite(store.getState())) return;
    const time = Date.now();
    firstChangeAt ??= time;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void save(), Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - time)));
  };

  const check = () => {
    const current = session;
    if (!current) return;
    const token = ++checkToken;
    phase = 'checking';
    if (pendingOffer) setOffer(null);
    const decide = (saved: SavedProject | undefined) => {
      if (token !== checkToken || destroyed) return;
      if (rescued?.key === current.key && (!saved || saved.savedAt < rescued.savedAt)) saved = rescued;
      if (saved && !sameTranscript(saved.transcript, current.base)) {
        phase = 'offer';
        setOffer(saved);
        return;
      }
      phase = 'active';
      // A save identical to the file as opened restores nothing: drop it rather than offer it.
      if (saved) stored = { transcript: saved.transcript, dirty: saved.dirty };
      schedule();
    };
    ready
      .then(() => storage.get(current.key))
      .then(decide, (error: unknown) => {
        if (token !== checkToken || destroyed) return;
        report(error);
        decide(undefined);
      });
  };

  /** A new project replaces the open one: its last changes are written now, not dropped with its timer. */
  const finishSession = (previous: AppState) => {
    const current = session;
    if (!current || phase !== 'active' || previous.sessionId !== current.id) return;
    const edited = previous.transcript !== current.base;
    if (!edited || (stored?.transcript === previous.transcript && stored.dirty === previous.dirty)) return;
    // Transactions run in the order they were opened, so this lands after any write already under way.
    storage.put(record(previous, current)).then(
      () => emitter.emit('change'),
      (error: unknown) => report(error),
    );
  };

  const startSession = (state: AppState) => {
    if (state.sessionId === 0) return;
    const original = state.sourceText || JSON.stringify(state.transcript);
    session = {
      id: state.sessionId,
      key: projectKey(state.audioKey, original),
      base: state.transcript,
      original,
      ...(loadingTranscriptUrl ? { transcriptUrl: loadingTranscriptUrl } : {}),
    };
    stored = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstChangeAt = null;
    check();
  };

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.sessionId !== previous.sessionId) {
      finishSession(previous);
      startSession(state);
    } else if (session && state.audioKey !== previous.audioKey) {
      // Audio opened after the transcript: the project is now the new pair.
      const key = projectKey(state.audioKey, session.original);
      if (key === session.key) return;
      session.key = key;
      stored = null;
      check();
    } else if (state.transcript !== previous.transcript || state.dirty !== previous.dirty) {
      schedule();
    }
  });
  startSession(store.getState());

  const listeners: Unsubscribe[] = [unsubscribeStore];
  if (target) {
    const onHidden = () => {
      if (target.document.visibilityState === 'hidden') void save();
    };
    const onPageHide = () => {
      const state = store.getState();
      // The write below may be cut off with the page; the synchronous copy is not.
      if (rescue && session && phase === 'active' && state.transcript !== session.base && (needsWrite(state) || writing)) {
        try {
          rescue.write(record(state, session));
        } catch {
          // Best effort only: the storage write is still attempted.
        }
      }
      void save();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Start writing now: the write runs while the browser asks "Leave site?".
      void save();
      if (!store.getState().dirty) return;
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    target.document.addEventListener('visibilitychange', onHidden);
    target.addEventListener('pagehide', onPageHide);
    target.addEventListener('beforeunload', onBeforeUnload);
    listeners.push(
      () => target.document.removeEventListener('visibilitychange', onHidden),
      () => target.removeEventListener('pagehide', onPageHide),
      () => target.removeEventListener('beforeunload', onBeforeUnload),
    );
  }

  return {
    offer: () => offerSummary,
    on: (event, listener) => emitter.on(event, listener),
    async restore() {
      const saved = pendingOffer;
      if (phase !== 'offer' || !saved) return;
      phase = 'active';
      setOffer(null);
      // Storage already holds exactly this: no write follows the restore.
      stored = { transcript: saved.transcript, dirty: saved.dirty };
      store.getState().commitTranscript(saved.transcript);
      store.setState({ dirty: saved.dirty });
      schedule();
    },
    async discard() {
      const current = session;
      if (phase !== 'offer' || !current) return;
      phase = 'active';
      setOffer(null);
      if (rescued?.key === current.key) {
        rescue?.clear();
        rescued = undefined;
      }
      try {
        await storage.remove(current.key);
        emitter.emit('change');
      } catch (error) {
        report(error);
      }
      schedule();
    },
    async recent() {
      const list = await storage.list();
      return list.sort((a, b) => b.savedAt - a.savedAt);
    },
    async forget(key) {
      await storage.remove(key);
      if (session?.key === key) {
        if (phase === 'offer') {
          phase = 'active';
          setOffer(null);
        }
        // Deleted means deleted: the current state is not written back until it changes again.
        const state = store.getState();
        stored = state.transcript === session.base ? null : { transcript: state.transcript, dirty: state.dirty };
      }
      emitter.emit('change');
    },
    flush: save,
    trackLoader(loader) {
      return {
        loadFiles(files) {
          loadingTranscriptUrl = undefined;
          return loader.loadFiles(files);
        },
        async loadUrls(urls, loadOptions) {
          loadingTranscriptUrl = urls.transcript ? absoluteUrl(urls.transcript) : undefined;
          try {
            return await loader.loadUrls(urls, loadOptions);
          } finally {
            loadingTranscriptUrl = undefined;
          }
        },
      };
    },
    destroy() {
      destroyed = true;
      if (timer !== null) clearTimeout(timer);
      listeners.forEach((unsubscribe) => unsubscribe());
      emitter.clear();
    },
  };
}

function summaryOf(project: SavedProject): ProjectSummary {
  const { transcript: _transcript, ...summary } = project;
  return summary;
}

/** Deep equality for plain transcript data; only runs once per opened project. */
function sameTranscript(a: Transcript, b: Transcript): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function absoluteUrl(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}

/** Object and data URLs die with the page (or are huge); only real URLs can reopen a project. */
function reopenableUrl(url: string): string | undefined {
  if (!url || /^(blob|data):/iu.test(url)) return undefined;
  return absoluteUrl(url);
}
