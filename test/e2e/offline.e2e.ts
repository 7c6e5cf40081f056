import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startStaticServer } from './static-server.ts';
import { DIST, serveBuiltApp } from './built-app.ts';

const app = serveBuiltApp();

/** The worker takes control once its install (the precache) is complete. */
async function visitOnce(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('[data-turn-index]');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

async function playsOffline(page: Page) {
  await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, null, { timeout: 15_000 });
  await page.getByTestId('play-pause').click();
  await page.waitForFunction(() => document.querySelector('audio')!.currentTime > 0.5, null, { timeout: 15_000 });
}

/** Cache Storage entries (`cache-name url`) whose URL contains `part`. */
function cachedUrls(page: Page, part: string): Promise<string[]> {
  return page.evaluate(async (needle) => {
    const names = await caches.keys();
    const entries = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => `${name} ${request.url}`)));
    return entries.flat().filter((entry) => entry.includes(needle));
  }, part);
}

async function alignDemoText(page: Page) {
  await page.getByTestId('align-start').click();
  await page.getByRole('progressbar').waitFor();
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 240_000 });
  assert.match((await page.locator('.align-banner').textContent()) ?? '', /Aligned 13 turns/);
}

describe('offline', () => {
  it('opens and plays the demo with the network gone, after exactly one visit', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await visitOnce(page, app.url);

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-turn-index]');
    assert.equal(await page.locator('[data-turn-index]').count(), 13);
    await playsOffline(page);
    // A new tab works offline too.
    const second = await context.newPage();
    await second.goto(app.url);
    await second.waitForSelector('[data-turn-index]');
    await context.close();
  });

  it('aligns offline once the models were fetched by one online alignment', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const untimed = `${app.url}?audio=demo/seed.opus&transcript=demo/seed.txt`;
    await visitOnce(page, untimed);
    // The first visit precaches the app, not the 33 MB of models and speech detector.
    assert.deepEqual(await cachedUrls(page, '/align-model/'), []);
    await alignDemoText(page);
    const detector = await cachedUrls(page, '/vad/');
    for (const file of ['ort-wasm-simd-threaded.wasm', 'silero_vad_v5.onnx']) {
      assert.ok(detector.some((entry) => entry.startsWith('verbatim-align-model ') && entry.endsWith(`/vad/${file}`)), `${file} is kept offline`);
    }

    await context.setOffline(true);
    const offline = await context.newPage();
    // Its database connection would block the deletion below.
    await page.close();
    // Forget the result the first alignment cached, so this one really runs the models, offline.
    await offline.goto(`${app.url}demo/seed.txt`);
    await offline.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase('verbatim-alignments');
          request.onsuccess = resolve;
          request.onerror = reject;
        }),
    );
    await offline.goto(untimed);
    await offline.waitForSelector('[data-turn-index]');
    assert.equal(await offline.locator('[data-turn-index][data-start]').count(), 0);
    await alignDemoText(offline);
    await context.close();
  });

  it('keeps working when the storage quota is full: the page shows, and says so once', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin, quotaSize: 64 * 1024 });
    await page.goto(app.url);
    await page.waitForSelector('[data-turn-index]');
    await page.getByText(/storage is full/u).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    for (let load = 0; load < 3; load += 1) {
      await page.reload();
      await page.waitForSelector('[data-turn-index]');
      assert.equal(await page.locator('[data-turn-index]').count(), 13, `load ${load + 2} shows the demo`);
      await page.waitForTimeout(500);
      assert.ok((await page.getByText(/storage is full/u).count()) <= 1, 'said once, not once per failed write');
    }
    const fresh = await context.newPage();
    await fresh.goto(app.url);
    await fresh.waitForSelector('[data-turn-index]');
    await fresh.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, null, { timeout: 15_000 });
    await context.close();
  });

  it('offers a new version with a reload prompt instead of swapping code under the user', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verbatim-sw-'));
    await cp(DIST, root, { recursive: true });
    const local = await startStaticServer(root);
    let context: BrowserContext | undefined;
    try {
      context = await app.browser.newContext();
      const page = await context.newPage();
      await visitOnce(page, local.url);
      assert.equal(await page.getByTestId('update-prompt').count(), 0);
      await appendFile(join(root, 'sw.js'), '\n// a new build\n');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByTestId('update-prompt').waitFor({ timeout: 30_000 });
      const before = await page.evaluate(() => performance.timeOrigin);
      await page.getByRole('button', { name: 'Reload' }).click();
      await page.waitForFunction((origin) => performance.timeOrigin !== origin, before, { timeout: 30_000 }).catch(() => undefined);
      await page.waitForSelector('[data-turn-index]');
      assert.notEqual(await page.evaluate(() => performance.timeOrigin), before, 'the page reloaded into the new version');
      assert.equal(await page.getByTestId('update-prompt').count(), 0);
    } finally {
      await context?.close();
      await local.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
