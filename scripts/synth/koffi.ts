/**
 * koffi, the foreign-function interface the synthetic voices call Debian's espeak-ng
 * and flite libraries through, loaded when the first voice speaks. It is an optional
 * dependency: only the benchmark data generator needs it, so an install without it
 * (`npm ci --omit=optional`, or a platform koffi does not build on) still runs the app,
 * the CLI and the tests, and the generator says what is missing instead of a stack trace.
 */
import { createRequire } from 'node:module';
import type Koffi from 'koffi';

export type KoffiModule = typeof Koffi;

const require = createRequire(import.meta.url);
let loaded: KoffiModule | undefined;

/** `name` is the package to load; tests pass one that is not installed. */
export function loadKoffi(name = 'koffi'): KoffiModule {
  if (loaded && name === 'koffi') return loaded;
  let module: KoffiModule;
  try {
    module = require(name) as KoffiModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      `the synthetic voices need the optional package ${name} (a foreign-function interface to Debian's espeak-ng and flite libraries), ` +
        `which is not installed: run \`npm install --include=optional\` (or \`npm install ${name}\`), and \`apt-get install libespeak-ng1 flite\``,
      { cause: error },
    );
  }
  if (name === 'koffi') loaded = module;
  return module;
}
