/**
 * What the `profile-ui-*` scripts share: their command-line options, the shapes of a CPU
 * profile and a Chromium trace, the app built for profiling with the scale fixtures beside it,
 * and a page of it with bench:ui's probe installed.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import { installProbe, type AppKind } from './bench-ui-probe.ts';
import { DEFAULT_SCALE_DIR, ensureScaleFixtures, type ScaleFixture } from './scale-fixtures.ts';

const ROOT = join(import.meta.dirname, '..');

/** The value after `name` on the command line, or `fallback`. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  id?: string;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: {
      functionName?: string;
      url?: string;
      lineNumber?: number;
      type?: string;
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
    beginData?: { stackTrace?: unknown[] };
  };
}

/** Trace events that are main-thread work of their own (what a long task is made of). */
export const MAIN_THREAD_WORK = new Set([
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MajorGC',
  'MinorGC',
  'ParseAuthorStyleSheet',
  'Decode Image',
  'XHRReadyStateChange',
  'ResourceReceivedData',
]);

/**
 * The production app for profiling (not minified unless `minify`, so profiles name functions):
 * `--dist DIR` as given, else built into a fresh temporary folder that `remove()` deletes. The
 * scale fixtures are linked in as `scale/`.
 */
export async function profileBuild(prefix: string, minify = false): Promise<{ dist: string; remove(): void }> {
  const given = process.argv.includes('--dist') ? option('--dist', '') : null;
  const tmp = given ? null : mkdtempSync(join(tmpdir(), `${prefix}-`));
  const dist = given ?? join(tmp!, 'app');
  if (!given) {
    console.log(`building (${minify ? '' : 'not '}minified) into ${dist} …`);
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true, minify } });
  }
  if (!existsSync(join(dist, 'scale'))) symlinkSync(DEFAULT_SCALE_DIR, join(dist, 'scale'));
  return { dist, remove: () => tmp && rmSync(tmp, { recursive: true, force: true }) };
}

/** A page in a fresh 1280×800 context with bench:ui's probe installed; page errors are printed. */
export async function probedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript('window.__name = (fn) => fn;');
  const kind: AppKind = 'verbatim';
  await page.addInitScript(installProbe, kind);
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  return { context, page };
}

/** What a profiling run gets: its scale fixture, the served app and a browser. */
export interface ProfileRun {
  fixture: ScaleFixture;
  /** The app's URL opening the fixture's audio, transcript and peaks. */
  fixtureUrl: string;
  /** The served app's root URL (ends in `/`). */
  appUrl: string;
  browser: Browser;
}

/**
 * Builds (or takes `--dist`) the app, serves it with the scale fixtures, launches Chromium and
 * runs `body` on the fixture `--size` (default `defaultSize`); everything is closed afterwards.
 */
export async function runProfile(prefix: string, defaultSize: string, body: (run: ProfileRun) => Promise<void>, minify = false): Promise<void> {
  const sizeKey = option('--size', defaultSize);
  const fixture = (await ensureScaleFixtures(DEFAULT_SCALE_DIR)).find((f) => f.size.key === sizeKey);
  if (!fixture) throw new Error(`no fixture ${sizeKey}`);
  const app = await profileBuild(prefix, minify);
  const server = await startStaticServer(app.dist);
  const browser = await launchChromium();
  const name = (path: string) => `scale/${path.split('/').pop()}`;
  const fixtureUrl = `${server.url}?audio=${name(fixture.audioPath)}&transcript=${name(fixture.transcriptPath)}&peaks=${name(fixture.peaksPath)}`;
  try {
    await body({ fixture, fixtureUrl, appUrl: server.url, browser });
  } finally {
    await browser.close();
    await server.close();
    app.remove();
  }
}
