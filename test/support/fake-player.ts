import { createEmitter } from '../../src/player/emitter.ts';
import type { Player, PlayerEvents } from '../../src/player/player.ts';

/** A Player without media: tests move its clock by hand with `advance`/`seek`. */
export interface FakePlayer extends Player {
  /** Sets the clock and emits `timeupdate`, as a playing media element would each frame. */
  tick(time: number): void;
  seeks: number[];
}

export function createFakePlayer(duration = 100): FakePlayer {
  const emitter = createEmitter<PlayerEvents>();
  let time = 0;
  let playing = false;
  let rate = 1;
  const seeks: number[] = [];
  const setTime = (next: number) => {
    time = Math.min(Math.max(0, next), duration);
    emitter.emit('timeupdate', time);
  };
  return {
    wavesurfer: null,
    decodedAudio: () => null,
    drawAt: () => undefined,
    prepare: () => undefined,
    seeks,
    tick: setTime,
    play() {
      playing = true;
      emitter.emit('play');
    },
    pause() {
      playing = false;
      emitter.emit('pause');
    },
    toggle() {
      if (playing) this.pause();
      else this.play();
    },
    isPlaying: () => playing,
    currentTime: () => time,
    duration: () => duration,
    seek(seconds) {
      seeks.push(seconds);
      setTime(seconds);
      emitter.emit('seeked', time);
    },
    skip(delta) {
      this.seek(time + delta);
    },
    playbackRate: () => rate,
    setPlaybackRate(next) {
      rate = next;
      emitter.emit('rate', next);
    },
    load: async () => {
      emitter.emit('duration', duration);
    },
    on: (event, listener) => emitter.on(event, listener),
    destroy: () => emitter.clear(),
  };
}
