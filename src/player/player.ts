import WaveSurfer from 'wavesurfer.js';
import { createEmitter, type Unsubscribe } from './emitter.ts';

/** Events a player emits. */
export type PlayerEvents = {
  /** Every animation frame while playing, and after every seek. */
  timeupdate: [time: number];
  /** A seek (from the waveform, the keyboard or the transcript) finished moving the playhead. */
  seeked: [time: number];
  play: [];
  pause: [];
  /** The media's duration became known or changed. */
  duration: [seconds: number];
  rate: [rate: number];
  /** The audio was decoded for the waveform (not sent when precomputed peaks draw it). */
  decoded: [audio: AudioBuffer];
  /** The media element failed to load or decode the current source. */
  error: [message: string];
};

/**
 * The surface the app and the UI use to drive playback. The media element is
 * the only clock: `currentTime` is always read from it, never copied.
 */
export interface Player {
  play(): void;
  pause(): void;
  toggle(): void;
  isPlaying(): boolean;
  currentTime(): number;
  duration(): number;
  seek(seconds: number): void;
  skip(deltaSeconds: number): void;
  playbackRate(): number;
  setPlaybackRate(rate: number): void;
  /** Replaces the source; resolves once metadata is known, rejects with a readable message. */
  load(url: string, peaks?: { peaks: number[][]; duration: number }): Promise<void>;
  /** The decoded audio behind the waveform, or null (not decoded yet, or drawn from peaks). */
  decodedAudio(): AudioBuffer | null;
  on<E extends keyof PlayerEvents>(event: E, listener: (...args: PlayerEvents[E]) => void): Unsubscribe;
  destroy(): void;
  /**
   * The waveform, for other modules of `player/` only (regions, zoom, minimap);
   * null in fakes. Everything else goes through the methods above.
   */
  readonly wavesurfer: WaveSurfer | null;
}

export interface WaveformColors {
  wave: string;
  progress: string;
  cursor: string;
}

/**
 * Creates the one `<audio>` element of the document and hands it to wavesurfer
 * for the waveform. `container` receives the waveform; the audio element is
 * appended next to it, without controls.
 */
export function createPlayer(container: HTMLElement, colors: WaveformColors): Player {
  const media = document.createElement('audio');
  media.preload = 'auto';
  media.crossOrigin = 'anonymous';
  container.after(media);

  const wavesurfer = WaveSurfer.create({
    container,
    media,
    height: 72,
    waveColor: colors.wave,
    progressColor: colors.progress,
    cursorColor: colors.cursor,
    cursorWidth: 2,
    barWidth: 2,
    barGap: 1,
    barRadius: 2,
    normalize: true,
    dragToSeek: true,
  });

  const emitter = createEmitter<PlayerEvents>();
  // With precomputed peaks wavesurfer's "decoded data" is the peaks themselves, not audio.
  let drawnFromPeaks = false;
  const decodedAudio = () => (drawnFromPeaks ? null : wavesurfer.getDecodedData());
  const subscriptions: Unsubscribe[] = [];
  const listen = <K extends keyof HTMLMediaElementEventMap>(type: K, handler: () => void) => {
    media.addEventListener(type, handler);
    subscriptions.push(() => media.removeEventListener(type, handler));
  };

  subscriptions.push(
    wavesurfer.on('timeupdate', (time) => emitter.emit('timeupdate', time)),
    wavesurfer.on('decode', () => {
      const audio = decodedAudio();
      if (audio) emitter.emit('decoded', audio);
    }),
    wavesurfer.on('error', (error) => emitter.emit('error', describeLoadError(error))),
  );
  listen('play', () => emitter.emit('play'));
  listen('pause', () => emitter.emit('pause'));
  listen('seeked', () => {
    emitter.emit('timeupdate', media.currentTime);
    emitter.emit('seeked', media.currentTime);
  });
  listen('durationchange', () => {
    if (Number.isFinite(media.duration)) emitter.emit('duration', media.duration);
  });
  listen('ratechange', () => emitter.emit('rate', media.playbackRate));

  const clampTime = (seconds: number) => {
    const end = Number.isFinite(media.duration) ? media.duration : Infinity;
    return Math.min(Math.max(0, seconds), end);
  };

  return {
    wavesurfer,
    play: () => {
      media.play().catch((error: unknown) => {
        // A pause() racing a play() is normal; anything else is worth telling the user.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        emitter.emit('error', `playback could not start: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
    pause: () => media.pause(),
    toggle() {
      if (media.paused) this.play();
      else media.pause();
    },
    isPlaying: () => !media.paused && !media.ended,
    currentTime: () => media.currentTime,
    duration: () => (Number.isFinite(media.duration) ? media.duration : 0),
    seek: (seconds) => {
      media.currentTime = clampTime(seconds);
      // Paused seeks also move the highlight right away, before `seeked` arrives.
      emitter.emit('timeupdate', media.currentTime);
    },
    skip: (delta) => {
      media.currentTime = clampTime(media.currentTime + delta);
      emitter.emit('timeupdate', media.currentTime);
    },
    playbackRate: () => media.playbackRate,
    setPlaybackRate: (rate) => wavesurfer.setPlaybackRate(rate, true),
    async load(url, peaks) {
      drawnFromPeaks = peaks !== undefined;
      try {
        await wavesurfer.load(url, peaks?.peaks, peaks?.duration);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        throw new Error(describeLoadError(error), { cause: error });
      }
    },
    decodedAudio,
    on: (event, listener) => emitter.on(event, listener),
    destroy() {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      emitter.clear();
      wavesurfer.destroy();
      media.remove();
    },
  };
}

/** Turns media and decode failures into a sentence a person can act on. */
export function describeLoadError(error: unknown): string {
  if (typeof MediaError !== 'undefined' && error instanceof MediaError) return mediaErrorText(error.code);
  const message = error instanceof Error ? error.message : String(error);
  if (/decod/i.test(message) || /EncodingError/.test(String(error))) {
    return 'the browser could not decode this audio (the file may be damaged or in an unsupported codec)';
  }
  if (/fetch|network|Failed to load/i.test(message)) return `the audio could not be downloaded (${message})`;
  return message;
}

export function mediaErrorText(code: number): string {
  switch (code) {
    case 1:
      return 'loading the audio was aborted';
    case 2:
      return 'a network error stopped the audio from loading';
    case 3:
      return 'the browser could not decode this audio (the file may be damaged)';
    case 4:
      return 'this audio format is not supported by the browser, or the file is not audio';
    default:
      return 'the audio could not be played';
  }
}
