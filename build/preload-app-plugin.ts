import type { Plugin } from 'vite';

/**
 * The page's first script (src/main.tsx) is small and loads the app's code with `import()`,
 * so the browser would ask for that chunk only once the first script has arrived and run.
 * A `modulepreload` link for every chunk the entry imports dynamically from the page itself
 * starts that download (and its compile) together with the first script's.
 */
export function preloadApp(): Plugin {
  let base = '/';
  return {
    name: 'verbatim-preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const entry = context.chunk;
        if (!entry || !context.bundle) return [];
        return entry.dynamicImports
          .filter((file) => context.bundle![file]?.type === 'chunk')
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
