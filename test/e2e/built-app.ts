import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startStaticServer } from './static-server.ts';

/** The production build the e2e tests run against (`VERBATIM_DIST` points elsewhere, e.g. a benchmark's build). */
export const DIST = process.env.VERBATIM_DIST ?? join(import.meta.dirname, '../../dist');

/** A browser and a static server on the built app, for one test file. */
export interface BuiltApp {
  readonly browser: Browser;
  /** The app's address, ending in `/`. */
  readonly url: string;
}

/**
 * Serves `root` (the production build unless told otherwise) and launches Chromium before the
 * file's tests, and closes both after them. Call it once at the top of a test file.
 */
export function serveBuiltApp(root: string | (() => string) = DIST): BuiltApp {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  before(async () => {
    server = await startStaticServer(typeof root === 'function' ? root() : root);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('serveBuiltApp: the browser is used before the test file’s `before` ran');
      return browser;
    },
    get url() {
      if (!server) throw new Error('serveBuiltApp: the server is used before the test file’s `before` ran');
      return server.url;
    },
  };
}

/** A folder of test fixtures inside the served build. */
export interface FixtureFolder {
  /** Where to write the files. */
  readonly dir: string;
  /** Its path below the app's address, ending in `/`: `${app.url}${folder.path}name.vtt`. */
  readonly path: string;
}

/**
 * Makes a fresh folder inside the build (beside demo/, which relative links in the fixtures
 * reach) before the file's tests, fills it with `fill(dir)`, and removes it after them.
 */
export function fixtureFolder(prefix: string, fill: (dir: string) => void | Promise<void>): FixtureFolder {
  let dir: string | undefined;
  before(async () => {
    dir = mkdtempSync(join(DIST, `${prefix}-`));
    await fill(dir);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const made = () => {
    if (!dir) throw new Error('fixtureFolder: used before the test file’s `before` ran');
    return dir;
  };
  return {
    get dir() {
      return made();
    },
    get path() {
      return `${basename(made())}/`;
    },
  };
}

/** A page in a fresh context (no autosaved work from another test) that collects uncaught errors. */
export async function freshPage(app: BuiltApp, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await app.browser.newContext({ viewport: { width: 1200, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Waits until the transcript is listed and the audio's metadata is known. */
export async function waitForSession(page: Page): Promise<void> {
  await page.waitForSelector('[data-turn-index]');
  await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
}

/** The demo in editor mode in a fresh page, once its waveform is drawn and the turn regions are on it. */
export async function openDemoEditor(app: BuiltApp): Promise<{ page: Page; errors: string[] }> {
  const opened = await freshPage(app);
  await opened.page.goto(app.url);
  await waitForSession(opened.page);
  // Playwright's CSS engine looks inside wavesurfer's open shadow root.
  await opened.page.locator('[part~="canvases"] canvas').first().waitFor({ state: 'attached' });
  await opened.page.keyboard.press('e');
  await opened.page.locator('[part~="turn-region"]').first().waitFor();
  return opened;
}
