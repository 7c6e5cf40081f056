import { acousticModelFor } from './align-engine.ts';
import type { AlignRequest, AlignRequestMap, AlignResponse, ModelRequest } from './align-messages.ts';
import { alignTranscript } from './align-transcript.ts';
import { createBrowserEngine, type BrowserEngine } from './browser-engine.ts';

/**
 * The alignment Web Worker: a thin shell that turns request messages into
 * `alignTranscript` calls and their progress and result into response
 * messages. Engines (wasm, models) are created on first use and kept for later
 * requests.
 */
declare const self: DedicatedWorkerGlobalScope;

const engines = new Map<string, BrowserEngine>();
const running = new Map<number, AbortController>();

self.onmessage = (event: MessageEvent<AlignRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') void load(request.id, request).catch(() => undefined);
  else if (request.type === 'align') void align(request.id, request);
  else running.get(request.id)?.abort(new DOMException('alignment cancelled', 'AbortError'));
};

function post(message: AlignResponse): void {
  self.postMessage(message);
}

/** Loads the wasm, model and letter-to-sound `request.language` needs, reporting bytes as progress. */
async function load(id: number, request: ModelRequest & { estimateOnly?: boolean }, signal?: AbortSignal): Promise<BrowserEngine> {
  const engine = engineFor(request.modelBaseUrl);
  const model = request.estimateOnly === true ? null : acousticModelFor(request.language);
  if (model !== null) {
    await engine.load(model, ({ loadedBytes, totalBytes }) => {
      if (signal?.aborted !== true) post({ type: 'progress', id, stage: 'loading model', fraction: totalBytes > 0 ? loadedBytes / totalBytes : 1 });
    });
  }
  return engine;
}

async function align(id: number, request: AlignRequestMap['align']): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  const { signal } = controller;
  try {
    const engine = await load(id, request, signal);
    signal.throwIfAborted();
    const outcome = await alignTranscript(request.audio, request.transcript, {
      language: request.language,
      ...(request.estimateOnly === true ? { estimateOnly: true } : {}),
      engine,
      signal,
      onProgress: ({ fraction, pending }) => {
        if (!signal.aborted) post({ type: 'progress', id, stage: 'aligning', fraction, ...(pending ? { pending } : {}) });
      },
    });
    post({ type: 'done', id, outcome });
  } catch (error) {
    if (signal.aborted) post({ type: 'cancelled', id });
    else post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}

function engineFor(modelBaseUrl: string): BrowserEngine {
  let engine = engines.get(modelBaseUrl);
  if (engine === undefined) {
    engine = createBrowserEngine(modelBaseUrl);
    engines.set(modelBaseUrl, engine);
  }
  return engine;
}
