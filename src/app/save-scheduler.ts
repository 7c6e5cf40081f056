/** The clock a scheduler reads and sets timers on; tests pass a fake one. */
export interface SchedulerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SaveScheduler {
  /** A change happened: run the job after `delayMs` of quiet, and at most `maxWaitMs` after the first unsaved change. */
  poke(): void;
  /** Forget the pending run (the job is being run now, or the session ended). */
  cancel(): void;
  pending(): boolean;
}

/** Debounce with a ceiling, on an injected clock: one job only, no knowledge of what it saves. */
export function createSaveScheduler(run: () => void, options: { delayMs: number; maxWaitMs: number; clock?: SchedulerClock }): SaveScheduler {
  const clock = options.clock ?? systemClock;
  let timer: unknown = null;
  let firstChangeAt: number | null = null;
  const cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    firstChangeAt = null;
  };
  return {
    poke() {
      const time = clock.now();
      firstChangeAt ??= time;
      if (timer !== null) clock.clearTimeout(timer);
      const wait = Math.max(0, Math.min(options.delayMs, firstChangeAt + options.maxWaitMs - time));
      timer = clock.setTimeout(() => {
        timer = null;
        firstChangeAt = null;
        run();
      }, wait);
    },
    cancel,
    pending: () => timer !== null,
  };
}
