import type { SchedulerClock } from '../../src/app/save-scheduler.ts';

/**
 * A clock whose timers run only when the test advances it, in time order, each with
 * `now()` at its own due time (a timer set by another timer runs too if it falls due
 * within the same advance). `pending()` counts the timers still waiting.
 */
export function manualClock() {
  let time = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: SchedulerClock = {
    now: () => time,
    setTimeout: (run, ms) => {
      timers.set(next, { at: time + Math.max(0, ms), run });
      return next++;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const until = time + ms;
    for (;;) {
      let due: [number, { at: number; run: () => void }] | undefined;
      for (const entry of timers) if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      timers.delete(due[0]);
      time = Math.max(time, due[1].at);
      due[1].run();
    }
    time = until;
  };
  return {
    clock,
    advance,
    pending: () => timers.size,
    /** `advance`, then lets the promises the timers started settle (the autosave's writes). */
    async advanceAndSettle(ms: number) {
      advance(ms);
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}
