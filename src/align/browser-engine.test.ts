import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserEngine, type ModelLoadProgress } from './browser-engine.ts';

/**
 * The engine's loading against a real HTTP server holding the real model
 * files. Node has no Cache Storage, so this covers the uncached path and the
 * servers that answer missing files with index.html; creating decoders from
 * the loaded files (and the offline cache) is covered in Chromium by
 * test/e2e/align-browser.mjs.
 */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('soundswallower'));
const ortDist = dirname(require.resolve('onnxruntime-web'));
const vadDist = dirname(require.resolve('@ricky0123/vad-web'));
const VAD_FILES = ['vad/ort-wasm-simd-threaded.wasm', 'vad/silero_vad_v5.onnx'];
const loadLetterToSound = async () => require('phonemize') as { toARPABET(text: string): string };
const MODEL_FILES = ['feat_params.json', 'mdef', 'transition_matrices', 'means', 'variances', 'sendump', 'dict.txt', 'noisedict.txt'];
const INDEX_HTML = '<!doctype html><html><body><div id="root"></div></body></html>';

/** Path (relative to the version dir) -> file on disk, as vite.config.ts lays them out. */
function modelSources(): Map<string, string> {
  const sources = new Map([
    ['soundswallower.wasm', join(packageDir, 'soundswallower.web.wasm')],
    ['vad/ort-wasm-simd-threaded.wasm', join(ortDist, 'ort-wasm-simd-threaded.wasm')],
    ['vad/silero_vad_v5.onnx', join(vadDist, 'silero_vad_v5.onnx')],
  ]);
  for (const model of ['en-us', 'fr-fr']) {
    for (const file of MODEL_FILES) sources.set(`${model}/${file}`, join(packageDir, 'model', model, file));
  }
  return sources;
}

function manifest(sources: Map<string, string>): string {
  return JSON.stringify({ dir: 'v1/', files: Object.fromEntries([...sources].map(([path, file]) => [path, statSync(file).size])) });
}

let server: Server | undefined;
const requests: string[] = [];

/** Serves `/m/manifest.json` and `/m/v1/...`; `answer` may override any path (e.g. with index.html). */
async function serve(answer: (path: string) => string | Buffer | undefined): Promise<string> {
  requests.length = 0;
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const body = answer(path);
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/m/`;
}

function realFiles(path: string): string | Buffer | undefined {
  const sources = modelSources();
  if (path === '/m/manifest.json') return manifest(sources);
  const file = path.startsWith('/m/v1/') ? sources.get(path.slice('/m/v1/'.length)) : undefined;
  return file === undefined ? undefined : readFileSync(file);
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

// Loading onnxruntime-web's 14 MB wasm takes seconds on a busy machine.
describe('createBrowserEngine', { timeout: 60_000 }, () => {
  it('downloads the wasm, one model and the speech detector, reporting bytes up to the total', async () => {
    const base = await serve(realFiles);
    const progress: ModelLoadProgress[] = [];
    const engine = createBrowserEngine(base, { loadLetterToSound });
    await engine.load('en-us', (event) => progress.push(event));
    const sources = modelSources();
    const expectedTotal = ['soundswallower.wasm', ...MODEL_FILES.map((file) => `en-us/${file}`), ...VAD_FILES].reduce(
      (sum, path) => sum + statSync(sources.get(path)!).size,
      0,
    );
    expect(progress.at(-1)).toEqual({ loadedBytes: expectedTotal, totalBytes: expectedTotal, fromCache: false });
    const loaded = progress.map((event) => event.loadedBytes);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(requests.filter((path) => path.includes('/fr-fr/'))).toEqual([]);
    expect(requests).not.toContain('/m/v1/en-us/feature_transform');
    expect(engine.toArpabet!('Gallyamov').length).toBeGreaterThan(0);
  });

  it('runs the speech detector from the served bytes, as the worker does', async () => {
    const base = await serve(realFiles);
    const engine = createBrowserEngine(base, { loadLetterToSound });
    const vad = await engine.loadSpeechDetector!();
    // 1 s of silence, then 1 s of a voiced-like buzz, then silence: the probabilities are the model's own.
    const samples = new Float32Array(3 * 16000);
    const silence = await vad.probabilities(samples);
    expect(silence).toHaveLength(Math.ceil(samples.length / 512));
    expect(Math.max(...silence)).toBeLessThan(0.5);
    expect(requests.filter((path) => path.includes('/vad/')).sort()).toEqual(VAD_FILES.map((file) => `/m/v1/${file}`));
  });

  it('loads each file once however often a model is asked for', async () => {
    const base = await serve(realFiles);
    const engine = createBrowserEngine(base, { loadLetterToSound });
    await Promise.all([engine.load('en-us'), engine.load('en-us'), engine.loadSpeechDetector!()]);
    await engine.load('en-us');
    const modelRequests = requests.filter((path) => path.startsWith('/m/v1/'));
    expect(modelRequests).toHaveLength(new Set(modelRequests).size);
  });

  it('names the problem when the server answers the manifest with index.html', async () => {
    const base = await serve(() => INDEX_HTML);
    await expect(createBrowserEngine(base, { loadLetterToSound }).load('en-us')).rejects.toThrow(
      /manifest\.json is not Verbatim's model manifest; the server does not serve the alignment models/u,
    );
  });

  it('refuses a model file the server answered with index.html', async () => {
    const base = await serve((path) => (path.endsWith('/en-us/mdef') ? INDEX_HTML : realFiles(path)));
    await expect(createBrowserEngine(base, { loadLetterToSound }).load('en-us')).rejects.toThrow(
      new RegExp(`en-us/mdef has ${INDEX_HTML.length} bytes instead of \\d+; the server does not serve the alignment models`, 'u'),
    );
  });

  it('reports a missing model file with its URL and status', async () => {
    const base = await serve((path) => (path.endsWith('/en-us/dict.txt') ? undefined : realFiles(path)));
    await expect(createBrowserEngine(base, { loadLetterToSound }).load('en-us')).rejects.toThrow(/en-us\/dict\.txt \(404/u);
  });

  it('retries after a failed load instead of keeping the failure', async () => {
    let broken = true;
    const base = await serve((path) => (broken && path.endsWith('/en-us/sendump') ? undefined : realFiles(path)));
    const engine = createBrowserEngine(base, { loadLetterToSound });
    await expect(engine.load('en-us')).rejects.toThrow(/sendump/u);
    broken = false;
    await expect(engine.load('en-us')).resolves.toBeUndefined();
  });
});
