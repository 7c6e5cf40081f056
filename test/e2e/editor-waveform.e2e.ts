import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDemoEditor, serveBuiltApp } from './built-app.ts';

const app = serveBuiltApp();

const listStart = async (page: Page, turn: number) => Number(await page.locator(`[data-turn-index="${turn}"]`).first().getAttribute('data-start'));

/** Pixels per second of the main waveform (the minimap has a wrapper of its own, one shadow root deeper). */
const pxPerSec = (page: Page) =>
  page.evaluate(() => {
    const wrapper = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector('[part~="wrapper"]')!;
    return wrapper.scrollWidth / document.querySelector('audio')!.duration;
  });

/** Drags the left edge of turn `turn`'s region by `dx` pixels in small steps, like a hand would. */
async function dragStartEdge(page: Page, turn: number, dx: number, modifiers: { alt?: boolean } = {}) {
  const handle = page.locator(`[part~="turn-region"][data-turn="${turn}"] [part~="region-handle-left"]`);
  const box = await handle.boundingBox();
  assert.ok(box, `turn ${turn} has a visible start handle`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  if (modifiers.alt) await page.keyboard.down('Alt');
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 12 });
  await page.mouse.up();
  if (modifiers.alt) await page.keyboard.up('Alt');
}

describe('editor-mode waveform on the built-in demo', () => {
  it('shows speech turns as labelled regions only in editor mode, with a ruler and a minimap', async () => {
    const { page, errors } = await openDemoEditor(app);
    const regions = page.locator('[part~="turn-region"]');
    const count = await regions.count();
    assert.ok(count >= 3, `several regions in view (${count})`);
    const firstLabel = await regions.first().locator('[part~="turn-label"]').textContent();
    const firstTurn = Number(await regions.first().getAttribute('data-turn'));
    const listName = await page.locator(`[data-turn-index="${firstTurn}"] .turn__speaker`).first().textContent();
    assert.equal(firstLabel, listName, 'the region is labelled with the turn’s speaker');
    assert.equal(await page.locator('[part~="timeline"]').count(), 1);
    assert.equal(await page.locator('[part~="minimap"]').count(), 1);

    await page.keyboard.press('e');
    await page.waitForFunction(() => document.querySelector('[data-mode="read"]') !== null);
    await regions.first().waitFor({ state: 'detached' });
    assert.equal(await page.locator('[part~="timeline"]').count(), 0);
    assert.equal(await page.locator('[part~="minimap"]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('selects the turn in the list when its region is clicked, and the other way round', async () => {
    const { page } = await openDemoEditor(app);
    const region = page.locator('[part~="turn-region"][data-turn="2"]');
    await region.click({ position: { x: 30, y: 60 } });
    await page.locator('[data-turn-index="2"][data-selected="true"]').waitFor();
    await page.waitForFunction(() =>
      [...(document.querySelector('[data-testid="waveform"] > div')?.shadowRoot?.querySelectorAll('[part~="turn-region--selected"]') ?? [])].some(
        (element) => (element as HTMLElement).dataset.turn === '2',
      ),
    );

    // A turn chosen in the list far along the file: its region is scrolled into view and highlighted.
    const last = (await page.locator('article[data-turn-index]').count()) - 1;
    await page.locator(`[data-turn-index="${last}"] .turn__text`).first().click();
    await page.locator(`[data-turn-index="${last}"][data-selected="true"]`).waitFor();
    const selected = page.locator(`[part~="turn-region--selected"][data-turn="${last}"]`);
    await selected.waitFor();
    const box = await selected.boundingBox();
    const view = await page.getByTestId('waveform').boundingBox();
    assert.ok(box && view && box.x < view.x + view.width && box.x + box.width > view.x, 'the selected region is on screen');
    await page.close();
  });

  it('dragging a start edge changes the turn’s start in the list; Ctrl+Z restores it in one step', async () => {
    const { page, errors } = await openDemoEditor(app);
    const turn = 2;
    const before = await listStart(page, turn);
    const scale = await pxPerSec(page);
    const region = page.locator(`[part~="turn-region"][data-turn="${turn}"]`);
    const regionBefore = (await region.boundingBox())!;
    await dragStartEdge(page, turn, 45);
    await page.waitForFunction(([t, b]) => Number(document.querySelector(`[data-turn-index="${t}"]`)!.getAttribute('data-start')) !== b, [turn, before] as const);
    const dragged = await listStart(page, turn);
    const expected = before + 45 / scale;
    // Snapping may move it up to 150 ms to a pause; the edge never jumps further than that.
    assert.ok(Math.abs(dragged - expected) <= 0.15 + 2 / scale, `start ${dragged} ≈ ${expected} (was ${before})`);

    const regionDragged = (await region.boundingBox())!;
    assert.ok(regionDragged.x > regionBefore.x + 20, 'the region’s left edge moved with the drag');

    await page.keyboard.press('Control+z');
    await page.waitForFunction(([t, b]) => Number(document.querySelector(`[data-turn-index="${t}"]`)!.getAttribute('data-start')) === b, [turn, before] as const);
    // The region follows the transcript back.
    await page.waitForFunction(
      ([t, x]) => {
        const element = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector(`[part~="turn-region"][data-turn="${t}"]`)!;
        return Math.abs(element.getBoundingClientRect().x - x) < 1;
      },
      [turn, regionBefore.x] as const,
    );
    // The whole drag was one undo step: redo brings back its end state.
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(([t, d]) => Number(document.querySelector(`[data-turn-index="${t}"]`)!.getAttribute('data-start')) === d, [turn, dragged] as const);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Alt-drag follows the pointer exactly; Escape cancels a drag', async () => {
    const { page } = await openDemoEditor(app);
    const turn = 2;
    const before = await listStart(page, turn);
    const scale = await pxPerSec(page);
    await dragStartEdge(page, turn, 30, { alt: true });
    await page.waitForFunction(([t, b]) => Number(document.querySelector(`[data-turn-index="${t}"]`)!.getAttribute('data-start')) !== b, [turn, before] as const);
    const dragged = await listStart(page, turn);
    assert.ok(Math.abs(dragged - (before + 30 / scale)) <= 1.5 / scale, `start ${dragged} follows the pointer to ${before + 30 / scale}`);

    const handle = page.locator(`[part~="turn-region"][data-turn="${turn}"] [part~="region-handle-left"]`);
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 8 });
    await page.keyboard.press('Escape');
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForTimeout(100);
    assert.equal(await listStart(page, turn), dragged, 'a cancelled drag changes nothing');
    await page.close();
  });

  it('dragging a whole region moves the turn, keeping its length', async () => {
    const { page } = await openDemoEditor(app);
    const turn = 2;
    const row = page.locator(`article[data-turn-index="${turn}"]`);
    const before = { start: Number(await row.getAttribute('data-start')), end: Number(await row.getAttribute('data-end')) };
    const scale = await pxPerSec(page);
    const box = (await page.locator(`[part~="turn-region"][data-turn="${turn}"]`).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height * 0.6;
    await page.mouse.move(x, y);
    await page.keyboard.down('Alt');
    await page.mouse.down();
    await page.mouse.move(x - 25, y, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await page.waitForFunction(([t, b]) => Number(document.querySelector(`article[data-turn-index="${t}"]`)!.getAttribute('data-start')) !== b, [turn, before.start] as const);
    const after = { start: Number(await row.getAttribute('data-start')), end: Number(await row.getAttribute('data-end')) };
    assert.ok(Math.abs(after.start - (before.start - 25 / scale)) <= 1.5 / scale, `start ${after.start} moved by the drag from ${before.start}`);
    assert.ok(Math.abs(after.end - after.start - (before.end - before.start)) < 0.002, 'the turn kept its length');
    await page.close();
  });

  it('zooms in with + and out with -, never while typing', async () => {
    const { page } = await openDemoEditor(app);
    const before = await pxPerSec(page);
    await page.keyboard.press('+');
    await page.waitForFunction((b) => {
      const wrapper = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector('[part~="wrapper"]')!;
      return wrapper.scrollWidth / document.querySelector('audio')!.duration > b * 1.3;
    }, before);
    const zoomed = await pxPerSec(page);
    assert.ok(zoomed > before * 1.3, `zoomed in from ${before} to ${zoomed} px/s`);
    const span = await page.getByTestId('zoom-span').textContent();
    assert.match(span ?? '', /\d/);
    await page.keyboard.press('-');
    await page.waitForFunction((z) => {
      const wrapper = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector('[part~="wrapper"]')!;
      return wrapper.scrollWidth / document.querySelector('audio')!.duration < z * 0.8;
    }, zoomed);

    // Ctrl+wheel (and a trackpad pinch) zooms around the pointer instead of zooming the page.
    const wheelBefore = await pxPerSec(page);
    const view = (await page.getByTestId('waveform').boundingBox())!;
    await page.mouse.move(view.x + view.width / 2, view.y + 40);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((b) => {
      const wrapper = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!.querySelector('[part~="wrapper"]')!;
      return wrapper.scrollWidth / document.querySelector('audio')!.duration > b * 1.5;
    }, wheelBefore);
    assert.equal(await page.evaluate(() => window.visualViewport?.scale ?? 1), 1, 'the page itself did not zoom');

    // In a text field + is a character, not a zoom.
    const settled = await pxPerSec(page);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'typing-probe';
      document.body.append(input);
    });
    await page.locator('#typing-probe').focus();
    await page.keyboard.press('+');
    await page.waitForTimeout(150);
    assert.equal(await pxPerSec(page), settled);
    assert.equal(await page.locator('#typing-probe').inputValue(), '+');
    await page.close();
  });
});
