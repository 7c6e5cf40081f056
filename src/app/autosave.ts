import type { AppState, AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { createEmitter, type Unsubscribe } from '../player/emitter.ts';
import { projectKey } from './project-key.ts';
import type { ProjectStorage, ProjectSummary, SavedProject } from './project-storage.ts';
import { createStorageWarnings } from './storage-warnings.ts';
import type { RescueSlot } from './rescue-slot.ts';
import { createSaveScheduler, systemClock, type SchedulerClock } from './save-scheduler.ts';
import { projectRecord, sameTranscript, summaryOf, type ProjectIdentity } from './project-record.ts';
import { installPageLifecycle } from './page-lifecycle.ts';

/** Quiet time after the last change before saving. */
export const SAVE_DELAY_MS = 40;
/** A save starts at most this long after the first unsaved change, however fast the user types: a committed edit reaches storage within about 100 ms. */
export const SAVE_MAX_WAIT_MS = 80;

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
  /** Puts the saved transcript back through `restore` (one undoable step: Ctrl+Z returns to the file as opened). */
  restore(): Promise<void>;
  /** Deletes the saved edits and keeps the transcript as opened. */
  discard(): Promise<void>;
  /** Saved projects, newest first. */
  recent(): Promise<ProjectSummary[]>;
  /** Deletes one saved project. */
  forget(key: string): Promise<void>;
  /** Writes pending changes now (the page is being hidden or closed). */
  flush(): Promise<void>;
  destroy(): void;
}

export interface AutosaveOptions {
  storage: ProjectStorage;
  /** Synchronous last-moment copy when the page goes away with a write still pending. */
  rescue?: RescueSlot;
  /** Where page-lifecycle events arrive; none in tests that do not need them. */
  target?: Window;
  /** Dates saves and times the scheduler; tests pass a fake one. */
  clock?: SchedulerClock;
  /** Dates saves only (the scheduler keeps the system timers): for callers that fake just the date. */
  now?: () => number;
  delayMs?: number;
  maxWaitMs?: number;
  /** Writes a restored transcript: the editor commands' `restore`, so the restore is an undoable command. */
  applyRestore?: (transcript: Transcript, dirty: boolean) => void;
  /**
   * Asked before every write with the project it is for; false skips the write
   * (for example while another tab owns the project). The seam for a cross-tab lock.
   */
  beforeWrite?: (project: ProjectIdentity) => boolean | Promise<boolean>;
}

/** The open project, fixed when its session started. */
interface Session extends ProjectIdentity {
  id: number;
  /** The transcript as opened: "edited" means "not this object". */
  base: Transcript;
  /** What the key hashes: the file's text, or the model as opened when there was no file. */
  original: string;
  phase: 'checking' | 'offer' | 'active';
  /** What storage holds for this key, as far as this page wrote it. */
  stored: { transcript: Transcript; dirty: boolean } | null;
}

/**
 * Never lose work: saves every change to the transcript (edits, undo, redo) to
 * local storage, keyed to the audio + original transcript pair, and offers the
 * saved edits back when that pair is opened again. It coordinates single-job
 * parts: the scheduler (save-scheduler.ts), the record (project-record.ts),
 * the storage adapter (project-storage.ts), the rescue slot (rescue-slot.ts)
 * and the page events (page-lifecycle.ts).
 *
 * Only an edited transcript is saved; returning to the transcript as opened
 * (undo to the start) removes the save. While a restore offer waits for an
 * answer nothing is written, so new edits can never overwrite the old ones unseen.
 *
 * Why it is a little over 300 lines: what is left here is one job, the state of
 * the open project (checking -> offer -> active, what storage holds for it) and
 * the answers to the offer; splitting that further would spread one state machine.
 */
export function installAutosave(store: AppStore, options: AutosaveOptions): Autosave {
  const { storage, rescue } = options;
  const clock: SchedulerClock = options.clock ?? (options.now ? { ...systemClock, now: options.now } : systemClock);
  const emitter = createEmitter<AutosaveEvents>();
  const applyRestore =
    options.applyRestore ??
    ((transcript: Transcript, dirty: boolean) => {
      store.getState().commitTranscript(transcript);
      store.setState({ dirty });
    });

  let session: Session | null = null;
  let pendingOffer: SavedProject | null = null;
  /** Kept as one object so `offer()` is a stable snapshot (React's useSyncExternalStore relies on it). */
  let offerSummary: ProjectSummary | null = null;
  let writing: Promise<void> | null = null;
  let writeAgain = false;
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

  const warnings = createStorageWarnings((text) => store.getState().notify('warning', text));
  const report = warnings.report;

  const needsWrite = (state: AppState, current: Session | null): current is Session => {
    if (destroyed || !current || state.sessionId !== current.id || current.phase !== 'active') return false;
    if (state.transcript === current.base) return current.stored !== null;
    return current.stored === null || current.stored.transcript !== state.transcript || current.stored.dirty !== state.dirty;
  };

  const identityOf = (current: Session): ProjectIdentity => ({ key: current.key, ...(current.transcriptUrl ? { transcriptUrl: current.transcriptUrl } : {}) });

  /** One write for one project, named explicitly: a later session cannot redirect it. */
  const writeOnce = async (current: Session) => {
    const state = store.getState();
    if (!needsWrite(state, current)) return;
    const identity = identityOf(current);
    try {
      if (options.beforeWrite && !(await options.beforeWrite(identity))) return;
      if (state.transcript === current.base) {
        await storage.remove(identity.key);
        current.stored = null;
      } else {
        await storage.put(projectRecord(state, identity, clock.now()));
        current.stored = { transcript: state.transcript, dirty: state.dirty };
      }
      warnings.clear();
      emitter.emit('change');
    } catch (error) {
      report(error);
    }
  };

  /** Writes are serialised: a change during a write is written right after it. */
  const save = (): Promise<void> => {
    scheduler.cancel();
    if (writing) {
      writeAgain = true;
      return writing;
    }
    writing = (async () => {
      do {
        writeAgain = false;
        if (session) await writeOnce(session);
      } while (writeAgain);
    })().finally(() => {
      writing = null;
    });
    return writing;
  };
  const scheduler = createSaveScheduler(() => void save(), { delayMs: options.delayMs ?? SAVE_DELAY_MS, maxWaitMs: options.maxWaitMs ?? SAVE_MAX_WAIT_MS, clock });
  const schedule = () => {
    if (needsWrite(store.getState(), session)) scheduler.poke();
  };

  const check = (current: Session) => {
    current.phase = 'checking';
    if (pendingOffer) setOffer(null);
    const key = current.key;
    const decide = (saved: SavedProject | undefined) => {
      if (session !== current || current.key !== key || destroyed) return;
      if (rescued?.key === key && (!saved || saved.savedAt < rescued.savedAt)) saved = rescued;
      if (saved && !sameTranscript(saved.transcript, current.base)) {
        current.phase = 'offer';
        setOffer(saved);
        return;
      }
      current.phase = 'active';
      // A save identical to the file as opened restores nothing: drop it rather than offer it.
      if (saved) current.stored = { transcript: saved.transcript, dirty: saved.dirty };
      schedule();
    };
    ready
      .then(() => storage.get(key))
      .then(decide, (error: unknown) => {
        if (session !== current || destroyed) return;
        report(error);
        decide(undefined);
      });
  };

  /** A new project replaces the open one: its last changes are written now, not dropped with its timer. */
  const finishSession = (previous: AppState, current: Session | null) => {
    if (!current || current.phase !== 'active' || previous.sessionId !== current.id) return;
    if (previous.transcript === current.base) return;
    if (current.stored?.transcript === previous.transcript && current.stored.dirty === previous.dirty) return;
    const identity = identityOf(current);
    // Transactions run in the order they were opened, so this lands after any write already under way.
    storage.put(projectRecord(previous, identity, clock.now())).then(
      () => emitter.emit('change'),
      (error: unknown) => report(error),
    );
  };

  const startSession = (state: AppState) => {
    scheduler.cancel();
    if (state.sessionId === 0) {
      session = null;
      return;
    }
    const original = state.sourceText || JSON.stringify(state.transcript);
    session = {
      id: state.sessionId,
      key: projectKey(state.audioKey, original),
      ...(state.transcriptUrl ? { transcriptUrl: state.transcriptUrl } : {}),
      base: state.transcript,
      original,
      phase: 'checking',
      stored: null,
    };
    check(session);
  };

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.sessionId !== previous.sessionId) {
      finishSession(previous, session);
      startSession(state);
    } else if (session && state.audioKey !== previous.audioKey) {
      // Audio opened after the transcript: the project is now the new pair.
      const key = projectKey(state.audioKey, session.original);
      if (key === session.key) return;
      session.key = key;
      session.stored = null;
      check(session);
    } else if (state.transcript !== previous.transcript || state.dirty !== previous.dirty) {
      schedule();
    }
  });
  startSession(store.getState());

  const listeners: Unsubscribe[] = [unsubscribeStore, () => scheduler.cancel()];
  if (options.target) {
    listeners.push(
      installPageLifecycle(options.target, {
        flush: () => void save(),
        rescue: () => {
          const state = store.getState();
          const current = session;
          // The write started with it may be cut off with the page; the synchronous copy is not.
          if (!rescue || !current || current.phase !== 'active' || state.transcript === current.base) return;
          if (!needsWrite(state, current) && !writing) return;
          rescue.write(projectRecord(state, identityOf(current), clock.now()));
        },
        hasUnexported: () => store.getState().dirty,
      }),
    );
  }

  return {
    offer: () => offerSummary,
    on: (event, listener) => emitter.on(event, listener),
    restore() {
      const saved = pendingOffer;
      const current = session;
      if (!current || current.phase !== 'offer' || !saved) return Promise.resolve();
      current.phase = 'active';
      setOffer(null);
      // Storage already holds exactly this: no write follows the restore.
      current.stored = { transcript: saved.transcript, dirty: saved.dirty };
      applyRestore(saved.transcript, saved.dirty);
      schedule();
      return Promise.resolve();
    },
    async discard() {
      const current = session;
      if (!current || current.phase !== 'offer') return;
      current.phase = 'active';
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
      const current = session;
      if (current?.key === key) {
        if (current.phase === 'offer') {
          current.phase = 'active';
          setOffer(null);
        }
        // Deleted means deleted: the current state is not written back until it changes again.
        const state = store.getState();
        current.stored = state.transcript === current.base ? null : { transcript: state.transcript, dirty: state.dirty };
      }
      emitter.emit('change');
    },
    flush: save,
    destroy() {
      destroyed = true;
      listeners.forEach((unsubscribe) => unsubscribe());
      emitter.clear();
    },
  };
}
