/**
 * Builds `<verbatim-player>` into `dist/embed/`, after the app build (it adds to
 * `dist/` without emptying it):
 * - `verbatim-player.js`, the published ES module; readers and the waveform are
 *   lazily loaded chunks beside it;
 * - with VERBATIM_EMBED_INLINE=1, `verbatim-player.inline.js`, one file with no
 *   imports, which the interactive HTML export inlines.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const inline = process.env.VERBATIM_EMBED_INLINE === '1';
const entry = inline ? 'verbatim-player-inline' : 'verbatim-player';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: fileURLToPath(new URL(`./src/embed/${entry}.ts`, import.meta.url)),
      formats: ['es'],
      fileName: () => (inline ? 'verbatim-player.inline.js' : 'verbatim-player.js'),
    },
    rollupOptions: {
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js', ...(inline ? { codeSplitting: false } : {}) },
    },
  },
});
