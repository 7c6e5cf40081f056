import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDemoEditor, serveBuiltApp } from './built-app.ts';

const app = serveBuiltApp();

const times = (page: Page, turn: number) =>
  page.evaluate((t) => {
    const row = document.querySelector(`article[data-turn-index="${t}"]`)!;
    return { start: Number(row.getAttribute('data-start')), end: Number(row.getAttribute('data-end')) };
  }, turn);

/** Moves the playhead; the test is about what Enter does there, not how the user got there. */
const seekTo = (page: Page, seconds: number) =>
  page.evaluate((s) => {
    document.querySelector('audio')!.currentTime = s;
  }, seconds);

describe('tap-sync on the built-in demo', () => {
  it('with a turn selected and the playhead past its end, Enter explains instead of making it empty; on the playing turn it starts it there', async () => {
    const { page, errors } = await openDemoEditor(app);
    // Turn 3 of the list (Summers) runs 18.70–26.09 s; the playhead goes to 27.6 s, inside the next turn.
    await page.locator('article[data-turn-index="2"] .turn__text').first().click();
    await page.locator('article[data-turn-index="2"][data-selected="true"]').waitFor();
    const before = { two: await times(page, 2), three: await times(page, 3) };
    assert.ok(before.two.end < 27.6 && before.three.start < 27.6 && before.three.end > 27.6, JSON.stringify(before));
    // The cursor is the selected turn, in the list, on the button and on the waveform.
    await page.locator('article[data-turn-index="2"][data-tap-cursor="true"] .badge--tap').waitFor();
    assert.match((await page.getByTestId('tap-button').textContent()) ?? '', /^Tap: turn 3 starts at playhead/u);
    await page.locator('[part~="turn-region--tap-cursor"][data-turn="2"]').waitFor();

    await seekTo(page, 27.6);
    await page.keyboard.press('Enter');
    const warning = page.getByTestId('warning-notice');
    await warning.waitFor();
    assert.match(
      (await warning.textContent()) ?? '',
      /Turn 3 \(Summers\) ends at 0:26\.089, before the playhead \(0:27\.600\): a tap would leave it no length\./u,
    );
    assert.deepEqual(await times(page, 2), before.two, 'the refused tap changed nothing');
    assert.deepEqual(await times(page, 3), before.three);

    // The turn actually playing: Enter starts it at the playhead, the cursor moves on to the next turn.
    await page.keyboard.press('ArrowDown');
    await page.locator('article[data-turn-index="3"][data-selected="true"]').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.querySelector('article[data-turn-index="3"]')!.getAttribute('data-start')) > 27);
    const after = { two: await times(page, 2), three: await times(page, 3), four: await times(page, 4) };
    assert.ok(Math.abs(after.three.start - 27.6) < 0.05, `turn 4 starts at the playhead: ${after.three.start}`);
    assert.equal(after.three.end, before.three.end);
    assert.deepEqual(after.two, before.two, 'the turn before had already ended: left alone');
    for (const [name, span] of Object.entries(after)) assert.ok(span.end - span.start >= 0.1, `${name} has a length: ${JSON.stringify(span)}`);
    assert.ok(after.two.end <= after.three.start && after.three.end <= after.four.start, 'no overlaps');
    await page.locator('article[data-turn-index="4"][data-selected="true"][data-tap-cursor="true"]').waitFor();
    assert.match((await page.getByTestId('tap-button').textContent()) ?? '', /^Tap: turn 5 starts at playhead/u);
    await page.locator('[part~="turn-region--tap-cursor"][data-turn="4"]').waitFor();

    // One undo step puts the turn back.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((start) => Number(document.querySelector('article[data-turn-index="3"]')!.getAttribute('data-start')) === start, before.three.start);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
