/**
 * Silero VAD under Node (CLI, benchmark, tests): onnxruntime-web's
 * WebAssembly backend — the same runtime and model the browser worker uses —
 * with its wasm and the model read from node_modules. One instance per
 * thread; `loadParallelNodeVad(jobs)` spreads the streams of a long file over
 * worker threads (node-vad-worker.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SileroVad, type SpeechDetector, type StreamLayout, type VadRunOptions, VAD_SAMPLE_RATE, streamLayout, streamSpan } from './silero-vad.ts';

let vadPromise: Promise<SileroVad> | undefined;

/** `.../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx` */
export function sileroModelPath(): string {
  return fileURLToPath(new URL('./silero_vad_v5.onnx', import.meta.resolve('@ricky0123/vad-web')));
}

export function loadNodeVad(): Promise<SileroVad> {
  vadPromise ??= (async () => {
    const ort = await import('onnxruntime-web/wasm');
    ort.env.wasm.wasmPaths = fileURLToPath(new URL('./', import.meta.resolve('onnxruntime-web/wasm')));
    // Threads would need worker files and cross-origin isolation in the browser; the CLI runs
    // one detector per core instead.
    ort.env.wasm.numThreads = 1;
    return SileroVad.create(ort, new Uint8Array(await readFile(sileroModelPath())));
  })();
  return vadPromise;
}

/**
 * A file shorter than this runs in this thread only: a worker costs about a
 * second of CPU to start (onnxruntime-web's wasm and the session), and the
 * detector needs ~8 ms of CPU per second of audio.
 */
const MIN_PARALLEL_SECONDS = 300;

/** Streams [first, first + count) of `layout`, computed by a worker thread. */
export interface StreamRequest {
  samples: Float32Array;
  origin: number;
  layout: StreamLayout;
  first: number;
  count: number;
}

/**
 * The detector over `jobs` threads: this one and `jobs - 1` workers, each
 * running a contiguous share of the streams one `SileroVad` would run in one
 * batch. Each stream's frames depend only on its own samples, so the result
 * equals the single-thread one.
 */
export async function loadParallelNodeVad(jobs: number, minParallelSeconds = MIN_PARALLEL_SECONDS): Promise<SpeechDetector> {
  const local = await loadNodeVad();
  if (jobs <= 1) return local;
  return {
    async probabilities(samples: Float32Array, options: VadRunOptions = {}): Promise<Float32Array> {
      const layout = streamLayout(samples.length, options.maxStreams);
      const shares = Math.min(jobs, layout.streams);
      if (shares <= 1 || samples.length < minParallelSeconds * VAD_SAMPLE_RATE) return local.probabilities(samples, options);
      const result = new Float32Array(layout.frames);
      const per = Math.ceil(layout.streams / shares);
      const work: Promise<void>[] = [];
      for (let share = 0; share < shares; share++) {
        const first = share * per;
        const count = Math.min(per, layout.streams - first);
        if (count <= 0) break;
        const target = result.subarray(first * layout.length, Math.min(layout.frames, (first + count) * layout.length));
        if (share === 0) {
          work.push(local.runStreams(samples, 0, layout, first, count, target, options));
          continue;
        }
        const [from, to] = streamSpan(layout, samples.length, first, count);
        const request: StreamRequest = { samples: samples.slice(from, to), origin: from, layout, first, count };
        work.push(inWorker(request, options.signal).then((frames) => target.set(frames.subarray(0, target.length))));
      }
      await Promise.all(work);
      return result;
    },
  };
}

function inWorker(request: StreamRequest, signal?: AbortSignal): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./node-vad-thread.mjs', import.meta.url), {
      workerData: request,
      transferList: [request.samples.buffer as ArrayBuffer],
    });
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (frames: Float32Array) => resolve(frames));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) reject(signal.reason);
      else if (code !== 0) reject(new Error(`the speech detector's worker thread stopped (exit ${code})`));
    });
  });
}
