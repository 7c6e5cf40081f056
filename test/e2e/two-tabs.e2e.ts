import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { serveBuiltApp, waitForSession } from './built-app.ts';
import { blocking, describeViolations, runAxe } from './axe.ts';
import { storedProjects, type StoredProject } from './stored-projects.ts';

const app = serveBuiltApp();

interface Tab {
  page: Page;
  errors: string[];
}

async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const tab: Tab = { page, errors: [] };
  page.on('pageerror', (error) => tab.errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(app.url);
  await waitForSession(page);
  return tab;
}

const banner = (page: Page) => page.getByTestId('tab-lock-banner');
const bannerReason = (page: Page) => banner(page).getAttribute('data-reason');
/** axe-core on the banner: no critical or serious violation. */
async function assertBannerAccessible(page: Page, label: string) {
  const violations = await runAxe(page, '[data-testid="tab-lock-banner"]');
  console.log(`# axe · tab-lock banner (${label}): ${describeViolations(violations)}`);
  assert.deepEqual(blocking(violations), [], describeViolations(violations));
}
const transcriptText = async (page: Page) => (await page.locator('main').textContent()) ?? '';
const waitForText = (page: Page, text: string) => page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t), text);

/** Editor mode, select turn `index`, F2, End, type ` word`, Enter: one committed edit, typed with real keys. */
async function appendWord(page: Page, index: number, word: string) {
  if ((await page.locator('[data-mode]').first().getAttribute('data-mode')) !== 'edit') {
    await page.keyboard.press('e');
    await page.waitForSelector('[data-mode="edit"]');
  }
  await page.locator(`[data-turn-index="${index}"] .turn__seek`).click();
  await page.keyboard.press('F2');
  await page.waitForSelector('.turn-editor textarea');
  await page.keyboard.press('End');
  await page.keyboard.type(` ${word}`);
  await page.keyboard.press('Enter');
  await waitForText(page, word);
}

/** Waits until the one stored record contains every word in `words`; returns it. */
async function waitForStored(page: Page, words: string[]): Promise<StoredProject> {
  let records: StoredProject[] = [];
  for (let i = 0; i < 40; i++) {
    records = await storedProjects(page);
    if (records.length === 1 && words.every((word) => records[0]!.transcriptJson.includes(word))) return records[0]!;
    await page.waitForTimeout(50);
  }
  assert.fail(`stored: ${records.length} record(s), missing ${words.filter((word) => !records[0]?.transcriptJson.includes(word)).join(', ')}`);
}

describe('two tabs on one project', () => {
  it('opens the second read-only, hands over on request, and no write replaces a newer state', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    const a = await openTab(context);
    assert.equal(await banner(a.page).count(), 0, 'the first tab edits');
    await appendWord(a.page, 2, 'alphaedit');
    const first = await waitForStored(a.page, ['alphaedit']);

    // The second tab: read-only, says so, shows what the first one saved, offers no restore.
    const b = await openTab(context);
    await banner(b.page).waitFor();
    assert.equal(await bannerReason(b.page), 'elsewhere');
    assert.match((await banner(b.page).textContent()) ?? '', /This project is open in another tab — take over here\?/);
    assert.equal(await b.page.evaluate(() => document.activeElement?.tagName), 'H2', 'focus is on the banner heading, not its button');
    await waitForText(b.page, 'alphaedit');
    assert.equal(await b.page.getByRole('alertdialog').count(), 0, 'no restore offer in a read-only tab');
    await assertBannerAccessible(b.page, 'open in another tab');

    // An edit attempt in the second tab does nothing and says why.
    await b.page.locator('[data-turn-index="2"] .turn__seek').click();
    await b.page.keyboard.press('e');
    const why = b.page.getByTestId('info-notice');
    await why.waitFor();
    assert.match((await why.textContent()) ?? '', /open in another tab, so this tab is read-only/);
    assert.equal(await b.page.locator('[data-mode]').first().getAttribute('data-mode'), 'read', 'editor mode stays off');
    await b.page.keyboard.press('F2');
    await b.page.keyboard.press('Control+z');
    await b.page.waitForTimeout(300);
    assert.equal(await b.page.locator('.turn-editor textarea').count(), 0);
    assert.ok((await transcriptText(b.page)).includes('alphaedit'), 'undo did nothing');
    assert.equal((await waitForStored(a.page, ['alphaedit'])).stamp, first.stamp, 'the read-only tab wrote nothing');

    // The first tab keeps editing; the read-only view follows its saves.
    await appendWord(a.page, 3, 'betaedit');
    await waitForText(b.page, 'betaedit');

    // The first tab has a text box open with words typed but not committed (no Enter, no blur).
    await a.page.locator('[data-turn-index="4"] .turn__seek').click();
    await a.page.keyboard.press('F2');
    await a.page.waitForSelector('.turn-editor textarea');
    await a.page.keyboard.press('End');
    await a.page.keyboard.type(' draftedit');
    await a.page.waitForTimeout(300);
    assert.ok(!(await waitForStored(a.page, ['alphaedit', 'betaedit'])).transcriptJson.includes('draftedit'), 'the draft is not committed yet');

    // Take over from the keyboard: from the banner's heading, Tab to its button, Enter.
    await banner(b.page).getByRole('heading').focus();
    await b.page.keyboard.press('Tab');
    assert.equal(await b.page.evaluate(() => document.activeElement?.textContent), 'Take over');
    assert.match(
      await a.page.evaluate(() => (document.activeElement instanceof HTMLTextAreaElement ? document.activeElement.value : '')),
      / draftedit$/u,
      'the draft is still open, focused and uncommitted in the first tab',
    );
    await b.page.keyboard.press('Enter');
    await banner(b.page).waitFor({ state: 'detached' });
    // The first tab committed the open box before it let go: the new owner has the draft, and so does storage.
    await waitForText(b.page, 'draftedit');
    await waitForStored(b.page, ['alphaedit', 'betaedit', 'draftedit']);
    await banner(a.page).waitFor();
    assert.equal(await a.page.locator('.turn-editor textarea').count(), 0, 'the first tab closed its text box');
    await waitForText(a.page, 'draftedit');
    assert.equal(await bannerReason(a.page), 'taken-over');
    assert.match((await banner(a.page).textContent()) ?? '', /now being edited in another tab/);
    await assertBannerAccessible(a.page, 'taken over');
    assert.equal(await a.page.locator('[data-mode]').first().getAttribute('data-mode'), 'read', 'the first tab left editor mode');
    await a.page.keyboard.press('e');
    await a.page.getByTestId('info-notice').waitFor();
    assert.equal(await a.page.locator('[data-mode]').first().getAttribute('data-mode'), 'read');

    // The new owner edits on top of the newest state.
    const text = await transcriptText(b.page);
    assert.ok(text.includes('alphaedit') && text.includes('betaedit'), 'the new owner starts from the newest stored state');
    await appendWord(b.page, 4, 'gammaedit');
    const afterTakeOver = await waitForStored(b.page, ['alphaedit', 'betaedit', 'draftedit', 'gammaedit']);
    assert.notEqual(afterTakeOver.stamp, first.stamp);
    await waitForText(a.page, 'gammaedit');

    // A reload of the read-only tab: still read-only, with every edit.
    await a.page.reload();
    await waitForSession(a.page);
    await banner(a.page).waitFor();
    assert.equal(await bannerReason(a.page), 'elsewhere');
    await waitForText(a.page, 'gammaedit');

    // A reload of the owner: it edits again (the other tab did not grab the lock meanwhile) and restores its edits.
    await b.page.reload();
    await waitForSession(b.page);
    await b.page.getByRole('button', { name: 'Restore' }).click();
    await b.page.getByRole('alertdialog').waitFor({ state: 'detached' });
    const restored = await transcriptText(b.page);
    assert.ok(['alphaedit', 'betaedit', 'gammaedit'].every((word) => restored.includes(word)));
    assert.equal(await banner(b.page).count(), 0);
    await banner(a.page).waitFor();
    assert.equal(await bannerReason(a.page), 'elsewhere', 'the other tab is back to “open in another tab”');

    // Closing the owner: the other tab says so and edits after one click.
    await b.page.close();
    await a.page.waitForSelector('[data-testid="tab-lock-banner"][data-reason="free"]');
    await a.page.getByRole('button', { name: 'Edit here' }).click();
    await banner(a.page).waitFor({ state: 'detached' });
    await appendWord(a.page, 5, 'deltaedit');
    await waitForStored(a.page, ['alphaedit', 'betaedit', 'gammaedit', 'deltaedit']);

    assert.deepEqual([...a.errors, ...b.errors], []);
    await context.close();
  });

  it('without Web Locks or BroadcastChannel, the stamp in the stored record stops a stale tab from replacing a newer save', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    // An old browser: no navigator.locks, no BroadcastChannel. Both tabs think they edit.
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { value: undefined, configurable: true });
      Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true });
    });
    const a = await openTab(context);
    const b = await openTab(context);
    assert.equal(await banner(b.page).count(), 0);
    await appendWord(a.page, 2, 'firstsave');
    const first = await waitForStored(a.page, ['firstsave']);

    // The second tab still shows the file as opened; its edit must not replace the first tab's save.
    await appendWord(b.page, 3, 'stalesave');
    await b.page.waitForSelector('[data-testid="tab-lock-banner"][data-reason="conflict"]');
    assert.match((await banner(b.page).textContent()) ?? '', /saved in another tab/);
    assert.ok((await transcriptText(b.page)).includes('stalesave'), 'the refused change stays on screen, marked not saved');
    await b.page.waitForTimeout(300);
    const stillFirst = await waitForStored(a.page, ['firstsave']);
    assert.equal(stillFirst.stamp, first.stamp, 'the stale write was refused');
    assert.ok(!stillFirst.transcriptJson.includes('stalesave'));

    // Take over loads the newest state; the next edit builds on it.
    await b.page.getByRole('button', { name: 'Take over' }).click();
    await banner(b.page).waitFor({ state: 'detached' });
    await waitForText(b.page, 'firstsave');
    assert.ok(!(await transcriptText(b.page)).includes('stalesave'));
    await appendWord(b.page, 4, 'newersave');
    await waitForStored(b.page, ['firstsave', 'newersave']);
    assert.deepEqual([...a.errors, ...b.errors], []);
    await context.close();
  });
});
