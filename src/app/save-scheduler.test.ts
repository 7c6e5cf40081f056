import { describe, expect, it } from 'vitest';
import { createSaveScheduler } from './save-scheduler.ts';
import { manualClock } from '../../test/support/manual-clock.ts';

describe('save scheduler', () => {
  it('runs after the quiet delay, on the injected clock', () => {
    const { clock, advance } = manualClock();
    let runs = 0;
    const scheduler = createSaveScheduler(() => runs++, { delayMs: 40, maxWaitMs: 80, clock });
    scheduler.poke();
    advance(39);
    expect(runs).toBe(0);
    advance(1);
    expect(runs).toBe(1);
  });

  it('runs by the ceiling however often it is poked', () => {
    const { clock, advance } = manualClock();
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
    const { clock, advance, pending } = manualClock();
    let runs = 0;
    const scheduler = createSaveScheduler(() => runs++, { delayMs: 40, maxWaitMs: 80, clock });
    scheduler.poke();
    scheduler.cancel();
    expect(pending()).toBe(0);
    advance(200);
    expect(runs).toBe(0);
  });
});
