import createModule, { type Decoder, type SoundSwallowerModule } from 'soundswallower';
import type { AcousticModelId, AlignEngine, DecoderConfig } from './align-engine.ts';
import { type OrtRuntime, SileroVad } from './silero-vad.ts';

/**
 * The AlignEngine for a browser Web Worker. Model files live under
 * `modelBaseUrl` (vite.config.ts serves and builds them as `<base>align-model/`),
 * are fetched only when a model is first needed, and are kept in Cache Storage
 * so alignment works offline afterwards.
 *
 * soundswallower fetches every model file itself by the path in its config. We
 * fetch the files first (from the cache or the network), then hand the decoder
 * `blob:` URLs: it reads the bytes we already hold, never the network. That
 * also settles its probes for optional files: the only one these models lack,
 * `lda` (`feature_transform`), points at a revoked blob URL, whose fetch fails
 * at once instead of reaching a server that might answer it with index.html.
 *
 * The speech detector (Silero VAD) comes the same way: onnxruntime-web's
 * wasm and the model under `vad/`, fetched (cache first) with the acoustic
 * model, and handed to onnxruntime-web as bytes (`env.wasm.wasmBinary`), so
 * it never fetches or imports anything itself and needs no more than
 * 'wasm-unsafe-eval' from the page's Content-Security-Policy.
 */
export interface BrowserEngine extends AlignEngine {
  /** Fetches the wasm, one model and the speech detector (cache first); `createDecoder` calls this itself. */
  load(model: AcousticModelId, onProgress?: (progress: ModelLoadProgress) => void): Promise<void>;
}

export interface ModelLoadProgress {
  loadedBytes: number;
  totalBytes: number;
  /** True when every byte came from the offline cache. */
  fromCache: boolean;
}

/** The decoder options that name model files, and the file each one names. */
const MODEL_FILES = {
  featparams: 'feat_params.json',
  mdef: 'mdef',
  tmat: 'transition_matrices',
  mean: 'means',
  var: 'variances',
  sendump: 'sendump',
  dict: 'dict.txt',
  fdict: 'noisedict.txt',
} as const;
const WASM_FILE = 'soundswallower.wasm';
/** onnxruntime-web's wasm (the build its `onnxruntime-web/wasm` entry expects) and the Silero VAD v5 model. */
const VAD_WASM = 'vad/ort-wasm-simd-threaded.wasm';
const VAD_MODEL = 'vad/silero_vad_v5.onnx';
const CACHE_NAME = 'verbatim-align-model';

/** `manifest.json` under the model base URL, written by vite.config.ts. */
interface ModelManifest {
  /** Versioned directory of the files, relative to the base, with a trailing slash. */
  dir: string;
  /** Size in bytes of every file, by path relative to `dir`. */
  files: Record<string, number>;
}

type ModelUrls = Record<keyof typeof MODEL_FILES, string>;

interface LetterToSound {
  toARPABET(text: string): string;
}

export interface BrowserEngineOptions {
  /**
   * Loads `phonemize`; the default is a dynamic import, which the bundler
   * splits off. (Node's ESM loader rejects phonemize's JSON imports, so Node
   * tests pass its CommonJS build.)
   */
  loadLetterToSound?: () => Promise<LetterToSound>;
  /** Loads onnxruntime-web's wasm entry; the default is a dynamic import, which the bundler splits off. */
  loadOnnxRuntime?: () => Promise<OnnxRuntime>;
}

/** What the engine uses of `onnxruntime-web/wasm`. */
export interface OnnxRuntime extends OrtRuntime {
  env: { wasm: { numThreads?: number; proxy?: boolean; wasmBinary?: ArrayBufferLike | Uint8Array } };
}

export function createBrowserEngine(modelBaseUrl: string | URL, options: BrowserEngineOptions = {}): BrowserEngine {
  const loadLetterToSound = options.loadLetterToSound ?? (() => import('phonemize'));
  const loadOnnxRuntime = options.loadOnnxRuntime ?? (() => import('onnxruntime-web/wasm'));
  const base = new URL(modelBaseUrl, globalThis.location?.href);
  const absentFile = revokedUrl();
  let manifest: Promise<ModelManifest> | undefined;
  let soundswallower: Promise<SoundSwallowerModule> | undefined;
  // phonemize carries 2.4 MB of dictionaries; loading it beside the model keeps it off the worker's start-up path.
  let phonemize: Promise<LetterToSound> | undefined;
  let toArpabet: ((word: string) => string) | undefined;
  const models = new Map<AcousticModelId, Promise<ModelUrls>>();
  let speechDetector: Promise<SileroVad> | undefined;

  const getManifest = () => (manifest ??= loadManifest(base).catch(forget(() => (manifest = undefined))));

  /** onnxruntime-web with its wasm from our bytes, one thread (threads would need cross-origin isolation), and the model. */
  function loadSpeechDetector(progress?: ProgressTracker): Promise<SileroVad> {
    speechDetector ??= (async () => {
      const files = await getManifest();
      const tracker = progress ?? trackProgress(files, [], undefined);
      const [wasm, model, ort] = await Promise.all([
        fetchModelFile(base, files, VAD_WASM, tracker),
        fetchModelFile(base, files, VAD_MODEL, tracker),
        loadOnnxRuntime(),
      ]);
      ort.env.wasm.numThreads = 1;
      ort.env.wasm.proxy = false;
      ort.env.wasm.wasmBinary = await wasm.arrayBuffer();
      return SileroVad.create(ort, new Uint8Array(await model.arrayBuffer()));
    })().catch(forget(() => (speechDetector = undefined)));
    return speechDetector;
  }

  async function load(model: AcousticModelId, onProgress?: (progress: ModelLoadProgress) => void): Promise<void> {
    const files = await getManifest();
    const wanted = [WASM_FILE, ...Object.values(MODEL_FILES).map((file) => `${model}/${file}`)];
    if (speechDetector === undefined) wanted.push(VAD_WASM, VAD_MODEL);
    const progress = trackProgress(files, wanted, onProgress);
    const detector = loadSpeechDetector(progress);
    phonemize ??= loadLetterToSound().catch(forget(() => (phonemize = undefined)));
    soundswallower ??= fetchModelFile(base, files, WASM_FILE, progress)
      .then(async (wasm) => createModule({ wasmBinary: await wasm.arrayBuffer() }))
      .catch(forget(() => (soundswallower = undefined)));
    if (!models.has(model)) {
      const urls = Promise.all(
        Object.entries(MODEL_FILES).map(async ([option, file]) => {
          const blob = await fetchModelFile(base, files, `${model}/${file}`, progress);
          return [option, URL.createObjectURL(blob)] as const;
        }),
      ).then((entries) => Object.fromEntries(entries) as ModelUrls);
      models.set(model, urls.catch(forget(() => models.delete(model))));
    }
    const [g2p] = await Promise.all([phonemize, soundswallower, models.get(model), detector]);
    toArpabet = (word) => g2p.toARPABET(word);
    progress.finish();
  }

  async function createDecoder(model: AcousticModelId, config: DecoderConfig): Promise<Decoder> {
    await load(model);
    const [module, urls] = await Promise.all([soundswallower, models.get(model)]);
    if (module === undefined || urls === undefined) throw new Error(`acoustic model ${model} is not loaded`);
    const decoder = new module.Decoder({
      loglevel: 'ERROR',
      ...config,
      hmm: new URL(`${(await getManifest()).dir}${model}/`, base).href,
      ...urls,
      lda: absentFile,
    });
    try {
      await decoder.initialize();
    } catch (error) {
      decoder.delete();
      throw error;
    }
    return decoder;
  }

  return {
    load,
    createDecoder,
    loadSpeechDetector: () => loadSpeechDetector(),
    toArpabet(word) {
      if (toArpabet === undefined) throw new Error('letter-to-sound is used before a model was loaded');
      return toArpabet(word);
    },
  };
}

/** A `blob:` URL that no longer resolves: fetching it fails locally and at once. */
function revokedUrl(): string {
  const url = URL.createObjectURL(new Blob([]));
  URL.revokeObjectURL(url);
  return url;
}

/** Runs `reset` when a cached promise rejects (so the next call retries) and passes the error on. */
function forget(reset: () => void): (error: unknown) => never {
  return (error) => {
    reset();
    throw error;
  };
}

function openCache(): Promise<Cache | undefined> {
  // Cache Storage exists only in secure contexts (https, localhost); elsewhere we fetch every time.
  if (typeof caches === 'undefined') return Promise.resolve(undefined);
  return caches.open(CACHE_NAME).catch(() => undefined);
}

/** The manifest from the network when reachable (so a new build is noticed), else from the cache. */
async function loadManifest(base: URL): Promise<ModelManifest> {
  const url = new URL('manifest.json', base).href;
  const cache = await openCache();
  let text: string;
  let fresh = true;
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    text = await response.text();
  } catch (error) {
    const cached = await cache?.match(url);
    if (cached === undefined) {
      throw new Error(`cannot load the alignment models from ${url} (${describe(error)}); they are fetched once, then kept offline`, {
        cause: error,
      });
    }
    text = await cached.text();
    fresh = false;
  }
  const manifest = parseManifest(text, url);
  if (fresh && cache !== undefined) {
    await cache.put(url, new Response(text, { headers: { 'Content-Type': 'application/json' } })).catch(() => undefined);
    await pruneCache(cache, url, new URL(manifest.dir, base).href).catch(() => undefined);
  }
  return manifest;
}

function parseManifest(text: string, url: string): ModelManifest {
  try {
    const value = JSON.parse(text) as Partial<ModelManifest>;
    if (typeof value.dir === 'string' && typeof value.files === 'object' && value.files !== null) {
      return { dir: value.dir, files: value.files };
    }
  } catch {
    // Reported below: a server that answers with index.html lands here.
  }
  throw new Error(`${url} is not Verbatim's model manifest; the server does not serve the alignment models`);
}

/** Deletes files of older model versions, keeping the manifest and everything under `currentDir`. */
async function pruneCache(cache: Cache, manifestUrl: string, currentDir: string): Promise<void> {
  const keys = await cache.keys();
  await Promise.all(
    keys
      .filter((request) => request.url !== manifestUrl && !request.url.startsWith(currentDir))
      .map((request) => cache.delete(request)),
  );
}

interface ProgressTracker {
  add(bytes: number, fromCache: boolean): void;
  finish(): void;
}

function trackProgress(manifest: ModelManifest, paths: string[], onProgress?: (progress: ModelLoadProgress) => void): ProgressTracker {
  const totalBytes = paths.reduce((sum, path) => sum + (manifest.files[path] ?? 0), 0);
  let loadedBytes = 0;
  let fromCache = true;
  return {
    add(bytes, cached) {
      loadedBytes += bytes;
      fromCache &&= cached;
      onProgress?.({ loadedBytes: Math.min(loadedBytes, totalBytes), totalBytes, fromCache });
    },
    finish() {
      onProgress?.({ loadedBytes: totalBytes, totalBytes, fromCache });
    },
  };
}

/**
 * One file of the manifest as a Blob: from Cache Storage when present, else
 * from the network (then stored). The size is checked against the manifest,
 * so an HTML fallback page or a truncated download is never used or cached.
 */
async function fetchModelFile(base: URL, manifest: ModelManifest, path: string, progress: ProgressTracker): Promise<Blob> {
  const expected = manifest.files[path];
  if (expected === undefined) throw new Error(`the alignment model files do not include ${path}`);
  const url = new URL(`${manifest.dir}${path}`, base).href;
  const cache = await openCache();
  const cached = await cache?.match(url);
  if (cached !== undefined) {
    const blob = await cached.blob();
    if (blob.size === expected) {
      progress.add(blob.size, true);
      return blob;
    }
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`cannot download the alignment model file ${url} (${describe(error)})`, { cause: error });
  }
  if (!response.ok) throw new Error(`cannot download the alignment model file ${url} (${response.status} ${response.statusText})`);
  const blob = await readCounting(response, (bytes) => progress.add(bytes, false));
  if (blob.size !== expected) {
    throw new Error(`${url} has ${blob.size} bytes instead of ${expected}; the server does not serve the alignment models`);
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  await cache?.put(url, new Response(blob, { headers: { 'Content-Type': type } })).catch(() => undefined);
  return blob;
}

async function readCounting(response: Response, onBytes: (bytes: number) => void): Promise<Blob> {
  if (response.body === null) {
    const blob = await response.blob();
    onBytes(blob.size);
    return blob;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  return new Blob(chunks as BlobPart[]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
