import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { csp } from './build/csp-plugin.ts';
import { serviceWorker } from './build/service-worker-plugin.ts';
import { preloadApp } from './build/preload-app-plugin.ts';

/** The model files the browser engine loads; the rest of soundswallower's model dirs (READMEs, phone sets) are not needed. */
const MODEL_FILES = ['feat_params.json', 'mdef', 'transition_matrices', 'means', 'variances', 'sendump', 'dict.txt', 'noisedict.txt'];
const MODELS = ['en-us', 'fr-fr'];
const MODEL_DIR = 'align-model';

export default defineConfig({
  plugins: [react(), alignModels(), csp(), preloadApp(), serviceWorker(fileURLToPath(new URL('./src/service-worker/sw.js', import.meta.url)))],
  resolve: {
    // soundswallower's web build imports `blob-polyfill`, which touches `document`
    // and throws in a Web Worker; the shim re-exports the native Blob.
    alias: [{ find: /^blob-polyfill$/u, replacement: fileURLToPath(new URL('./src/align/blob-shim.ts', import.meta.url)) }],
  },
  worker: { format: 'es', plugins: () => [ortWasmFromBytes()] },
  optimizeDeps: {
    // The alignment worker's dependencies are found only when it first starts;
    // naming phonemize here spares the dev page a reload at that moment.
    include: ['phonemize'],
    // soundswallower locates its wasm next to itself; pre-bundling would move it.
    exclude: ['soundswallower'],
  },
  build: {
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        // The in-browser alignment proof page (test/e2e/align-browser.mjs) is
        // built only on request, so it never ships with the app.
        ...(process.env.VERBATIM_E2E_HARNESS === '1'
          ? { 'align-browser': fileURLToPath(new URL('./test/e2e/align-browser.html', import.meta.url)) }
          : {}),
      },
    },
  },
  test: {
    // No test measures time; a shared or slow machine (user-event typing, fast-check runs) must not fail them.
    testTimeout: 30_000,
    // Pure code runs in Node (fast); only components and app wiring need a DOM.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/{transcript,align}/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{ui,app,store,player,editor,embed}/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'],
        },
      },
    ],
  },
});

/**
 * Serves soundswallower's wasm and acoustic models, and the speech detector
 * (onnxruntime-web's wasm and Silero VAD v5) under `<base>align-model/`:
 * from node_modules in dev and preview, copied into the build output on build,
 * so the 33 MB of models never enter git. Files sit in a directory named after
 * the three packages' versions, so a new version gets new URLs and the browser
 * engine's offline cache never serves stale models. `manifest.json` lists every
 * file with its size (for download progress and to detect a server that answers
 * a missing file with index.html). Unknown paths under the prefix get a real 404.
 */
function alignModels(): Plugin {
  const require = createRequire(import.meta.url);
  // The package's exports hide package.json; its entry file sits in the package root.
  const packageDir = dirname(require.resolve('soundswallower'));
  const ortDir = join(dirname(require.resolve('onnxruntime-web')), '..');
  const vadDir = dirname(require.resolve('@ricky0123/vad-web'));
  const versionOf = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const version = `${versionOf(packageDir)}-ort${versionOf(ortDir)}-vad${versionOf(join(vadDir, '..'))}`;
  const sources = new Map<string, string>([
    [`${version}/soundswallower.wasm`, join(packageDir, 'soundswallower.web.wasm')],
    [`${version}/vad/ort-wasm-simd-threaded.wasm`, join(ortDir, 'dist', 'ort-wasm-simd-threaded.wasm')],
    [`${version}/vad/silero_vad_v5.onnx`, join(vadDir, 'silero_vad_v5.onnx')],
  ]);
  for (const model of MODELS) {
    for (const file of MODEL_FILES) sources.set(`${version}/${model}/${file}`, join(packageDir, 'model', model, file));
  }
  const manifest = (): string => {
    const files = Object.fromEntries(
      [...sources].map(([path, source]) => [path.slice(version.length + 1), readFileSync(source).byteLength]),
    );
    return JSON.stringify({ dir: `${version}/`, files });
  };
  /** `fromSources`: answer from node_modules (dev); otherwise let the static server answer known files (preview). */
  const serve = (base: string, fromSources: boolean): Connect.NextHandleFunction => {
    const prefix = `${base}${MODEL_DIR}/`;
    return (req, res, next) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (!path.startsWith(prefix)) return next();
      const relative = decodeURIComponent(path.slice(prefix.length));
      const source = sources.get(relative);
      if (relative !== 'manifest.json' && source === undefined) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      if (!fromSources) return next();
      const body = source === undefined ? Promise.resolve(Buffer.from(manifest())) : readFile(source);
      body.then(
        (bytes) => {
          res.setHeader('Content-Type', contentType(relative));
          res.setHeader('Content-Length', bytes.byteLength);
          res.end(bytes);
        },
        (error: unknown) => next(error),
      );
    };
  };
  return {
    name: 'verbatim-align-models',
    configureServer(server) {
      server.middlewares.use(serve(server.config.base, true));
    },
    configurePreviewServer(server) {
      // The build output has the files; this only turns misses into 404s instead of index.html.
      server.middlewares.use(serve(server.config.base, false));
    },
    async generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      this.emitFile({ type: 'asset', fileName: `${MODEL_DIR}/manifest.json`, source: manifest() });
      for (const [path, source] of sources) {
        this.emitFile({ type: 'asset', fileName: `${MODEL_DIR}/${path}`, source: await readFile(source) });
      }
    },
  };
}

/**
 * onnxruntime-web's bundled entry names its wasm as `new URL('ort-wasm-simd-threaded.wasm',
 * import.meta.url)`, which the bundler would copy into assets/ (14 MB the service worker would
 * precache on the first visit). The browser engine hands it the wasm as bytes, so that URL is never
 * fetched: the reference is replaced by the bare file name.
 */
function ortWasmFromBytes(): Plugin {
  const reference = 'new URL("ort-wasm-simd-threaded.wasm",import.meta.url)';
  return {
    name: 'verbatim-ort-wasm-from-bytes',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('onnxruntime-web') || !code.includes(reference)) return null;
      return { code: code.replaceAll(reference, 'new URL("ort-wasm-simd-threaded.wasm",self.location.href)'), map: null };
    },
  };
}

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.wasm')) return 'application/wasm';
  if (path.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}
