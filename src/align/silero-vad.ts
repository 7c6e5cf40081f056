import type { InferenceSession, Tensor } from 'onnxruntime-web';

/**
 * Silero VAD v5 (MIT; the ONNX file ships in `@ricky0123/vad-web`) run
 * through onnxruntime-web's WebAssembly backend: a speech probability for
 * every 32 ms frame of 16 kHz audio.
 *
 * The model costs ~0.26 ms of CPU per frame (8 ms per second of audio) at
 * any batch size from 8 up, plus ~0.5 ms per `session.run` (measured with
 * onnxruntime-web 1.30, one thread; one frame per run is 0.8 ms). So the file
 * is cut into up to BATCH streams that run side by side as one batch, each
 * starting WARMUP frames early so its recurrent state has settled by the
 * frames it reports; a stream is at least MIN_STREAM frames, which keeps the
 * warm-up frames under 1/8 of the work. (The state never quite forgets: even
 * 300 warm-up frames leave probabilities up to 0.5 apart from one front-to-back
 * stream near the threshold, so more warm-up buys nothing measurable.)
 *
 * The ONNX runtime is passed in: Node loads its wasm from node_modules
 * (node-vad.ts), the browser worker from our own origin (browser-engine.ts).
 */
export interface OrtRuntime {
  InferenceSession: typeof InferenceSession;
  Tensor: typeof Tensor;
}

export const VAD_SAMPLE_RATE = 16000;
/** Samples per frame the v5 model takes at 16 kHz. */
export const VAD_FRAME = 512;
export const VAD_FRAME_SECONDS = VAD_FRAME / VAD_SAMPLE_RATE;
/** The model sees the 64 samples before each frame too (silero-vad's OnnxWrapper). */
const CONTEXT = 64;
const STATE_SIZE = 128;
const BATCH = 16;
/** Frames each stream decodes before the ones it reports (~1 s). */
const WARMUP = 32;
/** A stream shorter than this is not worth its warm-up. */
const MIN_STREAM = 8 * WARMUP;

export interface VadRunOptions {
  signal?: AbortSignal;
  /** 0..1 after each batch step. */
  onProgress?: (fraction: number) => void;
  /** At most this many streams side by side (default BATCH); 1 runs the file front to back. */
  maxStreams?: number;
}

/** What the aligner needs of a speech detector: a probability per 32 ms frame. */
export interface SpeechDetector {
  /** Speech probability of each 32 ms frame of `samples` (16 kHz mono); frame f starts at f × 32 ms. */
  probabilities(samples: Float32Array, options?: VadRunOptions): Promise<Float32Array>;
}

/** How a file of `frames` frames is cut into `streams` streams of `length` frames each (the last may be shorter). */
export interface StreamLayout {
  frames: number;
  streams: number;
  length: number;
}

export function streamLayout(sampleCount: number, maxStreams = BATCH): StreamLayout {
  const frames = Math.ceil(sampleCount / VAD_FRAME);
  const streams = Math.max(1, Math.min(maxStreams, Math.floor(frames / MIN_STREAM)));
  return { frames, streams, length: Math.ceil(frames / streams) };
}

/**
 * The samples streams [first, first + count) of `layout` read (warm-up and
 * context included), as [from, to) sample indices clipped to the file: a
 * worker given only these computes exactly what the whole file gives.
 */
export function streamSpan(layout: StreamLayout, sampleCount: number, first: number, count: number): [from: number, to: number] {
  const from = Math.max(0, (first * layout.length - WARMUP) * VAD_FRAME - CONTEXT);
  const to = Math.min(sampleCount, (first + count) * layout.length * VAD_FRAME);
  return [from, to];
}

export class SileroVad implements SpeechDetector {
  private constructor(
    private readonly ort: OrtRuntime,
    private readonly session: InferenceSession,
  ) {}

  /** `model`: the bytes of `silero_vad_v5.onnx`. */
  static async create(ort: OrtRuntime, model: Uint8Array): Promise<SileroVad> {
    const session = await ort.InferenceSession.create(model);
    return new SileroVad(ort, session);
  }

  async probabilities(samples: Float32Array, options: VadRunOptions = {}): Promise<Float32Array> {
    const layout = streamLayout(samples.length, options.maxStreams);
    const result = new Float32Array(layout.frames);
    if (layout.frames > 0) await this.runStreams(samples, 0, layout, 0, layout.streams, result, options);
    return result;
  }

  /**
   * Runs streams [first, first + count) of `layout` as one batch. `samples`
   * holds the file's samples from index `origin` on (at least the stretch
   * `streamSpan` names); `result[f - first × length]` gets frame f.
   */
  async runStreams(
    samples: Float32Array,
    origin: number,
    layout: StreamLayout,
    first: number,
    count: number,
    result: Float32Array,
    options: Pick<VadRunOptions, 'signal' | 'onProgress'> = {},
  ): Promise<void> {
    const { frames, length } = layout;
    const steps = length + WARMUP;
    const width = CONTEXT + VAD_FRAME;
    const offset = first * length;
    const { Tensor: TensorClass } = this.ort;
    const rate = new TensorClass('int64', BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]), []);
    let state: Tensor = new TensorClass('float32', new Float32Array(2 * count * STATE_SIZE), [2, count, STATE_SIZE]);
    try {
      for (let step = 0; step < steps; step++) {
        options.signal?.throwIfAborted();
        const input = new Float32Array(count * width);
        for (let k = 0; k < count; k++) {
          const frame = (first + k) * length - WARMUP + step;
          copyWindow(samples, frame * VAD_FRAME - CONTEXT - origin, input, k * width, width);
        }
        const output = await this.session.run({ input: new TensorClass('float32', input, [count, width]), state, sr: rate });
        state.dispose();
        state = output['stateN'] as Tensor;
        const speech = (output['output'] as Tensor).data as Float32Array;
        for (let k = 0; k < count; k++) {
          const frame = (first + k) * length - WARMUP + step;
          if (step >= WARMUP && frame < frames && frame < (first + k + 1) * length) result[frame - offset] = speech[k] as number;
        }
        (output['output'] as Tensor).dispose();
        options.onProgress?.((step + 1) / steps);
      }
    } finally {
      state.dispose();
      rate.dispose();
    }
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/** Copies `samples[from, from + count)` into `target` at `offset`, zeros outside the signal. */
function copyWindow(samples: Float32Array, from: number, target: Float32Array, offset: number, count: number): void {
  const start = Math.max(0, from);
  const end = Math.min(samples.length, from + count);
  if (end > start) target.set(samples.subarray(start, end), offset + (start - from));
}
