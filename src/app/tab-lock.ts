import { createEmitter, type Unsubscribe } from '../player/emitter.ts';

/**
 * Where this tab stands on the open project: `owner` edits it; `elsewhere`: another
 * tab held it when this one opened it; `taken-over`: another tab took it from this
 * one; `free`: the tab that held it is gone and nobody edits it; `none`: no project.
 */
export type LockState = 'none' | 'owner' | 'elsewhere' | 'taken-over' | 'free';

/** Typed messages between the tabs of one origin, always about one project key. */
export type TabMessage =
  /** Please hand the project over to tab `from`. */
  | { type: 'take-over'; key: string; from: string }
  /** Tab `from` now edits the project. */
  | { type: 'claimed'; key: string; from: string }
  /** Tab `from` saved the project: read-only tabs show the newest state. */
  | { type: 'saved'; key: string; from: string };

export interface TabLockEvents {
  state: [state: LockState];
  /** The owner saved: a read-only view can refresh. */
  saved: [];
}

/** What the lock needs of BroadcastChannel. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  onmessage: ((event: MessageEvent<TabMessage>) => void) | null;
  close(): void;
}

export interface TabLockOptions {
  /** navigator.locks; without it (old browsers) every claim succeeds and only the record's stamps guard writes. */
  locks?: LockManager | undefined;
  channel?: TabChannel | undefined;
  tabId: string;
  /** How long a take-over waits for the holder to hand over before taking the lock anyway (a frozen or discarded tab). */
  handOverTimeoutMs?: number;
}

export interface TabLock {
  state(): LockState;
  /** Claims `key` for this tab, giving up any earlier one. Resolves true when this tab now edits it. */
  claim(key: string): Promise<boolean>;
  /**
   * Asks the holder to hand the project over (it saves first, then lets go) and
   * waits for the lock; takes it anyway when the holder does not answer in time.
   * Resolves true when this tab is the owner.
   */
  takeOver(): Promise<boolean>;
  /** Run by the owner before it lets another tab take over: write pending changes. */
  setHandOver(handOver: () => Promise<void>): void;
  /** The owner saved: tells the read-only tabs. */
  announceSaved(): void;
  /** No project any more: lets go of the lock. */
  release(): void;
  on<E extends keyof TabLockEvents>(event: E, listener: (...args: TabLockEvents[E]) => void): Unsubscribe;
  destroy(): void;
}

export const HAND_OVER_TIMEOUT_MS = 3000;

const lockName = (key: string) => `verbatim:project:${key}`;

/**
 * One editor per project across tabs and windows: a Web Lock named after the
 * project key is held for as long as this tab edits it, and a BroadcastChannel
 * carries the hand-over requests. The lock is released by the browser when the
 * tab closes or crashes, so a stale owner can never block the project.
 *
 * A read-only tab queues a request for the lock only to learn that the holder has
 * gone (then it lets go again at once): it does not take over by itself, because a
 * reload of the owner tab releases the lock for a moment, and a background tab that
 * grabbed it then would leave the tab the user works in read-only after its reload.
 */
export function createTabLock(options: TabLockOptions): TabLock {
  const { locks, channel, tabId } = options;
  const handOverTimeoutMs = options.handOverTimeoutMs ?? HAND_OVER_TIMEOUT_MS;
  const emitter = createEmitter<TabLockEvents>();
  let state: LockState = 'none';
  let key: string | null = null;
  /** Bumped by every claim and release: callbacks of an earlier claim see it changed and do nothing. */
  let generation = 0;
  let letGo: (() => void) | null = null;
  let watching: AbortController | null = null;
  let handOver: () => Promise<void> = () => Promise.resolve();
  let handingOver = false;

  const setState = (next: LockState) => {
    if (next === state) return;
    state = next;
    emitter.emit('state', next);
  };
  const post = (message: TabMessage) => {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel (the page is going away): nobody to tell.
    }
  };

  const stopWatching = () => {
    watching?.abort();
    watching = null;
  };

  /** Lets go of a held lock (the browser gives it to the next request in line). */
  const drop = () => {
    letGo?.();
    letGo = null;
  };

  /**
   * Requests the lock and, once granted, keeps it until `drop()`. Resolves true
   * when granted for the current claim, false when not available, aborted or stale.
   */
  const hold = (request: LockOptions): Promise<boolean> => {
    const mine = generation;
    const name = lockName(key!);
    return new Promise<boolean>((resolve) => {
      locks!
        .request(name, request, (lock) => {
          if (!lock || mine !== generation) {
            resolve(false);
            return undefined;
          }
          return new Promise<void>((release) => {
            letGo = release;
            resolve(true);
          });
        })
        .catch(() => {
          // Aborted while waiting, or stolen after it was granted: another tab took it without a hand-over.
          resolve(false);
          if (mine === generation && state === 'owner') {
            letGo = null;
            setState('taken-over');
            watch();
          }
        });
    });
  };

  /** While read-only: learn when nobody holds the lock any more. */
  const watch = () => {
    if (!locks || !key || watching) return;
    const mine = generation;
    const controller = new AbortController();
    watching = controller;
    locks
      .request(lockName(key), { signal: controller.signal }, () => {
        if (watching === controller) watching = null;
        if (mine === generation && (state === 'elsewhere' || state === 'taken-over')) setState('free');
        // Returned at once: this tab only looked, it does not keep the lock.
        return undefined;
      })
      .catch(() => undefined);
  };

  const becomeOwner = () => {
    setState('owner');
    post({ type: 'claimed', key: key!, from: tabId });
  };

  if (channel) {
    channel.onmessage = (event) => {
      const message = event.data;
      if (!message || message.key !== key || message.from === tabId) return;
      if (message.type === 'take-over' && state === 'owner' && !handingOver) {
        handingOver = true;
        const mine = generation;
        void handOver()
          .catch(() => undefined)
          .then(() => {
            handingOver = false;
            if (mine !== generation || state !== 'owner') return;
            setState('taken-over');
            drop();
            watch();
          });
      } else if (message.type === 'claimed' && state === 'free') {
        setState('elsewhere');
        watch();
      } else if (message.type === 'claimed' && state === 'owner' && !locks) {
        // Without Web Locks the last tab to claim edits; the stamps in storage guard the rest.
        setState('taken-over');
      } else if (message.type === 'saved' && state !== 'owner') {
        emitter.emit('saved');
      }
    };
  }

  const release = () => {
    generation++;
    stopWatching();
    drop();
    key = null;
    handingOver = false;
    setState('none');
  };

  return {
    state: () => state,
    async claim(next) {
      // The same project opened again here (Recent, a re-read): keep the lock. Letting go and asking
      // again would find it still held (the release is asynchronous) and turn this tab read-only.
      if (next === key && state === 'owner') {
        post({ type: 'claimed', key, from: tabId });
        return true;
      }
      release();
      key = next;
      const mine = generation;
      if (!locks) {
        becomeOwner();
        return true;
      }
      const granted = await hold({ ifAvailable: true });
      if (mine !== generation) return false;
      if (granted) {
        becomeOwner();
        return true;
      }
      setState('elsewhere');
      watch();
      return false;
    },
    async takeOver() {
      if (!key || state === 'none') return false;
      if (state === 'owner') return true;
      const mine = generation;
      if (!locks) {
        becomeOwner();
        return true;
      }
      stopWatching();
      post({ type: 'take-over', key, from: tabId });
      const waiting = new AbortController();
      const timer = setTimeout(() => waiting.abort(), handOverTimeoutMs);
      let granted = await hold({ signal: waiting.signal });
      clearTimeout(timer);
      // The holder did not answer (frozen, discarded, or busy for seconds): take the lock from it.
      if (!granted && mine === generation) granted = await hold({ steal: true });
      if (!granted || mine !== generation) return false;
      becomeOwner();
      return true;
    },
    setHandOver(next) {
      handOver = next;
    },
    announceSaved() {
      if (state === 'owner' && key) post({ type: 'saved', key, from: tabId });
    },
    release,
    on: (event, listener) => emitter.on(event, listener),
    destroy() {
      release();
      if (channel) {
        channel.onmessage = null;
        channel.close();
      }
      emitter.clear();
    },
  };
}

/** The browser's lock manager and a channel for this origin's tabs; either may be missing. */
export function createBrowserTabLock(tabId: string): TabLock {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? (new BroadcastChannel('verbatim:tabs') as unknown as TabChannel) : undefined;
  return createTabLock({ locks, channel, tabId });
}
