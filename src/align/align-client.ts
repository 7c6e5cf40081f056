import type { Transcript } from '../transcript/model.ts';
import type { AlignRequest, AlignResponse, AlignStage } from './align-messages.ts';
import type { AlignAudio, AlignOutcome, PendingPass } from './align-outcome.ts';
import { audioBufferToMono, decodeAudioFile } from './browser-decode.ts';

/**
 * Main-thread side of in-browser alignment. All heavy work (wasm, models,
 * decoding search) runs in one lazily started Web Worker; this file only
 * decodes the audio file (the browser does that off the main thread),
 * transfers the PCM and turns worker messages into a promise plus progress.
 */
export interface AlignClient {
  align(audio: AlignInput, transcript: Transcript, options?: AlignRunOptions): AlignJob;
  /** Stops the worker; pending jobs reject. The client starts a new worker if used again. */
  dispose(): void;
}

/**
 * Audio to align: an encoded file (decoded here), a decoded AudioBuffer, or
 * mono PCM. PCM samples are transferred to the worker: afterwards
 * `samples.buffer` is detached in the caller; pass a copy to keep it.
 */
export type AlignInput = Blob | ArrayBuffer | AudioBuffer | AlignAudio;

export interface AlignRunOptions {
  /** BCP-47 tag; defaults to the transcript's language, then `en`. */
  language?: string;
  /** Times from the speech pauses only, no acoustic model (see AlignOptions.estimateOnly). */
  estimateOnly?: boolean;
  onProgress?: (progress: AlignClientProgress) => void;
}

export interface AlignClientProgress {
  /** 0..1 of the whole job, all stages together; grows monotonically. */
  fraction: number;
  /** Seconds left, or `null` while there is nothing to estimate from yet. */
  etaSec: number | null;
  stage: AlignClientStage;
}

/** `decoding audio` happens on the main thread (in the browser's decoder); the rest in the worker. */
export type AlignClientStage = 'decoding audio' | AlignStage;

export interface AlignJob {
  /** The outcome; rejects with an `AbortError` DOMException after `cancel()`, with an Error on failure. */
  promise: Promise<AlignOutcome>;
  /** Stops the job at once (the promise rejects immediately); a no-op once settled. */
  cancel(): void;
}

export interface AlignClientOptions {
  /** Directory of the model manifest; default `<Vite base>align-model/` on this page's origin. */
  modelBaseUrl?: string;
  /** Starts the worker; the default is the bundled `align-worker.ts`. */
  createWorker?: () => Worker;
  /** How long a cancelled job may take to acknowledge before the worker is terminated. */
  cancelGraceMs?: number;
}

/** Where each stage sits in the overall fraction; aligning dominates the wall time. */
const STAGE_SPAN: Record<AlignClientStage, [number, number]> = {
  'decoding audio': [0, 0.05],
  'loading model': [0.05, 0.15],
  aligning: [0.15, 1],
};

export function createAlignClient(options: AlignClientOptions = {}): AlignClient {
  const createWorker =
    options.createWorker ?? (() => new Worker(new URL('./align-worker.ts', import.meta.url), { type: 'module', name: 'verbatim-align' }));
  const cancelGraceMs = options.cancelGraceMs ?? 1000;
  const modelBaseUrl = options.modelBaseUrl ?? new URL(`${import.meta.env.BASE_URL}align-model/`, globalThis.location.href).href;
  const jobs = new Map<number, (response: AlignResponse) => void>();
  let worker: Worker | undefined;
  let nextId = 1;

  function ensureWorker(): Worker {
    if (worker !== undefined) return worker;
    const started = createWorker();
    started.onmessage = (event: MessageEvent<AlignResponse>) => jobs.get(event.data.id)?.(event.data);
    started.onerror = (event) => {
      event.preventDefault();
      restart(`the alignment worker failed: ${event.message || 'it could not be started'}`);
    };
    worker = started;
    return started;
  }

  /** Terminates the worker and fails every job still waiting on it. */
  function restart(reason: string): void {
    worker?.terminate();
    worker = undefined;
    for (const [id, settle] of [...jobs]) settle({ type: 'error', id, message: reason });
  }

  function align(audio: AlignInput, transcript: Transcript, runOptions: AlignRunOptions = {}): AlignJob {
    const id = nextId++;
    const progress = progressReporter(runOptions.onProgress);
    let settled = false;
    let posted = false;
    let resolve!: (outcome: AlignOutcome) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<AlignOutcome>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const finish = () => {
      settled = true;
      progress.stop();
      jobs.delete(id);
    };

    jobs.set(id, (response) => {
      if (response.type === 'progress') {
        progress(response.stage, response.fraction, response.pending);
        return;
      }
      finish();
      if (response.type === 'done') resolve(response.outcome);
      else if (response.type === 'error') reject(new Error(response.message));
    });

    const cancel = () => {
      if (settled) return;
      progress.stop();
      reject(new DOMException('alignment cancelled', 'AbortError'));
      if (!posted) {
        finish();
        return;
      }
      settled = true;
      // The job's entry stays until the worker acknowledges; a worker stuck in
      // a long synchronous step cannot read the message, so it is replaced.
      const current = worker;
      current?.postMessage({ type: 'cancel', id } satisfies AlignRequest);
      const timer = setTimeout(() => {
        if (jobs.has(id) && worker === current) restart('the alignment worker was restarted to cancel a job');
        jobs.delete(id);
      }, cancelGraceMs);
      jobs.set(id, (response) => {
        if (response.type === 'progress') return;
        clearTimeout(timer);
        jobs.delete(id);
      });
    };

    // The worker starts loading the model while this thread decodes the audio.
    const language = runOptions.language ?? transcript.language ?? 'en';
    const estimateOnly = runOptions.estimateOnly === true;
    if (!estimateOnly) ensureWorker().postMessage({ type: 'prepare', id, language, modelBaseUrl } satisfies AlignRequest);
    void (async () => {
      try {
        const pcm = await toPcm(audio, (fraction) => progress('decoding audio', fraction));
        if (settled) return;
        progress('decoding audio', 1);
        const request: AlignRequest = { type: 'align', id, audio: pcm, transcript, language, modelBaseUrl, ...(estimateOnly ? { estimateOnly } : {}) };
        ensureWorker().postMessage(request, [pcm.samples.buffer]);
        posted = true;
      } catch (error) {
        if (settled) return;
        finish();
        reject(error instanceof Error ? new Error(`cannot decode the audio: ${error.message}`) : error);
      }
    })();

    return { promise, cancel };
  }

  return {
    align,
    dispose() {
      restart('the alignment client was disposed');
    },
  };
}

async function toPcm(audio: AlignInput, onProgress: (fraction: number) => void): Promise<AlignAudio> {
  onProgress(0);
  if (audio instanceof Blob || audio instanceof ArrayBuffer) return decodeAudioFile(audio);
  if (typeof AudioBuffer !== 'undefined' && audio instanceof AudioBuffer) return audioBufferToMono(audio);
  return audio as AlignAudio;
}

/** How often progress is shown while a decoder pass runs in the worker. */
const PASS_TICK_MS = 50;
/** Wall seconds per second of audio assumed for the first pass, before one was measured (decoding runs at 30-60× real time). */
const FIRST_PASS_PACE = 1 / 30;
/** Inside a pass the shown fraction stops this share of the way to where the pass should end: the window's commit moves it on. */
const PASS_CAP = 0.9;

/** Runs `tick` every `ms` until the returned function is called. */
export type Ticker = (ms: number, tick: () => void) => () => void;

const intervalTicker: Ticker = (ms, tick) => {
  const handle = setInterval(tick, ms);
  return () => clearInterval(handle);
};

export interface ProgressReporter {
  (stage: AlignClientStage, stageFraction: number, pending?: PendingPass): void;
  /** Stops showing progress inside a pass (the job settled). */
  stop(): void;
}

/**
 * Turns per-stage fractions into one growing fraction with an estimate of the
 * time left. Decoding and model loading overlap, so the stage shown is the
 * furthest one reached. The estimate extrapolates the aligning stage's own
 * pace (nearly linear in audio time); the short stages before it have none.
 *
 * The worker reports once per decoded window (~25-30 s of audio): a decoder
 * pass is one synchronous wasm call with no callback, and feeding it smaller
 * pieces changes its feature normalisation and so the words it finds. So
 * while a pass runs (`pending`), this thread moves the fraction on every
 * PASS_TICK_MS at the pace measured on this job's earlier passes (wall time
 * per second of audio), never past PASS_CAP of the way to the pass's end; the
 * worker's next report moves it to where the work really is.
 */
export function progressReporter(
  onProgress: ((progress: AlignClientProgress) => void) | undefined,
  now: () => number = () => performance.now(),
  ticker: Ticker = intervalTicker,
): ProgressReporter {
  const order = Object.keys(STAGE_SPAN) as AlignClientStage[];
  let shownStage: AlignClientStage = order[0]!;
  let fraction = 0;
  let etaSec: number | null = null;
  let aligningSince: number | undefined;
  let aligningFrom = 0;
  let pass: { start: number; from: number; to: number; audioSeconds: number } | undefined;
  let stopTicking: (() => void) | undefined;
  let passMs = 0;
  let passAudio = 0;
  const emit = () => onProgress?.({ fraction, etaSec, stage: shownStage });
  const endPass = () => {
    stopTicking?.();
    stopTicking = undefined;
    if (pass === undefined) return;
    passMs += now() - pass.start;
    passAudio += pass.audioSeconds;
    pass = undefined;
  };
  const tick = () => {
    if (pass === undefined) return;
    const expectedMs = pass.audioSeconds * (passAudio > 0 ? passMs / passAudio : FIRST_PASS_PACE * 1000);
    const share = Math.min(PASS_CAP, (now() - pass.start) / Math.max(1, expectedMs));
    const shown = pass.from + (pass.to - pass.from) * share;
    if (shown <= fraction) return;
    fraction = shown;
    emit();
  };
  const report = (stage: AlignClientStage, stageFraction: number, pending?: PendingPass) => {
    endPass();
    const [from, to] = STAGE_SPAN[stage];
    const clamped = Math.min(1, Math.max(0, stageFraction));
    fraction = Math.max(fraction, from + (to - from) * clamped);
    if (order.indexOf(stage) > order.indexOf(shownStage)) shownStage = stage;
    if (stage === 'aligning') {
      if (aligningSince === undefined) {
        aligningSince = now();
        aligningFrom = clamped;
      }
      const done = clamped - aligningFrom;
      const elapsedSec = (now() - aligningSince) / 1000;
      if (clamped >= 1) etaSec = 0;
      else if (done > 0.01 && elapsedSec > 0.2) etaSec = (elapsedSec * (1 - clamped)) / done;
      else etaSec = null;
    } else {
      etaSec = null;
    }
    emit();
    if (stage !== 'aligning' || pending === undefined || !(pending.audioSeconds > 0)) return;
    const end = from + (to - from) * Math.min(1, Math.max(0, pending.fraction));
    if (end <= fraction) return;
    pass = { start: now(), from: fraction, to: end, audioSeconds: pending.audioSeconds };
    stopTicking = ticker(PASS_TICK_MS, tick);
  };
  return Object.assign(report, { stop: endPass });
}
