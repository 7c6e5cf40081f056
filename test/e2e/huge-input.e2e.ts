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
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** Speech turns of the generated text: one speaker-labelled paragraph each, every paragraph ending in a blank line. */
function paragraphsOf(path: string): number {
  const text = readFileSync(path, 'latin1');
  let count = 0;
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 2)) count++;
  return count;
}

/**
 * Whether the app's IndexedDB holds a project whose transcript contains `marker`, with every piece its
 * record names present and the last closing the JSON (looked at in the page: the record is hundreds of MB).
 */
const savedWith = (page: Page, marker: string) =>
  page.evaluate(
    (wanted) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('verbatim');
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          resolve(false);
        };
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('projects')) return resolve(false);
          const objects = db.transaction('projects').objectStore('projects');
          const request = objects.getAll();
          request.onsuccess = () => {
            const record = (request.result as { key?: string; transcriptJson?: string; pieces?: number }[]).find((found) => found.transcriptJson?.includes(wanted));
            if (!record?.key) return resolve(false);
            const count = record.pieces ?? 0;
            if (count === 0) return resolve(record.transcriptJson!.endsWith(']}'));
            const pieces: unknown[] = [];
            for (let index = 1; index <= count; index++) {
              const piece = objects.get(`project:${record.key}#${index}`);
              piece.onsuccess = () => {
                pieces.push(piece.result);
                if (pieces.length === count) resolve(pieces.every((text) => typeof text === 'string') && (pieces.at(-1) as string).endsWith(']}'));
              };
            }
          };
          request.onerror = () => resolve(false);
        };
      }),
    marker,
  );

/** The highest turn index among the rows on screen. */
const lastTurnShown = (page: Page) => page.evaluate(() => Math.max(-1, ...[...document.querySelectorAll<HTMLElement>('[data-turn-index]')].map((row) => Number(row.dataset.turnIndex))));

/** The page's clock now, to mark the start of a step. */
const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The longest main-thread task that started since `since` (page clock), waiting a little for the last ones to be reported. */
async function longestTaskSince(page: Page, since: number): Promise<number> {
  await page.waitForTimeout(300);
  return page.evaluate((from) => Math.max(0, ...window.__load.longTasks.filter((task) => task.start >= from).map((task) => task.duration)), since);
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

  it('opens a 1-million-word Verbatim JSON with progress shown and the page answering', async () => {
    const { page, close } = await openDemo();
    try {
      const figures = await openDuringLoad(page, inputs.json, 'huge.json');
      report('1 M-word JSON', figures);
      assert.match(await transcriptName(page), /huge\.json/u);
      assert.ok((await page.locator('[data-turn-index]').count()) > 0);
      assert.equal(figures.playMs !== null, true, 'Play answered while the file opened');
    } finally {
      await close();
    }
  });

  it('a 60 MB transcript opened is used like any other with the keyboard: all its turns, Space plays, scroll to the end, edit a turn, autosaved', async () => {
    const turns = paragraphsOf(inputs.text);
    const { page, close } = await openDemo();
    try {
      const figures = await openDuringLoad(page, inputs.text, 'huge.txt');
      report('60 MB text (keyboard session)', figures);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // The longest main-thread task of each step, printed beside the load's figures.
      const steps: string[] = [];
      let since = await pageNow(page);
      const step = async (label: string) => {
        steps.push(`${label} ${Math.round(await longestTaskSince(page, since))} ms`);
        since = await pageNow(page);
      };
      // Space plays, and pauses again.
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.querySelector('audio')?.paused === false);
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.querySelector('audio')?.paused === true);
      await step('Space, Space');
      // End on the transcript scrolls to its last turn: every paragraph is a turn.
      await page.getByTestId('transcript-scroller').focus();
      await page.keyboard.press('End');
      await page.waitForFunction((last) => [...document.querySelectorAll<HTMLElement>('[data-turn-index]')].some((row) => Number(row.dataset.turnIndex) === last), turns - 1, { timeout: 30_000 });
      assert.equal(await lastTurnShown(page), turns - 1);
      await step('End');
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.querySelector('[data-turn-index="0"]') !== null);
      await step('Home');
      // Editor mode, the second turn, its text box: a word typed at the end, Enter commits.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('e');
      await page.waitForSelector('[data-mode="edit"]', { timeout: 120_000 });
      await step('e (editor mode)');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('F2');
      await page.waitForSelector('.turn-editor textarea', { timeout: 60_000 });
      await step('ArrowDown, F2');
      await page.keyboard.press('End');
      await page.keyboard.type(' zebracrossing');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('zebracrossing'), undefined, { timeout: 60_000 });
      await step('typing, Enter');
      console.log(`  60 MB text (keyboard session), longest main-thread task per step: ${steps.join('; ')}`);
      // Autosaved: the project in IndexedDB carries the edit.
      const deadline = Date.now() + 90_000;
      while (!(await savedWith(page, 'zebracrossing'))) {
        if (Date.now() > deadline) {
          const notices = await page.locator('.notice').allInnerTexts();
          assert.fail(`the edit was not autosaved within 90 s; notices: ${JSON.stringify(notices)}`);
        }
        await page.waitForTimeout(1000);
      }
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
