import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTimeIndex } from '../transcript/time-index.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { createReadAlong } from './read-along.ts';

/** A media element whose clock the test moves; `paused`, `play` and `pause` behave like the real one. */
function fakeAudio() {
  const audio = document.createElement('audio');
  const state = { time: 0, paused: true };
  Object.defineProperties(audio, {
    currentTime: { get: () => state.time, set: (value: number) => void (state.time = value) },
    paused: { get: () => state.paused },
    readyState: { get: () => 4 },
    playbackRate: { get: () => 1 },
  });
  audio.play = async () => {
    state.paused = false;
    audio.dispatchEvent(new Event('playing'));
  };
  audio.pause = () => {
    state.paused = true;
  };
  return { audio, state };
}

afterEach(() => vi.useRealTimers());

describe('createReadAlong', () => {
  it('stops a passage at its end even when no frame comes (a busy page)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const { audio, state } = fakeAudio();
    const scroller = document.createElement('div');
    const list = document.createElement('ol');
    scroller.append(list);
    document.body.append(scroller, audio);
    const transcript = transcriptOf(timedTurn('One two three four.', 0));
    const readAlong = createReadAlong({ audio, scroller, list }, buildTimeIndex(transcript), { time: () => undefined, active: () => undefined, following: () => undefined });

    await readAlong.playPassage({ start: 1, end: 2 });
    expect(state.paused).toBe(false);
    state.time = 1.6;
    vi.advanceTimersByTime(600);
    expect(state.paused).toBe(false);
    state.time = 2.001;
    vi.advanceTimersByTime(400);
    expect(state.paused).toBe(true);
    readAlong.destroy();
    vi.unstubAllGlobals();
  });
});
