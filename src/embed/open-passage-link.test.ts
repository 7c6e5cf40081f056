import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPassageLink } from './open-passage-link.ts';

/** The part of the player a passage link uses, with a clock the test moves. */
function fakePlayer() {
  const listeners = new Map<string, Set<(time: number) => void>>();
  const state = { time: 0, playing: false };
  const player = {
    seek: (time: number) => void (state.time = time),
    play: () => void (state.playing = true),
    pause: () => void (state.playing = false),
    isPlaying: () => state.playing,
    currentTime: () => state.time,
    playbackRate: () => 1,
    on: ((event: string, listener: (time: number) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    }) as never,
  };
  const emit = (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener(state.time);
  };
  return { player, state, emit };
}

/** The passage `#t=3,5` opened on a fake player. */
function openedPassage() {
  const opened = fakePlayer();
  openPassageLink(opened.player, '#t=3,5', document);
  return opened;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('openPassageLink', () => {
  it('plays from the start and stops at the end on time updates', () => {
    const { state, emit } = openedPassage();
    expect(state).toEqual({ time: 3, playing: true });
    state.time = 4.9;
    emit('timeupdate');
    expect(state.playing).toBe(true);
    state.time = 5.01;
    emit('timeupdate');
    expect(state.playing).toBe(false);
  });

  it('stops at the end even when time updates stop coming (a busy page)', () => {
    const { state, emit } = openedPassage();
    state.time = 3.5;
    emit('timeupdate');
    vi.advanceTimersByTime(1000);
    expect(state.playing).toBe(true);
    state.time = 5.002;
    vi.advanceTimersByTime(600);
    expect(state.playing).toBe(false);
  });

  it('lets go of the passage when the reader seeks elsewhere', () => {
    const { state, emit } = openedPassage();
    state.time = 20;
    emit('seeked');
    emit('timeupdate');
    vi.advanceTimersByTime(5000);
    expect(state.playing).toBe(true);
  });
});
