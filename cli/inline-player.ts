/**
 * The `<verbatim-player>` copy that `convert --to html` inlines: the built
 * `dist/embed/verbatim-player.inline.js`, built on first use when missing, with
 * its SHA-256 for the page's Content-Security-Policy.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const file = join(root, 'dist/embed/verbatim-player.inline.js');

export function inlinePlayer(): { script: string; sha256: string } {
  if (!existsSync(file)) {
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.embed.config.ts', '--logLevel', 'error'], {
      cwd: root,
      env: { ...process.env, VERBATIM_EMBED_INLINE: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const script = readFileSync(file, 'utf8');
  return { script, sha256: createHash('sha256').update(script, 'utf8').digest('base64') };
}
