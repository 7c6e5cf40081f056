import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter.ts';

type Events = { tick: [n: number]; done: [] };

describe('createEmitter', () => {
  it('delivers typed arguments and unsubscribes', () => {
    const emitter = createEmitter<Events>();
    const listener = vi.fn();
    const off = emitter.on('tick', listener);
    emitter.emit('tick', 3);
    off();
    emitter.emit('tick', 4);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(3);
  });

  it('lets a listener unsubscribe itself mid-emit without skipping others', () => {
    const emitter = createEmitter<Events>();
    const second = vi.fn();
    const off = emitter.on('done', () => off());
    emitter.on('done', second);
    emitter.emit('done');
    emitter.emit('done');
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('clear removes everything', () => {
    const emitter = createEmitter<Events>();
    const listener = vi.fn();
    emitter.on('tick', listener);
    emitter.clear();
    emitter.emit('tick', 1);
    expect(listener).not.toHaveBeenCalled();
  });
});
