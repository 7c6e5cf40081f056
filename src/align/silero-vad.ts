import type { InferenceSession, Tensor } from 'onnxruntime-web';

/**
 * Silero VAD v5 (MIT; the ONNX file ships in `@ricky0123/vad-web`) run
 * through onnxruntime-web's WebAssembly backend: a speech probability for
 * every 32 ms frame of 16 kHz audio.
 *
 * One `session.run` costs about the same for one frame as for a few dozen
 * (measured on this model: ~7 ms either way), so the file is cut into up to
 * BATCH streams that run side by side as one batch, each starting WARMUP
 * frames early so its recurrent state has settled by the frames it reports.
 * One stream per frame is 5× real time; 32 streams are over 100×.
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
const BATCH = 32;
/** Frames each stream decodes before the ones it reports (~0.5 s). */
const WARMUP = 64;
/** A stream shorter than this is not worth its warm-up. */
const MIN_STREAM = 128;

export interface VadRunOptions {
  signal?: AbortSignal;
  /** 0..1 after each batch step. */
  onProgress?: (fraction: number) => void;
  /** At most this many streams side by side (default BATCH); 1 runs the file front to back. */
  maxStreams?: number;
}

export class SileroVad {
  private constructor(
    private readonly ort: OrtRuntime,
    private readonly session: InferenceSession,
  ) {}

  /** `model`: the bytes of `silero_vad_v5.onnx`. */
  static async create(ort: OrtRuntime, model: Uint8Array): Promise<SileroVad> {
    const session = await ort.InferenceSession.create(model);
    return new SileroVad(ort, session);
  }

  /** Speech probability of each 32 ms frame of `samples` (16 kHz mono); frame f starts at f × 32 ms. */
  async probabilities(samples: Float32Array, options: VadRunOptions = {}): Promise<Float32Array> {
    const frames = Math.ceil(samples.length / VAD_FRAME);
    const result = new Float32Array(frames);
    if (frames === 0) return result;
    const streams = Math.max(1, Math.min(options.maxStreams ?? BATCH, Math.floor(frames / MIN_STREAM)));
    const length = Math.ceil(frames / streams);
    const steps = length + WARMUP;
    const width = CONTEXT + VAD_FRAME;
    const { Tensor: TensorClass } = this.ort;
    const rate = new TensorClass('int64', BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]), []);
    let state: Tensor = new TensorClass('float32', new Float32Array(2 * streams * STATE_SIZE), [2, streams, STATE_SIZE]);
    try {
      for (let step = 0; step < steps; step++) {
        options.signal?.throwIfAborted();
        const input = new Float32Array(streams * width);
        for (let k = 0; k < streams; k++) {
          const frame = k * length - WARMUP + step;
          copyWindow(samples, frame * VAD_FRAME - CONTEXT, input, k * width, width);
        }
        const output = await this.session.run({ input: new TensorClass('float32', input, [streams, width]), state, sr: rate });
        state.dispose();
        state = output['stateN'] as Tensor;
        const speech = (output['output'] as Tensor).data as Float32Array;
        for (let k = 0; k < streams; k++) {
          const frame = k * length - WARMUP + step;
          if (step >= WARMUP && frame < frames && frame < (k + 1) * length) result[frame] = speech[k] as number;
        }
        (output['output'] as Tensor).dispose();
        options.onProgress?.((step + 1) / steps);
      }
    } finally {
      state.dispose();
      rate.dispose();
    }
    return result;
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
