/**
 * The README's quick start: `npm start` (Vite's dev server) and the very first page load
 * shows the demo and plays it, under the same Content-Security-Policy as the build (the
 * policy's header must carry the hash of the dev server's React Refresh preamble from the
 * first response on, or the page stays blank).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';

let server: ViteDevServer;
let browser: Browser;
let url: string;

before(async () => {
  const root = join(import.meta.dirname, '../..');
  server = await createServer({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', server: { port: 0, strictPort: false } });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dev server (npm start)', () => {
  it('shows and plays the demo on the first page load after it starts, with no script blocked', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const response = await page.goto(url);
    // The header is what the browser enforces: it must allow every inline script of the page as served (React Refresh's preamble).
    const header = response?.headers()['content-security-policy'] ?? '';
    const inline = [...((await response?.text()) ?? '').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gu)].map((match) => match[1]!);
    assert.ok(inline.length > 0, 'the dev page has its inline preamble');
    for (const script of inline) assert.ok(header.includes(`'sha256-${createHash('sha256').update(script).digest('base64')}'`), `the CSP header allows an inline script: ${header}`);
    await page.waitForSelector('[data-turn-index]', { timeout: 120_000 });
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, null, { timeout: 60_000 });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.querySelector('audio')?.currentTime ?? 0) > 0.5, null, { timeout: 30_000 });
    assert.deepEqual(problems, []);
    assert.match(String(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))), /script-src 'self' 'wasm-unsafe-eval' 'sha256-/u);
    await page.close();
  });
});
