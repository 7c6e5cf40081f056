import { definePlugin } from 'wavesurfer.js/dist/define-plugin.js';
import { envelopeInChunks } from './peak-envelope.ts';

/** Columns of the envelope; more than any screen is wide. */
const ENVELOPE_BUCKETS = 3000;

export interface Envelope {
  peaks: Float32Array;
  duration: number;
}

export interface EnvelopeApi {
  /** The current audio's envelope, or null when there is no audio or it changed meanwhile. */
  envelope(): Promise<Envelope | null>;
  /**
   * `maxPeak` for the next render: the true one once known; until then 1, so
   * the render does not scan the whole file (it is corrected when the envelope is done).
   */
  peakOption(): { maxPeak?: number };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The decoded audio's peak envelope, computed once per audio in the background
 * as soon as it is decoded. It feeds the minimap and gives wavesurfer its
 * `maxPeak`: with `normalize` on and no `maxPeak`, wavesurfer scans every
 * sample on every render, which is 200 ms per zoom step on a three-hour file.
 */
export const EnvelopePlugin = definePlugin<Record<string, never>, { destroy: [] }, EnvelopeApi>('verbatim-envelope', ({ wavesurfer, scope }) => {
  let audio: AudioBuffer | null = null;
  let pending: Promise<Envelope | null> = Promise.resolve(null);
  let controller: AbortController | null = null;
  let peakWasOurs = false;
  let knownPeak: number | null = null;

  /**
   * Computed once per load, from whichever data wavesurfer holds first. The player swaps that
   * data between an overview and every value as the zoom needs (`setOptions({ peaks })`), which
   * replaces wavesurfer's decoded buffer with another of the same audio: that keeps the envelope.
   */
  let loads = 0;
  const start = () => {
    const decoded = wavesurfer.getDecodedData();
    if (!decoded || audio !== null) return;
    const load = loads;
    const current = new AbortController();
    controller = current;
    audio = decoded;
    pending = envelopeInChunks(decoded.getChannelData(0), ENVELOPE_BUCKETS, nextTask, current.signal).then(
      (peaks) => {
        if (load !== loads) return null;
        knownPeak = peaks.reduce((max, value) => Math.max(max, value), 0) || 1;
        if (wavesurfer.options.normalize && (wavesurfer.options.maxPeak === undefined || peakWasOurs)) {
          const provisional = wavesurfer.options.maxPeak !== undefined;
          peakWasOurs = true;
          // Set quietly for later renders; re-render only when something was drawn with the provisional peak.
          if (provisional && wavesurfer.options.maxPeak !== knownPeak) wavesurfer.setOptions({ maxPeak: knownPeak });
          else wavesurfer.options.maxPeak = knownPeak;
        }
        return { peaks, duration: decoded.duration };
      },
      () => null,
    );
  };

  scope.add(wavesurfer.on('decode', start));
  scope.add(wavesurfer.on('ready', start));
  scope.add(
    wavesurfer.on('load', () => {
      loads++;
      controller?.abort();
      audio = null;
      pending = Promise.resolve(null);
      // The next audio has its own loudest sample.
      if (peakWasOurs) delete wavesurfer.options.maxPeak;
      peakWasOurs = false;
      knownPeak = null;
    }),
  );
  scope.add(() => controller?.abort());
  start();

  return {
    envelope() {
      start();
      return pending;
    },
    peakOption() {
      if (!wavesurfer.options.normalize || (wavesurfer.options.maxPeak !== undefined && !peakWasOurs)) return {};
      peakWasOurs = true;
      return { maxPeak: knownPeak ?? 1 };
    },
  };
});
