import type { AppState, AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { createEmitter, type Unsubscribe } from '../player/emitter.ts';
import { projectKey } from './project-key.ts';
import { StaleWriteError, stampOf, type ProjectStorage, type ProjectSummary, type SavedProject } from './project-storage.ts';
import { createStorageWarnings } from './storage-warnings.ts';
import { moveRescueToStorage, type RescuedProject, type RescueSlot } from './rescue-slot.ts';
import { createSaveScheduler, systemClock, type SchedulerClock } from './save-scheduler.ts';
import { projectRecord, sameTranscript, summaryOf, type ProjectIdentity } from './project-record.ts';
import { installPageLifecycle } from './page-lifecycle.ts';
import type { LockState, TabLock } from './tab-lock.ts';
import type { ReadOnlyReason } from '../store/session-slice.ts';

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
  /**
   * In a read-only tab: takes the project over from the tab that edits it (that tab
   * saves first and becomes read-only), then shows the newest stored state, ready to edit.
   */
  takeOver(): Promise<void>;
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
  /** One editor per project across tabs (tab-lock.ts); without it this tab always edits, and only the stamps guard writes. */
  lock?: TabLock;
  /**
   * Commits what the user typed but has not committed yet (an open text box), before this
   * tab hands the project over to another: the hand-over saves it with everything else.
   */
  commitDrafts?: () => void;
  /**
   * Runs a committed edit's write once the frame showing the edit has been painted, so
   * encoding and storing the transcript never delays what the user sees (default: the
   * next animation frame, then a task; soon anyway in a hidden tab, where no frame comes).
   */
  afterPaint?: (job: () => void) => void;
  /** Names this page in the stamps of its writes; unique per page load. */
  tabId?: string;
}

/** At most this long from a committed edit to the start of its write when no frame comes (a hidden tab). */
const PAINT_WAIT_MS = 30;

function afterNextPaint(job: () => void, clock: SchedulerClock): void {
  let timer: unknown = null;
  const run = () => {
    if (timer === null) return;
    clock.clearTimeout(timer);
    timer = null;
    job();
  };
  timer = clock.setTimeout(run, PAINT_WAIT_MS);
  // The frame callback runs before the paint; the task it queues runs after it.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => clock.setTimeout(run, 0));
}

const randomTabId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).slice(0, 13);

/** The open project, fixed when its session started. */
interface Session extends ProjectIdentity {
  id: number;
  /** The transcript as opened: "edited" means "not this object". */
  base: Transcript;
  /** What the key hashes: the file's text, or the model as opened when there was no file. */
  original: string;
  /** `readonly`: another tab edits this project; this one shows what storage holds and writes nothing. */
  phase: 'checking' | 'offer' | 'active' | 'readonly';
  /** What storage holds for this key, as far as this page wrote it. */
  stored: { transcript: Transcript; dirty: boolean } | null;
  /** The stamp of the stored record as this page last read or wrote it (null: none): every write requires it unchanged. */
  stamp: string | null;
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
 * Across tabs: only the tab holding the project's lock (tab-lock.ts) writes; the
 * others are read-only views of what storage holds. Every write is also
 * conditional on the record's stamp being the one this page last saw, so even
 * without the lock no write replaces a newer state another tab saved: it stops
 * and the tab turns read-only with the reason.
 *
 * Why it is over 400 lines: what is left here is one job, the state of the open
 * project (checking -> offer | active | readonly, what storage holds for it and
 * its stamp), the answers to the offer and the take-over; splitting that further
 * would spread one state machine.
 */
export function installAutosave(store: AppStore, options: AutosaveOptions): Autosave {
  const { storage, rescue, lock } = options;
  const tabId = options.tabId ?? randomTabId();
  let writes = 0;
  /** Unique per write: the page's id and a count. */
  const nextStamp = () => `${tabId}.${++writes}`;
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

  let rescued: RescuedProject | undefined;
  /** What the slot holds goes into storage (see moveRescueToStorage); kept here only while storage fails. */
  const mergeRescue = async () => {
    rescued = rescue ? await moveRescueToStorage(rescue, storage) : undefined;
  };
  const ready = mergeRescue();

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

  /** The transcript on screen, not as an edit: no undo step (a read-only view, or the base before a take-over). */
  const show = (transcript: Transcript, dirty: boolean) => {
    const history = store.temporal.getState();
    history.pause();
    store.setState({ transcript, dirty });
    history.resume();
    history.clear();
  };

  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  /** A read-only tab shows what storage holds now (the owner's latest save). */
  const showStored = (current: Session): Promise<void> => {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        try {
          const saved = await storage.get(current.key);
          if (session !== current || current.phase !== 'readonly' || destroyed) return;
          current.stamp = stampOf(saved);
          current.stored = saved ? { transcript: saved.transcript, dirty: saved.dirty } : null;
          show(saved ? saved.transcript : current.base, saved ? saved.dirty : false);
        } catch (error) {
          report(error);
        }
      } while (refreshAgain);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  /** This tab may not edit the project (another tab does, or saved it unseen): stop writing and say why. */
  const enterReadOnly = (current: Session, reason: ReadOnlyReason) => {
    const wasReadOnly = current.phase === 'readonly';
    current.phase = 'readonly';
    scheduler.cancel();
    if (pendingOffer) setOffer(null);
    const state = store.getState();
    if (state.readOnly !== reason || state.mode === 'edit' || state.textEdit) store.setState({ readOnly: reason, mode: 'read', textEdit: null });
    // After a refused write the tab keeps showing its own last state (the user may copy it out); take-over loads the newest.
    if (!wasReadOnly && reason !== 'conflict') void showStored(current);
  };

  const readOnlyReason = (state: LockState): ReadOnlyReason | null =>
    state === 'elsewhere' || state === 'taken-over' || state === 'free' ? state : null;

  /** One write for one project, named explicitly: a later session cannot redirect it. */
  const writeOnce = async (current: Session) => {
    const state = store.getState();
    if (!needsWrite(state, current)) return;
    const identity = identityOf(current);
    try {
      if (options.beforeWrite && !(await options.beforeWrite(identity))) return;
      const condition = { stamp: current.stamp };
      if (state.transcript === current.base) {
        await storage.remove(identity.key, condition);
        current.stored = null;
        current.stamp = null;
      } else {
        await storage.prepare?.(state.transcript);
        const stamp = nextStamp();
        await storage.put({ ...projectRecord(state, identity, clock.now()), stamp }, condition);
        current.stored = { transcript: state.transcript, dirty: state.dirty };
        current.stamp = stamp;
      }
      lock?.announceSaved();
      warnings.clear();
      emitter.emit('change');
    } catch (error) {
      if (error instanceof StaleWriteError) {
        if (session === current) enterReadOnly(current, 'conflict');
        return;
      }
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
  /**
   * A committed edit (or undo, redo) is written as soon as it is on screen, so a crash right
   * after it loses nothing; writes never overlap, so edits made during a write go into the next one. The
   * moving states of a drag (history paused until it ends) wait for a pause, at most maxWait.
   */
  const afterPaint = options.afterPaint ?? ((job: () => void) => afterNextPaint(job, clock));
  let writeAfterPaint = false;
  const schedule = () => {
    if (!needsWrite(store.getState(), session)) return;
    if (!store.temporal.getState().isTracking) {
      scheduler.poke();
      return;
    }
    if (writeAfterPaint) return;
    writeAfterPaint = true;
    afterPaint(() => {
      writeAfterPaint = false;
      void save();
    });
  };

  const check = (current: Session) => {
    current.phase = 'checking';
    if (pendingOffer) setOffer(null);
    const key = current.key;
    const claimed = lock ? lock.claim(key) : Promise.resolve(true);
    const stale = () => session !== current || current.key !== key || destroyed;
    const decide = (saved: SavedProject | undefined) => {
      if (stale()) return;
      if (rescued?.key === key && (!saved || saved.savedAt < rescued.savedAt)) saved = rescued;
      current.stamp = stampOf(saved);
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
    void ready
      .then(() => claimed)
      .then((owner) => {
        if (stale()) return;
        if (!owner) {
          enterReadOnly(current, readOnlyReason(lock?.state() ?? 'elsewhere') ?? 'elsewhere');
          return;
        }
        if (store.getState().readOnly) store.setState({ readOnly: null });
        return storage.get(key).then(decide, (error: unknown) => {
          if (stale()) return;
          report(error);
          decide(undefined);
        });
      });
  };

  /** A new project replaces the open one: its last changes are written now, not dropped with its timer. */
  const finishSession = (previous: AppState, current: Session | null) => {
    if (!current || current.phase !== 'active' || previous.sessionId !== current.id) return;
    if (previous.transcript === current.base) return;
    if (current.stored?.transcript === previous.transcript && current.stored.dirty === previous.dirty) return;
    const identity = identityOf(current);
    // Transactions run in the order they were opened, so this lands after any write already under way.
    storage.put({ ...projectRecord(previous, identity, clock.now()), stamp: nextStamp() }, { stamp: current.stamp }).then(
      () => emitter.emit('change'),
      (error: unknown) => {
        if (error instanceof StaleWriteError) {
          store.getState().notify('warning', `Your last edits to ${previous.transcriptName || 'the previous transcript'} were not saved: another tab had saved it since.`);
        } else report(error);
      },
    );
  };

  const startSession = (state: AppState) => {
    scheduler.cancel();
    if (state.sessionId === 0) {
      session = null;
      lock?.release();
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
      stamp: null,
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
  if (lock) {
    // Before another tab takes over, everything this tab has is written.
    lock.setHandOver(() => {
      options.commitDrafts?.();
      return save();
    });
    listeners.push(
      lock.on('state', (state) => {
        const current = session;
        const reason = readOnlyReason(state);
        // While checking, the check itself reads the claim's answer.
        if (!current || !reason || current.phase === 'checking') return;
        enterReadOnly(current, reason);
      }),
      lock.on('saved', () => {
        if (session?.phase === 'readonly' && store.getState().readOnly !== 'conflict') void showStored(session);
      }),
    );
  }
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
          rescue.write({ ...projectRecord(state, identityOf(current), clock.now()), stamp: nextStamp() }, current.stamp);
        },
        // A read-only tab holds nothing of its own: closing it never asks.
        hasUnexported: () => store.getState().dirty && session?.phase !== 'readonly',
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
      current.stamp = stampOf(saved);
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
        await storage.remove(current.key, { stamp: current.stamp });
        current.stamp = null;
        emitter.emit('change');
      } catch (error) {
        if (error instanceof StaleWriteError) enterReadOnly(current, 'conflict');
        else report(error);
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
        current.stamp = null;
        const state = store.getState();
        current.stored = state.transcript === current.base ? null : { transcript: state.transcript, dirty: state.dirty };
      }
      emitter.emit('change');
    },
    flush: save,
    async takeOver() {
      const current = session;
      if (!current || current.phase !== 'readonly') return;
      if (lock && !(await lock.takeOver())) return;
      // What the closing tab rescued at the last moment counts as stored.
      await mergeRescue();
      let saved: SavedProject | undefined;
      try {
        saved = await storage.get(current.key);
      } catch (error) {
        report(error);
      }
      if (session !== current || current.phase !== 'readonly' || destroyed) return;
      // The newest stored state as one undo step from the file as opened, like a restore. The base is
      // shown while still read-only: a write of it now would delete the save.
      show(current.base, false);
      current.phase = 'active';
      current.stamp = stampOf(saved);
      current.stored = saved ? { transcript: saved.transcript, dirty: saved.dirty } : null;
      store.setState({ readOnly: null });
      if (saved) applyRestore(saved.transcript, saved.dirty);
      store.getState().notify('info', 'You are editing this project in this tab now; the other tab is read-only.');
      schedule();
    },
    destroy() {
      destroyed = true;
      listeners.forEach((unsubscribe) => unsubscribe());
      emitter.clear();
    },
  };
}
