/**
 * Silero VAD under Node (CLI, benchmark, tests): onnxruntime-web's
 * WebAssembly backend — the same runtime and model the browser worker uses —
 * with its wasm and the model read from node_modules. One instance per process.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SileroVad } from './silero-vad.ts';

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
    // one aligner per core instead.
    ort.env.wasm.numThreads = 1;
    return SileroVad.create(ort, new Uint8Array(await readFile(sileroModelPath())));
  })();
  return vadPromise;
}
