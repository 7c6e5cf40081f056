import WaveSurfer, { type WaveSurferOptions } from 'wavesurfer.js';
import { createEmitter, type Unsubscribe } from './emitter.ts';
import { faultClause, mediaFaultOf, truncationFault, type MediaFault } from './media-fault.ts';
import { PADDED_COLUMNS, paddedPeaks } from './padded-peaks.ts';
import type { DrawablePeaks } from './peaks.ts';
import { needsFull, peakLevels, type PeakLevels } from './peak-levels.ts';

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
  /**
   * The current source failed after it was loaded (playing, seeking), playback
   * was refused, or decoding showed the file is cut short. Failures of `load()`
   * itself reject its promise instead. {@link describeMediaFault} makes the sentence.
   */
  error: [fault: MediaFault];
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
  /** Replaces the source; resolves once metadata is known, rejects with a {@link MediaLoadError}. */
  load(url: string, peaks?: DrawablePeaks): Promise<void>;
  /**
   * Before the first `load` only (nothing is open yet): the media element starts reading
   * `url`'s metadata now, while the transcript is still read, and `load(url)` then keeps it.
   * `null` drops a prepared source that was not loaded after all (the load failed).
   */
  prepare(url: string | null): void;
  /** The decoded audio behind the waveform, or null (not decoded yet, or drawn from peaks). */
  decodedAudio(): AudioBuffer | null;
  /**
   * Draws the waveform at `pxPerSec` (0: the whole file across the width), with `options`
   * (height, maxPeak) in the same render, from the peaks that zoom needs: an overview of a
   * few thousand values for the whole file, every value when zoomed in. For player/ modules
   * (zoom), like `wavesurfer`.
   */
  drawAt(pxPerSec: number, options?: Pick<Partial<WaveSurferOptions>, 'height' | 'maxPeak'>): void;
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
 * Creates the one `<audio>` element of the document (or adopts `given`, which may already
 * be reading a source: that counts as `prepare`d) and hands it to wavesurfer for the
 * waveform. `container` receives the waveform; the audio element is appended next to it,
 * without controls.
 */
export function createPlayer(container: HTMLElement, colors: WaveformColors, given?: HTMLAudioElement): Player {
  const media = given ?? document.createElement('audio');
  media.preload = 'auto';
  media.crossOrigin = 'anonymous';
  media.controls = false;
  container.after(media);

  const wavesurfer = WaveSurfer.create({
    container,
    // Created with an element that has a source, wavesurfer would fetch and decode it by itself: it gets that one after.
    media: given ? document.createElement('audio') : media,
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

  if (given) wavesurfer.setMediaElement(media);
  const emitter = createEmitter<PlayerEvents>();
  // With precomputed peaks wavesurfer's "decoded data" is the peaks themselves, not audio.
  let drawnFromPeaks = false;
  // load() reports its own failures; the error event is for what goes wrong afterwards.
  let loading = 0;
  /** The source whose load() failed: the element's own error for it, arriving later, is that same failure. */
  let failedUrl: string | null = null;
  /** Where the readable audio ends when the file is cut short; seeking stops there. */
  let readableEnd = Infinity;
  /** The decoded audio itself (wavesurfer's copy becomes padded peaks for a cut-short file). */
  let decoded: AudioBuffer | null = null;
  /** What the waveform is drawn from, and whether wavesurfer holds the full data now (else the overview). */
  let levels: PeakLevels | null = null;
  let drawingFull = false;
  /** Whether the current zoom needs every value (wavesurfer holds `full` when this is true). */
  const wantsFull = (pxPerSec = wavesurfer.options.minPxPerSec || 0) => levels !== null && pxPerSec > 0 && needsFull(levels, pxPerSec, window.devicePixelRatio);
  /** Hands wavesurfer the other level to draw from (one render, of what is on screen). */
  const drawFrom = (level: 'full' | 'overview') => {
    if (!levels) return;
    drawingFull = level === 'full';
    wavesurfer.setOptions({ peaks: levels[level], duration: levels.duration });
    // Kept out of the options, so a later load or setOptions never falls back on them.
    delete wavesurfer.options.peaks;
    delete wavesurfer.options.duration;
  };
  const decodedAudio = () => decoded;
  /** The source `prepare` set (or the adopted element came with) and no `load` took over yet. */
  let prepared: string | null = media.getAttribute('src') ? media.src : null;
  const absolute = (url: string) => {
    try {
      return new URL(url, document.baseURI).href;
    } catch {
      return url;
    }
  };
  const subscriptions: Unsubscribe[] = [];
  const listen = <K extends keyof HTMLMediaElementEventMap>(type: K, handler: () => void) => {
    media.addEventListener(type, handler);
    subscriptions.push(() => media.removeEventListener(type, handler));
  };

  subscriptions.push(
    wavesurfer.on('timeupdate', (time) => emitter.emit('timeupdate', time)),
    wavesurfer.on('decode', () => {
      const audio = drawnFromPeaks ? null : wavesurfer.getDecodedData();
      if (!audio || audio === decoded) return;
      decoded = audio;
      emitter.emit('decoded', audio);
      // A cut-off file still states its full length (an MP3's Xing header), but decodes to what is there.
      const truncated = truncationFault(media.duration, audio.duration);
      if (!truncated) {
        // Minutes of decoded samples are millions of values: the render that follows this event draws the overview.
        levels = peakLevels([audio.getChannelData(0)], audio.duration);
        drawingFull = wantsFull();
        if (!drawingFull && levels.overview[0] !== levels.full[0]) drawFrom('overview');
        return;
      }
      levels = null;
      readableEnd = audio.duration;
      // Draw what was read where it belongs on the clock, silence after, instead of stretched across.
      const readable = wavesurfer.exportPeaks({ channels: 1, maxLength: PADDED_COLUMNS })[0] ?? [];
      wavesurfer.setOptions({ peaks: [paddedPeaks(readable, audio.duration, media.duration)], duration: media.duration });
      delete wavesurfer.options.peaks;
      delete wavesurfer.options.duration;
      emitter.emit('error', truncated);
    }),
    wavesurfer.on('error', (error) => {
      // A prepared source that fails is reported by the load() that takes it (or dropped by prepare(null)).
      if (loading > 0 || (failedUrl !== null && media.src === failedUrl) || (prepared !== null && media.src === prepared)) return;
      // Wavesurfer turns a MediaError into a plain Error and drops its code; the element still has it.
      emitter.emit('error', mediaFaultOf(media.error ?? error));
    }),
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
    const end = Math.min(readableEnd, Number.isFinite(media.duration) ? media.duration : Infinity);
    return Math.min(Math.max(0, seconds), end);
  };

  return {
    wavesurfer,
    play: () => {
      media.play().catch((error: unknown) => {
        // A pause() racing a play() is normal; anything else is worth telling the user.
        if (error instanceof DOMException && error.name === 'AbortError') return;
        emitter.emit('error', mediaFaultOf(error));
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
    prepare(url) {
      if (url === null) {
        if (prepared && media.src === prepared) {
          media.removeAttribute('src');
          media.load();
        }
        prepared = null;
        return;
      }
      if (media.getAttribute('src')) return;
      prepared = absolute(url);
      media.src = prepared;
    },
    async load(givenUrl, peaks) {
      // wavesurfer keeps a source it is given again only when the URL is the element's own (absolute) one.
      const url = absolute(givenUrl);
      const wasPrepared = prepared === url;
      prepared = null;
      failedUrl = null;
      if (media.error && media.src === url) {
        // The prepared source failed already (wavesurfer keeps it, and no error event comes again): so does this load.
        if (wasPrepared) {
          failedUrl = url;
          throw new MediaLoadError(mediaFaultOf(media.error), media.error);
        }
        // Asked again after it failed (the file may be there now): read it afresh instead of keeping the old error.
        // (Wavesurfer keeps the element's source as it is, so the element restarts on it.)
        media.load();
      }
      drawnFromPeaks = peaks !== undefined;
      readableEnd = Infinity;
      decoded = null;
      levels = peaks ? peakLevels(peaks.peaks, peaks.duration, peaks.overview) : null;
      drawingFull = wantsFull();
      loading++;
      // The element may fail before wavesurfer settles (it then waits for metadata that never comes).
      let stopWatching = () => undefined as void;
      const mediaFailed = new Promise<never>((_, reject) => {
        const onError = () => reject(media.error ?? new Error('media error'));
        media.addEventListener('error', onError, { once: true });
        stopWatching = () => media.removeEventListener('error', onError);
      });
      try {
        await Promise.race([wavesurfer.load(url, levels ? levels[drawingFull ? 'full' : 'overview'] : undefined, levels?.duration), mediaFailed]);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        failedUrl = url;
        throw new MediaLoadError(mediaFaultOf(media.error ?? error), error);
      } finally {
        stopWatching();
        loading--;
      }
    },
    decodedAudio,
    drawAt(pxPerSec, options = {}) {
      const full = wantsFull(pxPerSec);
      const zoom = () => (options.height === undefined && options.maxPeak === undefined ? wavesurfer.zoom(pxPerSec) : wavesurfer.setOptions({ ...options, minPxPerSec: pxPerSec }));
      // Every render draws only what is on screen: finer data after zooming in, coarser before zooming out.
      if (full && !drawingFull) {
        zoom();
        drawFrom('full');
      } else if (!full && drawingFull) {
        drawFrom('overview');
        zoom();
      } else zoom();
    },
    on: (event, listener) => emitter.on(event, listener),
    destroy() {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      emitter.clear();
      wavesurfer.destroy();
      media.remove();
    },
  };
}

/** A failed `load()`: `fault` says why; the message is that reason as a clause to follow the file name. */
export class MediaLoadError extends Error {
  readonly fault: MediaFault;
  constructor(fault: MediaFault, cause?: unknown) {
    super(faultClause(fault), { cause });
    this.name = 'MediaLoadError';
    this.fault = fault;
  }
}

/** Any media or decode failure as a clause a person can act on (never the browser's raw message). */
export function describeLoadError(error: unknown): string {
  return faultClause(mediaFaultOf(error));
}

/** A MediaError code as a clause; the loader's probe uses it before a load. */
export function mediaErrorText(code: number): string {
  return faultClause(mediaFaultOf({ code, MEDIA_ERR_ABORTED: 1, message: '' }));
}
