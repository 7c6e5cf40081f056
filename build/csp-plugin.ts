import { createHash } from 'node:crypto';
import type { Plugin, ViteDevServer, PreviewServer } from 'vite';

/**
 * The app's Content-Security-Policy. Scripts only from our origin (the aligner's WebAssembly needs
 * 'wasm-unsafe-eval', never 'unsafe-eval'); styles allow inline because wavesurfer.js styles its
 * shadow DOM with a <style> element. Media, transcripts and feeds may come from any https URL a
 * user gives (`?audio=`, `?transcript=`, `?feed=`), and from files the user opens (blob:).
 */
export function contentSecurityPolicy(inlineScriptHashes: readonly string[] = []): string {
  const scripts = ["'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes.map((hash) => `'${hash}'`)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob: https:",
    "connect-src 'self' blob: data: https:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/giu;

function hashesOf(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(([, body]) => `sha256-${createHash('sha256').update(body ?? '').digest('base64')}`);
}

/**
 * Writes the policy into index.html as a meta tag and sends it as a header from the dev and
 * preview servers. The built page has no inline script; the dev server's React Refresh preamble
 * is allowed by its hash, never by 'unsafe-inline'. (`frame-ancestors` works only as a header.)
 */
export function csp(): Plugin {
  /** Each dev page's policy, by its path: every page has its own inline scripts to hash. */
  const devPolicies = new Map<string, string>();
  const header = (policy: (path: string) => string) => (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path === '/' || path.endsWith('.html')) {
        // Set when the headers go out, not now: the page is transformed (and the hash of its
        // preamble known) after this middleware, so the very first page load gets it too.
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
        res.writeHead = ((...args: unknown[]) => {
          res.setHeader('Content-Security-Policy', `${policy(path === '/' ? '/index.html' : path)}; frame-ancestors 'self'`);
          return writeHead(...args);
        }) as typeof res.writeHead;
      }
      next();
    });
  };
  return {
    name: 'verbatim-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const policy = contentSecurityPolicy(hashesOf(html));
        if (context.server) devPolicies.set(context.path, policy);
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
      },
    },
    configureServer: header((path) => devPolicies.get(path) ?? contentSecurityPolicy()),
    configurePreviewServer: header(() => contentSecurityPolicy()),
  };
}
