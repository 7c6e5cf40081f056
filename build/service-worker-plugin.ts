import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** Public files the first visit must leave behind for offline use: the demo (timed, and untimed for `?demo=align`). */
const PRECACHE_PUBLIC_DIRS = ['demo'];
/** Built files too large to fetch up front; they are cached the first time they are used. */
const SKIP = [/^align-model\//u, /^vad-model\//u, /\.map$/u, /^embed-example/u];

/**
 * Emits `sw.js` from `src/service-worker/sw.js` with the build's precache list and a version
 * derived from it, so every build is a byte-different worker and the browser offers the update.
 */
export function serviceWorker(source: string): Plugin {
  let publicDir = '';
  return {
    name: 'verbatim-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      if (this.environment.config.consumer !== 'client') return;
      const built = Object.keys(bundle).filter((file) => !SKIP.some((pattern) => pattern.test(file)));
      const fromPublic: string[] = [];
      for (const dir of PRECACHE_PUBLIC_DIRS) {
        const files = await readdir(join(publicDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
        for (const entry of files) if (entry.isFile()) fromPublic.push(relative(publicDir, join(entry.parentPath, entry.name)));
      }
      const precache = ['./', ...built.filter((file) => file !== 'index.html'), ...fromPublic].sort();
      const version = createHash('sha256').update(precache.join('\n')).update(await readFile(source)).digest('hex').slice(0, 12);
      const header = `const __VERBATIM_PRECACHE__ = ${JSON.stringify(precache)};\nconst __VERBATIM_VERSION__ = ${JSON.stringify(version)};\n`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: header + (await readFile(source, 'utf8')) });
    },
  };
}
