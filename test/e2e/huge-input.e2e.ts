/**
 * Huge inputs in Chromium against the built app: a 60 MB plain-text transcript and a
 * 200,000-cue WebVTT, generated here into a temporary folder (never committed), opened
 * over the demo with the file picker. The page records its long tasks (PerformanceObserver
 * `longtask`) and how long a Play click takes to answer while the file opens; the test
 * prints those figures and asserts what the user sees: the loading status with its
 * progress, the file open in the end, and Cancel leaving the demo as it was. Timings are
 * printed, never asserted (the machine is shared).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freshPage, serveBuiltApp, waitForSession } from './built-app.ts';
import { writeHugeInputs, type HugeInputs } from './huge-inputs.ts';
import { installLoadProbe, openDuringLoad, type OpenFigures } from './load-probe.ts';

const app = serveBuiltApp();
let dir: string;
let inputs: HugeInputs;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-huge-'));
  inputs = writeHugeInputs(dir);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The demo, loaded and playable, with the probe recording from the first script on. */
async function openDemo(): Promise<{ page: Page; close: () => Promise<void> }> {
  const { page } = await freshPage(app, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(installLoadProbe);
  await page.goto(app.url);
  await waitForSession(page);
  return { page, close: () => page.context().close() };
}

const transcriptName = (page: Page) => page.evaluate(() => document.querySelector('.session')?.textContent ?? '');
const report = (label: string, figures: OpenFigures) =>
  console.log(
    `  ${label}: opened in ${Math.round(figures.openMs)} ms; longest main-thread task ${Math.round(figures.longestTaskMs)} ms (${figures.longTasks} tasks over 50 ms); Play answered in ${figures.playMs === null ? '–' : Math.round(figures.playMs)} ms; progress seen: ${figures.progressSeen.join(' | ')}`,
  );

describe('huge inputs', { timeout: 600_000 }, () => {
  it('opens a 60 MB text transcript with progress shown and the page answering', async () => {
    assert.ok(statSync(inputs.text).size >= 60_000_000);
    const { page, close } = await openDemo();
    try {
      const figures = await openDuringLoad(page, inputs.text, 'huge.txt');
      report('60 MB text', figures);
      assert.ok(figures.progressSeen.length > 0, 'the loading status showed while the file opened');
      assert.match(await transcriptName(page), /huge\.txt/u);
      assert.ok((await page.locator('[data-turn-index]').count()) > 0);
      assert.equal(figures.playMs !== null, true, 'Play answered while the file opened');
    } finally {
      await close();
    }
  });

  it('opens a 200,000-cue WebVTT with progress shown and the page answering', async () => {
    const { page, close } = await openDemo();
    try {
      const figures = await openDuringLoad(page, inputs.vtt, 'huge.vtt');
      report('200,000-cue VTT', figures);
      assert.ok(figures.progressSeen.length > 0, 'the loading status showed while the file opened');
      assert.match(await transcriptName(page), /huge\.vtt/u);
      assert.ok((await page.locator('[data-turn-index]').count()) > 0);
      assert.equal(figures.playMs !== null, true, 'Play answered while the file opened');
    } finally {
      await close();
    }
  });

  it('Cancel stops the read and leaves the open transcript as it was', async () => {
    const { page, close } = await openDemo();
    try {
      const before = { name: await transcriptName(page), first: await page.locator('[data-turn-index]').first().innerText() };
      await page.getByTestId('file-input').setInputFiles(inputs.text);
      const status = page.getByTestId('load-status');
      await status.waitFor();
      await status.getByRole('button', { name: 'Cancel' }).click();
      await status.waitFor({ state: 'detached' });
      // Long enough for the parse to have finished had it not been stopped.
      await page.waitForTimeout(3000);
      assert.equal(await transcriptName(page), before.name);
      assert.equal(await page.locator('[data-turn-index]').first().innerText(), before.first);
      assert.equal(await page.locator('.notice--error').count(), 0);
      // The page still opens files after a cancel.
      const figures = await openDuringLoad(page, inputs.vtt, 'huge.vtt');
      assert.match(await transcriptName(page), /huge\.vtt/u);
      report('200,000-cue VTT after a cancel', figures);
    } finally {
      await close();
    }
  });
});
