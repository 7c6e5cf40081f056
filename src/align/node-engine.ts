/**
 * The aligner's environment under Node (CLI, benchmark, tests): the
 * soundswallower WebAssembly module and its models straight from
 * `node_modules`, and `phonemize` for letter-to-sound.
 *
 * `phonemize` is loaded through `require`: its ES build imports JSON files
 * without import attributes, which Node's ESM loader rejects; the CommonJS
 * build is the same code.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import createModule, { type SoundSwallowerModule } from 'soundswallower';
import type { AcousticModelId, AlignEngine, DecoderConfig } from './align-engine.ts';
import { loadParallelNodeVad } from './node-vad.ts';

let modulePromise: Promise<SoundSwallowerModule> | undefined;

function soundswallower(): Promise<SoundSwallowerModule> {
  // One WebAssembly instance per process: compiling it costs ~100 ms and every decoder can share it.
  if (modulePromise) return modulePromise;
  // The decoder's own module is small and its search loop hot for the whole file: V8 may optimize
  // it (see preferBaselineWasm). The flags are read when a module is compiled, so the baseline-only
  // setting comes back once this one is, for onnxruntime-web compiled later.
  if (baselineWasm) setFlagsFromString('--no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering');
  modulePromise = createModule({ modelBase: modelDirectory() } as Partial<SoundSwallowerModule>);
  if (baselineWasm) {
    const restore = () => setFlagsFromString('--liftoff-only');
    modulePromise.then(restore, restore);
  }
  return modulePromise;
}

/** `.../node_modules/soundswallower/model/` with the trailing slash soundswallower expects. */
export function modelDirectory(): string {
  return fileURLToPath(new URL('./model/', import.meta.resolve('soundswallower')));
}

export interface NodeEngineOptions {
  /** Threads the speech detector may use on a long file (default 1). */
  jobs?: number;
  /** Let V8 optimize hot WebAssembly functions (TurboFan); off by default, see preferBaselineWasm. */
  optimizeWasm?: boolean;
}

let baselineWasm = false;

/**
 * WebAssembly from V8's baseline compiler only (Liftoff), for every module
 * compiled from now on in this process and its worker threads. V8 otherwise
 * recompiles hot functions with TurboFan in background threads, and for
 * onnxruntime-web's 14 MB module that costs more CPU than it saves: on a
 * 53 s LibriVox sonnet, at load ~13 on 2 cores, the whole process took 12.1 s
 * of CPU with tier-up and 9.1 s without; the detector's first pass over 60 s
 * 7.4 s and 3.2 s (its second pass 2.2 s and 2.0 s; decoding 4.0 s and 4.4 s).
 * Must run before the modules are compiled; the CLI and the benchmark call it
 * through createNodeEngine before loading anything.
 *
 * soundswallower's module is the exception (see soundswallower()): decoding is
 * most of the CPU on longer files (the 259 s demo: ~50 % decoding, ~25 % the
 * detector). With TurboFan for it alone, `npm run align` on the demo took
 * 19.6–23.0 s of CPU (4 runs) against 24.2–26.6 s baseline-only (3 runs),
 * interleaved at load 3–5 on 2 cores, identical output; optimizing every
 * module took 22.8 s. bench:align, demo-seed: 13.4× and 11.3× real time by
 * CPU against 11.0× and 9.8×.
 */
export function preferBaselineWasm(): void {
  if (baselineWasm) return;
  setFlagsFromString('--liftoff-only');
  baselineWasm = true;
}

export function createNodeEngine(options: NodeEngineOptions = {}): AlignEngine {
  if (!options.optimizeWasm) preferBaselineWasm();
  const require = createRequire(import.meta.url);
  // Loading phonemize (its dictionaries and rules) costs ~0.35 s of CPU; only words the model's
  // dictionary lacks need it.
  let toARPABET: ((text: string) => string) | undefined;
  return {
    async createDecoder(model: AcousticModelId, config: DecoderConfig, words?: ReadonlySet<string>) {
      const module = await soundswallower();
      const hmm = module.get_model_path(model);
      const entries = words ? await dictionaryEntries(join(hmm, 'dict.txt'), words) : undefined;
      // With only some words wanted the decoder starts from no dictionary (a path it cannot read)
      // and is given their entries as words of its own. Not through a smaller file: soundswallower
      // writes one byte past the buffer it reads a file into, which a small buffer does not survive.
      const decoder = new module.Decoder({ loglevel: 'FATAL', ...config, hmm, ...(entries ? { dict: join(hmm, 'no-dictionary') } : {}) });
      await decoder.initialize();
      if (entries && entries.length > 0) decoder.add_words(...entries);
      return decoder;
    },
    toArpabet: (word: string) => {
      toARPABET ??= (require('phonemize') as { toARPABET: (text: string) => string }).toARPABET;
      return toARPABET(word);
    },
    loadSpeechDetector: () => loadParallelNodeVad(options.jobs ?? 1),
  };
}

/**
 * The entries of dictionary `path` for `words`, every variant (`word(2)`...)
 * as [word, phones]. The decoder compares words without case (its `dictcase`
 * is off), so the match is too.
 */
export async function dictionaryEntries(path: string, words: ReadonlySet<string>): Promise<[word: string, phones: string][]> {
  const wanted = new Set([...words].map((word) => word.toLowerCase()));
  const text = await readFile(path, 'utf8');
  const entries: [string, string][] = [];
  // One pass with indexOf (a split and a regex per line cost as much as parsing it all in C).
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let space = start;
    while (space < end && text.charCodeAt(space) > 32) space += 1;
    if (space > start && space < end) {
      const name = text.slice(start, space);
      const key = name.endsWith(')') ? name.replace(/\(\d+\)$/u, '') : name;
      if (wanted.has(key.toLowerCase()) && !key.startsWith(';;')) entries.push([name, text.slice(space, end).trim()]);
    }
    start = end + 1;
  }
  return entries;
}
