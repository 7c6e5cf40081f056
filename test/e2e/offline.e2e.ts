import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startStaticServer } from './static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;

before(async () => {
  server = await startStaticServer(join(import.meta.dirname, '../../dist'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline', () => {
  it('opens and plays the demo with the network gone, after one visit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-turn-index]');
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    // The first visit ran before the worker controlled the page; a second fills the cache through it.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.waitForSelector('[data-turn-index]');
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 2);
    await page.waitForTimeout(1000);

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-turn-index]');
    assert.equal(await page.locator('[data-turn-index]').count(), 13);
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, null, { timeout: 15_000 });
    await page.getByTestId('play-pause').click();
    await page.waitForFunction(() => document.querySelector('audio')!.currentTime > 0.5, null, { timeout: 15_000 });
    await context.close();
  });
});
