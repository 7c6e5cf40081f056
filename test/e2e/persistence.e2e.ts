import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveBuiltApp } from './built-app.ts';
import { storedProjects } from './stored-projects.ts';

const built = serveBuiltApp();

interface App {
  page: Page;
  /** Types of the dialogs the page raised (all accepted), e.g. `beforeunload`. */
  dialogs: string[];
  errors: string[];
}

/** A fresh browser profile each time: its own IndexedDB and localStorage. */
async function openApp(init?: () => void): Promise<App> {
  const context = await built.browser.newContext({ viewport: { width: 1100, height: 800 }, acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const app: App = { page, dialogs: [], errors: [] };
  page.on('pageerror', (error) => app.errors.push(error.message));
  page.on('dialog', (dialog) => {
    app.dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.goto(built.url);
  await ready(page);
  return app;
}

async function ready(page: Page) {
  await page.waitForSelector('[data-turn-index]');
  await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
}

const turn = (page: Page, index: number) => page.locator(`[data-turn-index="${index}"]`);
const startOf = async (page: Page, index: number) => Number(await turn(page, index).getAttribute('data-start'));

/** Editor mode, select the third turn, put the playhead half a second into it, press `[`. */
async function editThirdTurnStart(page: Page): Promise<{ before: number; after: number }> {
  const before = await startOf(page, 2);
  await page.keyboard.press('e');
  await page.waitForSelector('[data-mode="edit"]');
  await turn(page, 2).locator('.turn__seek').click();
  await page.evaluate((time) => {
    document.querySelector('audio')!.currentTime = time;
  }, before + 0.5);
  await page.waitForFunction((time) => Math.abs(document.querySelector('audio')!.currentTime - time) < 0.01, before + 0.5);
  await page.keyboard.press('[');
  await page.waitForFunction((expected) => Number(document.querySelector('[data-turn-index="2"]')?.getAttribute('data-start')) === expected, before + 0.5);
  return { before, after: await startOf(page, 2) };
}

/** The third turn's start in each stored project, read from IndexedDB directly. */
async function savedStarts(page: Page): Promise<number[]> {
  return (await storedProjects(page)).map((record) => {
    const transcript = JSON.parse(record.transcriptJson) as { entries: { start?: number; words?: unknown }[] };
    return transcript.entries.filter((entry) => entry.words)[2]?.start ?? NaN;
  });
}

describe('never lose work', () => {
  it('saves an edit within a second, offers it back after a reload, dated, and restores it', async () => {
    const { page, dialogs, errors } = await openApp();
    const { before, after: edited } = await editThirdTurnStart(page);
    assert.equal(edited, before + 0.5);

    await page.waitForTimeout(1000);
    assert.deepEqual(await savedStarts(page), [edited], 'in IndexedDB within one second of the edit');

    await page.reload();
    await ready(page);
    assert.ok(dialogs.includes('beforeunload'), 'closing with unexported changes warns');
    const prompt = page.getByRole('alertdialog');
    await prompt.waitFor();
    const text = (await prompt.textContent()) ?? '';
    assert.match(text, /Restore your autosaved edits from today at \d{1,2}:\d{2}[^?]*\?\s*Your edits to seed\.verbatim\.json were kept on this device/);
    assert.equal(await startOf(page, 2), before, 'the file as opened, until the user answers');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Restore', 'focus is on Restore');

    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    assert.equal(await startOf(page, 2), edited, 'the edit is back');

    // Restoring is one undoable step back to the file as opened.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((expected) => Number(document.querySelector('[data-turn-index="2"]')?.getAttribute('data-start')) === expected, before);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('keeps an edit made just before the page closes', async () => {
    const { page } = await openApp();
    const { after: edited } = await editThirdTurnStart(page);
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    assert.equal(await startOf(page, 2), edited);
    await page.context().close();
  });

  it('Discard deletes the saved edits for good', async () => {
    const { page } = await openApp();
    const { before } = await editThirdTurnStart(page);
    await page.waitForTimeout(1000);
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    assert.equal(await startOf(page, 2), before);
    for (let i = 0; i < 20 && (await savedStarts(page)).length > 0; i++) await page.waitForTimeout(50);
    assert.deepEqual(await savedStarts(page), []);
    await page.reload();
    await ready(page);
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    await page.context().close();
  });

  it('lists the project under Recent and reopens it from there', async () => {
    const { page } = await openApp();
    await editThirdTurnStart(page);
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Recent' }).click();
    const entry = page.getByTestId('recent-open');
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /seed\.verbatim\.json.*seed\.opus · today at/);
    await entry.click();
    const prompt = page.getByRole('alertdialog');
    await prompt.waitFor();
    assert.match((await prompt.textContent()) ?? '', /seed\.verbatim\.json/);
    await page.context().close();
  });

  it('warns visibly when the browser offers no IndexedDB', async () => {
    const { page, errors } = await openApp(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    const warning = page.getByTestId('warning-notice');
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? '', /not saved on this device/);
    await editThirdTurnStart(page);
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId('warning-notice').count(), 1, 'one warning, not one per edit');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe('export', () => {
  it('downloads SRT named after the transcript, with the speakers, and clears the unload warning', async () => {
    const { page, dialogs } = await openApp();
    const { after: edited } = await editThirdTurnStart(page);
    const button = page.getByRole('button', { name: 'Export' });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    // Walk to the SRT item with the keyboard.
    for (let i = 0; i < 10 && !/SRT/.test((await page.evaluate(() => document.activeElement?.textContent)) ?? ''); i++) {
      await page.keyboard.press('ArrowDown');
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'seed.srt');
    const srt = readFileSync((await download.path())!, 'utf8');
    for (const name of ['Charles Maynes', 'Summers', 'Abbas Gallyamov']) assert.ok(srt.includes(name), `SRT names ${name}`);
    const seconds = Math.floor(edited);
    const clock = `00:00:${String(seconds).padStart(2, '0')},${String(Math.round((edited - seconds) * 1000)).padStart(3, '0')}`;
    assert.ok(srt.includes(`${clock} -->`), `the edited start ${clock} is in the file`);
    await menu.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Export', 'focus is back on the menu button');

    // Space on the menu button opens the menu (it is not the player's play/pause).
    await page.keyboard.press('Space');
    await menu.waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('audio')!.paused), true);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    await page.reload();
    await ready(page);
    assert.ok(!dialogs.includes('beforeunload'), 'nothing unexported, no warning');
    await page.context().close();
  });
});
