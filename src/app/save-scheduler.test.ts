import { describe, expect, it } from 'vitest';
import { createSaveScheduler, type SchedulerClock } from './save-scheduler.ts';

function fakeClock() {
  let time = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const clock: SchedulerClock = {
    now: () => time,
    setTimeout: (run, ms) => {
      timers.set(next, { at: time + ms, run });
      return next++;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    for (let step = 0; step < ms; step++) {
      time++;
      for (const [id, timer] of [...timers]) {
        if (timer.at > time) continue;
        timers.delete(id);
        timer.run();
      }
    }
  };
  return { clock, advance, pending: () => timers.size };
}

describe('save scheduler', () => {
  it('runs after the quiet delay, on the injected clock', () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    const scheduler = createSaveScheduler(() => runs++, { delayMs: 40, maxWaitMs: 80, clock });
    scheduler.poke();
    advance(39);
    expect(runs).toBe(0);
    advance(1);
    expect(runs).toBe(1);
  });

  it('runs by the ceiling however often it is poked', () => {
    const { clock, advance } = fakeClock();
    const at: number[] = [];
    const scheduler = createSaveScheduler(() => at.push(clock.now()), { delayMs: 40, maxWaitMs: 80, clock });
    for (let i = 0; i < 20; i++) {
      scheduler.poke();
      advance(10);
    }
    expect(at[0]).toBe(80);
    expect(at[1]).toBe(160);
  });

  it('cancel leaves no timer behind', () => {
    const { clock, advance, pending } = fakeClock();
    let runs = 0;
    const scheduler = createSaveScheduler(() => runs++, { delayMs: 40, maxWaitMs: 80, clock });
    scheduler.poke();
    scheduler.cancel();
    expect(pending()).toBe(0);
    advance(200);
    expect(runs).toBe(0);
  });
});
