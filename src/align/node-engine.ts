/**
 * The aligner's environment under Node (CLI, benchmark, tests): the
 * soundswallower WebAssembly module and its models straight from
 * `node_modules`, and `phonemize` for letter-to-sound.
 *
 * `phonemize` is loaded through `require`: its ES build imports JSON files
 * without import attributes, which Node's ESM loader rejects; the CommonJS
 * build is the same code.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import createModule, { type SoundSwallowerModule } from 'soundswallower';
import type { AcousticModelId, AlignEngine, DecoderConfig } from './align-engine.ts';
import { loadParallelNodeVad } from './node-vad.ts';

let modulePromise: Promise<SoundSwallowerModule> | undefined;

function soundswallower(): Promise<SoundSwallowerModule> {
  // One WebAssembly instance per process: compiling it costs ~100 ms and every decoder can share it.
  modulePromise ??= createModule({ modelBase: modelDirectory() } as Partial<SoundSwallowerModule>);
  return modulePromise;
}

/** `.../node_modules/soundswallower/model/` with the trailing slash soundswallower expects. */
export function modelDirectory(): string {
  return fileURLToPath(new URL('./model/', import.meta.resolve('soundswallower')));
}

export interface NodeEngineOptions {
  /** Threads the speech detector may use on a long file (default 1). */
  jobs?: number;
}

export function createNodeEngine(options: NodeEngineOptions = {}): AlignEngine {
  const require = createRequire(import.meta.url);
  const { toARPABET } = require('phonemize') as { toARPABET: (text: string) => string };
  return {
    async createDecoder(model: AcousticModelId, config: DecoderConfig) {
      const module = await soundswallower();
      const decoder = new module.Decoder({ loglevel: 'FATAL', ...config, hmm: module.get_model_path(model) });
      await decoder.initialize();
      return decoder;
    },
    toArpabet: (word: string) => toARPABET(word),
    loadSpeechDetector: () => loadParallelNodeVad(options.jobs ?? 1),
  };
}
