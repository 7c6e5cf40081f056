import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { freshPage, serveBuiltApp, waitForSession } from './built-app.ts';

const app = serveBuiltApp();

async function openEditor(query = ''): Promise<Page> {
  const { page } = await freshPage(app, { viewport: { width: 1200, height: 900 } });
  await page.goto(app.url + query);
  await waitForSession(page);
  await page.keyboard.press('e');
  await page.waitForSelector('[data-mode="edit"]');
  return page;
}

const setAudioTime = (page: Page, t: number) =>
  page.evaluate((time) => {
    document.querySelector('audio')!.currentTime = time;
  }, t);
const turnStartAttr = async (page: Page, index: number) => Number(await page.locator(`[data-turn-index="${index}"]`).getAttribute('data-start'));

describe('editor mode', () => {
  it('`[` sets the selected turn start from the playhead; undo restores it', async () => {
    const page = await openEditor();
    const before = await turnStartAttr(page, 3);
    await page.locator('[data-turn-index="3"] .turn__text').click();
    await setAudioTime(page, before + 1.25);
    await page.waitForFunction((t) => Math.abs(document.querySelector('audio')!.currentTime - t) < 0.01, before + 1.25);
    await page.locator('[data-turn-index="3"] .turn__header').click({ position: { x: 400, y: 5 } });
    await page.keyboard.press('[');
    await page.waitForFunction((t) => Math.abs(Number(document.querySelector<HTMLElement>('[data-turn-index="3"]')!.dataset.start) - t) < 0.01, before + 1.25);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((t) => Math.abs(Number(document.querySelector<HTMLElement>('[data-turn-index="3"]')!.dataset.start) - t) < 0.001, before);
    await page.keyboard.press('Control+Shift+z');
    assert.ok(Math.abs((await turnStartAttr(page, 3)) - (before + 1.25)) < 0.01);
    await page.context().close();
  });

  it('tap-syncs three turns while playing', async () => {
    const page = await openEditor('?audio=demo/seed.opus&transcript=demo/seed.txt');
    assert.equal(await page.locator('[data-turn-index][data-start]').count(), 0);
    await page.getByTestId('play-pause').click();
    await page.waitForFunction(() => !document.querySelector('audio')!.paused);
    // Focus the page body, away from buttons, so Enter is a tap.
    await page.locator('.transcript__scroller').focus();
    // Read the clock at the moment each key arrives, not before sending it: the machine may be slow.
    await page.evaluate(() => {
      const w = window as unknown as { __taps: number[] };
      w.__taps = [];
      window.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') w.__taps.push(document.querySelector('audio')!.currentTime);
      }, { capture: true });
    });
    for (let i = 0; i < 3; i++) {
      await page.waitForTimeout(700);
      await page.keyboard.press('Enter');
    }
    const taps = await page.evaluate(() => (window as unknown as { __taps: number[] }).__taps);
    assert.equal(taps.length, 3);
    await page.waitForSelector('[data-turn-index="2"][data-start]');
    const starts = [await turnStartAttr(page, 0), await turnStartAttr(page, 1), await turnStartAttr(page, 2)];
    starts.forEach((start, i) => assert.ok(Math.abs(start - taps[i]!) < 0.05, `tap ${i}: ${start} ≈ ${taps[i]}`));
    // Each tap closed the turn before it.
    const firstEnd = Number(await page.locator('[data-turn-index="0"]').getAttribute('data-end'));
    assert.ok(Math.abs(firstEnd - starts[1]!) < 0.001);
    await page.context().close();
  });

  it('editing one word keeps every other word’s time', async () => {
    const page = await openEditor();
    const row = page.locator('[data-turn-index="2"]');
    const before = await row.locator('.word').evaluateAll((words) =>
      words.map((word) => ({ text: word.textContent, start: (word as HTMLElement).dataset.start, end: (word as HTMLElement).dataset.end })),
    );
    await row.locator('.turn__text').click();
    await page.keyboard.press('F2');
    const text = page.getByRole('textbox', { name: 'Turn text' });
    await text.waitFor();
    const original = await text.inputValue();
    assert.ok(original.includes('Moscow'));
    // Real keys: put the caret right after "Moscow" and type the apostrophe and s.
    await text.evaluate((element: HTMLTextAreaElement) => {
      const at = element.value.indexOf('Moscow') + 'Moscow'.length;
      element.setSelectionRange(at, at);
    });
    await page.keyboard.type('’s');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-turn-index="2"] .turn__text')?.textContent?.includes('Moscow’s'));
    const after = await row.locator('.word').evaluateAll((words) =>
      words.map((word) => ({ text: word.textContent, start: (word as HTMLElement).dataset.start, end: (word as HTMLElement).dataset.end })),
    );
    assert.equal(after.length, before.length);
    let changed = 0;
    after.forEach((word, i) => {
      if (word.text !== before[i]!.text) {
        changed++;
        assert.ok(word.start !== undefined, 'the edited word is timed too');
      } else {
        assert.deepEqual(word, before[i], `word ${i} kept its times`);
      }
    });
    assert.equal(changed, 1);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.querySelector('[data-turn-index="2"] .turn__text')?.textContent?.includes('Moscow’s'));
    await page.context().close();
  });

  it('F2 opens the text box focused, so typing a sentence with e, Space and , edits text and fires no shortcut', async () => {
    const page = await openEditor();
    const row = page.locator('[data-turn-index="2"]');
    const original = (await row.locator('.turn__text').textContent()) ?? '';
    await row.locator('.turn__text').click();
    await page.keyboard.press('F2');
    const text = page.getByRole('textbox', { name: 'Turn text' });
    await text.waitFor();
    // No click into the box: F2 alone must have given it the focus and put the caret at the end.
    const focus = await page.evaluate(() => {
      const box = document.activeElement as HTMLTextAreaElement;
      return { label: box.getAttribute('aria-label'), caret: box.selectionStart, length: box.value.length };
    });
    assert.equal(focus.label, 'Turn text');
    assert.equal(focus.caret, focus.length);
    const rateBefore = await page.evaluate(() => document.querySelector('audio')!.playbackRate);
    await page.keyboard.type(' Well, here we are: e, E and more.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-turn-index="2"] .turn__text')?.textContent?.endsWith('Well, here we are: e, E and more.'));
    assert.equal(await text.count(), 0, 'Enter saved and closed the box');
    const after = await page.evaluate(() => {
      const audio = document.querySelector('audio')!;
      return { paused: audio.paused, rate: audio.playbackRate, mode: document.querySelector('[data-mode]')!.getAttribute('data-mode') };
    });
    assert.deepEqual(after, { paused: true, rate: rateBefore, mode: 'edit' }, 'no playback, rate or mode shortcut fired');
    assert.equal(await row.locator('.turn__text').textContent(), `${original} Well, here we are: e, E and more.`);
    // The focus stays on the turn, on its "Edit text" button: Enter opens the box again (it does not tap-sync).
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Edit text");
    const startBefore = await row.getAttribute('data-start');
    await page.keyboard.press('Enter');
    await text.waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('textarea[aria-label="Turn text"]'));
    assert.equal(await row.getAttribute('data-start'), startBefore);
    await page.context().close();
  });

  it('double-click on a word opens the text box with the caret after that word', async () => {
    const page = await openEditor();
    const row = page.locator('[data-turn-index="2"]');
    await row.locator('.turn__text').click();
    const word = row.locator('.word').nth(2);
    const words = await row.locator('.word').allTextContents();
    await word.dblclick();
    const text = page.getByRole('textbox', { name: 'Turn text' });
    await text.waitFor();
    const caret = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).selectionStart);
    assert.equal(caret, words.slice(0, 3).join(' ').length);
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  it('splits a turn and merges it back', async () => {
    const page = await openEditor();
    const count = await page.locator('[data-turn-index]').count();
    await page.locator('[data-turn-index="2"] .turn__text').click();
    await page.keyboard.press('F2');
    const text = page.getByRole('textbox', { name: 'Turn text' });
    await text.waitFor();
    await text.evaluate((element: HTMLTextAreaElement) => {
      const at = element.value.indexOf('What are');
      element.setSelectionRange(at, at);
    });
    await text.press('Control+Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-turn-index]').length === n + 1, count);
    assert.match((await page.locator('[data-turn-index="3"] .turn__text').textContent()) ?? '', /^What are they saying\?/);
    await page.locator('[data-turn-index="3"] .turn__text').click();
    await page.getByRole('button', { name: 'Merge with previous' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-turn-index]').length === n, count);
    await page.context().close();
  });

  it('shows a timing problem inline when a turn ends before it starts', async () => {
    const page = await openEditor();
    await page.locator('[data-turn-index="4"] .turn__text').click();
    const end = page.getByRole('textbox', { name: 'End' });
    await end.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0:01.000');
    await page.keyboard.press('Enter');
    await page.locator('[data-turn-index="4"] .badge--error').waitFor();
    await page.context().close();
  });
});
