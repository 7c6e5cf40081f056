import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { contentSecurityPolicy } from '../../build/csp-plugin.ts';
import { startStaticServer } from './static-server.ts';
import { serveBuiltApp } from './built-app.ts';

const truth = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/demo/seed.verbatim.json'), 'utf8')) as {
  transcript: { entries: { kind: string; start?: number }[] };
};
const trueStarts = truth.transcript.entries.filter((entry) => entry.kind === 'speech').map((entry) => entry.start!);

const app = serveBuiltApp();

describe('alignment in the app', () => {
  it('offers alignment for an untimed transcript and aligns the demo close to the true times', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.goto(`${app.url}?audio=demo/seed.opus&transcript=demo/seed.txt`);
    await page.waitForSelector('[data-turn-index]');
    assert.equal(await page.locator('[data-turn-index][data-start]').count(), 0, 'the seed text has no times');
    await page.evaluate(() => {
      (window as unknown as { __longest: number }).__longest = 0;
    });
    await page.getByTestId('align-start').click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 240_000 });
    const banner = (await page.locator('.align-banner').textContent()) ?? '';
    assert.match(banner, /Aligned 13 turns/);
    const starts = await page.locator('[data-turn-index]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.start)));
    assert.equal(starts.length, trueStarts.length);
    const errors = starts.map((start, i) => Math.abs(start - trueStarts[i]!) * 1000).sort((a, b) => a - b);
    const median = errors[errors.length >> 1]!;
    console.log(`# aligned turn starts vs truth: median ${median.toFixed(0)} ms, max ${errors.at(-1)!.toFixed(0)} ms`);
    assert.ok(median < 250, `median turn-start error ${median} ms`);
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    console.log(`# longest main-thread task while aligning: ${longest.toFixed(0)} ms`);
    // Words got times too, and the result is one undoable edit.
    assert.ok((await page.locator('.word[data-start]').count()) > 600);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-turn-index][data-start]').length === 0);
    await page.close();
  });

  it('aligns with the speech detector under the Content-Security-Policy, sent with the worker too, with no violation', async () => {
    // The page's meta policy does not reach a worker: a host that sends the policy with every file
    // puts the worker's onnxruntime-web and soundswallower under 'wasm-unsafe-eval' (no 'unsafe-eval').
    const strict = await startStaticServer(join(import.meta.dirname, '../../dist'), 0, { 'content-security-policy': contentSecurityPolicy() });
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      const messages: string[] = [];
      const listen = (message: ConsoleMessage) => messages.push(message.text());
      page.on('console', listen);
      page.on('worker', (worker) => worker.on('console', listen));
      const vadRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/vad/')) vadRequests.push(new URL(request.url()).pathname.split('/').at(-1)!);
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${strict.url}?demo=align`);
      await page.locator('.align-banner', { hasText: /Aligned 13 turns/u }).waitFor({ timeout: 240_000 });
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
      assert.deepEqual(messages.filter((text) => /Content Security Policy|Refused to/iu.test(text)), []);
      assert.deepEqual(vadRequests.sort(), ['ort-wasm-simd-threaded.wasm', 'silero_vad_v5.onnx']);
      // The detector's files are cached by the engine for offline use, never precached by the service worker.
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const entries = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => `${name} ${request.url}`)));
        return entries.flat().filter((entry) => entry.includes('/vad/'));
      });
      assert.ok(cached.some((entry) => entry.startsWith('verbatim-align-model ') && entry.endsWith('/vad/silero_vad_v5.onnx')), cached.join('\n'));
    } finally {
      await context.close();
      await strict.close();
    }
  });

  it('cancels a running alignment and leaves the transcript untimed', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.url}?audio=demo/seed.opus&transcript=demo/seed.txt`);
    await page.waitForSelector('[data-turn-index]');
    const bannerWidth = () => page.locator('.align-banner').evaluate((banner) => Math.round(banner.getBoundingClientRect().width));
    await page.getByTestId('align-start').waitFor();
    const offered = await bannerWidth();
    await page.getByTestId('align-start').click();
    await page.getByRole('progressbar').waitFor();
    assert.equal(await bannerWidth(), offered, 'the running banner is as wide as the offer');
    // Cancel stays where it is while the progress text changes (a banner as wide as its text moved it).
    const places = await page.evaluate(async () => {
      const seen = new Set<string>();
      for (const end = performance.now() + 2000; performance.now() < end; ) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const cancel = [...document.querySelectorAll('.align-banner button')].find((button) => button.textContent === 'Cancel');
        const box = cancel?.getBoundingClientRect();
        if (box) seen.add(`${Math.round(box.x)},${Math.round(box.y)}`);
      }
      return [...seen];
    });
    assert.equal(places.length, 1, `Cancel was at ${places.join(' and ')}`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-turn-index][data-start]').count(), 0);
    await page.close();
  });
});
