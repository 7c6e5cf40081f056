import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freshPage, serveBuiltApp, waitForSession } from './built-app.ts';

/*
 * Room to read (issue 10, item 8), measured in real Chromium on the demo:
 * the share of the viewport height the transcript list gets in each layout,
 * no horizontal overflow on a phone, controls within 35% of a phone's height,
 * the overflow ("More") menu by keyboard, and a placeholder while the waveform draws.
 * Screenshots of every layout go to a temporary directory (printed), to look at.
 */

const app = serveBuiltApp();
const shots = mkdtempSync(join(tmpdir(), 'verbatim-layout-'));
before(() => console.log(`# screenshots: ${shots}`));

interface Geometry {
  /** Visible height of the transcript list's scroller over the viewport height. */
  transcript: number;
  /** Height of the top bar, the player and any editor chrome over the viewport height. */
  controls: number;
  /** Width of the transcript's text column, px. */
  column: number;
  scrollWidth: number;
  viewportWidth: number;
}

// A string, so the bundler's helpers (`__name`) never reach the page.
const MEASURE = `(() => {
  const vh = window.innerHeight;
  const visible = (element) => {
    if (!element) return 0;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return 0;
    return Math.max(0, Math.min(rect.bottom, vh) - Math.max(rect.top, 0));
  };
  const scroller = document.querySelector('[data-testid="transcript-scroller"]');
  // Controls: what the app draws to drive it (not the transcript, not one-off notes).
  const selector = '.topbar, .player, [data-chrome]';
  const chrome = [...document.querySelectorAll(selector)].filter((element) => !element.parentElement?.closest(selector));
  // A panel docked beside the text takes width, not height: count only chrome above or below the text column.
  const column = document.querySelector('.transcript__list')?.getBoundingClientRect();
  const stacked = (element) => {
    const rect = element.getBoundingClientRect();
    return !column || (rect.left < column.right && rect.right > column.left);
  };
  return {
    transcript: visible(scroller) / vh,
    controls: chrome.filter(stacked).reduce((sum, element) => sum + visible(element), 0) / vh,
    column: document.querySelector('.transcript__list')?.getBoundingClientRect().width ?? 0,
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
  };
})()`;

const measure = (page: Page): Promise<Geometry> => page.evaluate(MEASURE) as Promise<Geometry>;

async function openDemo(width: number, height: number): Promise<Page> {
  const { page } = await freshPage(app, { viewport: { width, height } });
  await page.goto(app.url);
  await waitForSession(page);
  return page;
}

async function editorMode(page: Page) {
  await page.getByTestId('editor-toggle').click();
  await page.waitForSelector('[data-mode="edit"]');
  await page.keyboard.press('ArrowDown');
}

/** Opens an editor panel by its button (`Speakers…`, `Find & replace…`), wherever the layout puts it. */
async function openPanel(page: Page, name: RegExp, label: string) {
  await page.getByRole('button', { name }).click();
  await page.waitForSelector(`section[aria-label="${label}"]`);
}

interface Layout {
  name: string;
  width: number;
  height: number;
  open(page: Page): Promise<void>;
}

const LAYOUTS: Layout[] = [
  { name: 'desktop read', width: 1366, height: 768, open: async () => undefined },
  { name: 'desktop editor', width: 1366, height: 768, open: editorMode },
  {
    name: 'desktop editor + speakers',
    width: 1366,
    height: 768,
    open: async (page) => {
      await editorMode(page);
      await openPanel(page, /^Speakers/u, 'Speakers');
    },
  },
  {
    name: 'desktop editor + find',
    width: 1366,
    height: 768,
    open: async (page) => {
      await editorMode(page);
      await openPanel(page, /^Find/u, 'Find and replace');
    },
  },
  { name: 'phone read', width: 390, height: 844, open: async () => undefined },
  { name: 'phone editor', width: 390, height: 844, open: editorMode },
  {
    name: 'phone editor + speakers',
    width: 390,
    height: 844,
    open: async (page) => {
      await editorMode(page);
      await openPanel(page, /^Speakers/u, 'Speakers');
    },
  },
  {
    name: 'phone editor + find',
    width: 390,
    height: 844,
    open: async (page) => {
      await editorMode(page);
      await openPanel(page, /^Find/u, 'Find and replace');
    },
  },
];

const slug = (name: string) => name.replace(/[^a-z0-9]+/gu, '-');
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

describe('layout: room to read', () => {
  const measured = new Map<string, Geometry>();

  it('measures every layout and saves its screenshot', async () => {
    const failures: string[] = [];
    for (const layout of LAYOUTS) {
      const page = await openDemo(layout.width, layout.height);
      try {
        // Measure with the waveform drawn (the placeholder has its height, but the screenshots should show it).
        await page.getByTestId('waveform-placeholder').waitFor({ state: 'hidden', timeout: 20_000 });
        await layout.open(page);
        await page.waitForTimeout(300);
        measured.set(layout.name, await measure(page));
        await page.screenshot({ path: join(shots, `${slug(layout.name)}.png`) });
      } catch (error) {
        failures.push(`${layout.name}: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await page.context().close();
      }
    }
    console.log('# layout                      transcript  controls  column  scrollWidth/viewport');
    for (const [name, g] of measured) {
      console.log(`# ${name.padEnd(27)} ${pct(g.transcript).padStart(10)} ${pct(g.controls).padStart(9)} ${String(Math.round(g.column)).padStart(6)}px  ${g.scrollWidth}/${g.viewportWidth}`);
    }
    assert.deepEqual(failures, []);
  });

  it('gives the transcript at least 60% of the height at 1366×768, in read and editor mode and with a panel open', () => {
    for (const name of ['desktop read', 'desktop editor', 'desktop editor + speakers', 'desktop editor + find']) {
      const g = measured.get(name);
      assert.ok(g, `${name} was measured`);
      assert.ok(g.transcript >= 0.6, `${name}: the transcript gets ${pct(g.transcript)} of the height`);
      // A docked panel must not squeeze the text column below a comfortable reading width.
      assert.ok(g.column >= 480, `${name}: the text column is ${Math.round(g.column)} px wide`);
    }
  });

  it('fits a 390×844 phone: no horizontal overflow, with a panel open too; controls within 35% of the height', () => {
    for (const name of ['phone read', 'phone editor', 'phone editor + speakers', 'phone editor + find']) {
      const g = measured.get(name);
      assert.ok(g, `${name} was measured`);
      assert.ok(g.scrollWidth <= g.viewportWidth, `${name}: the page is ${g.scrollWidth} px wide in a ${g.viewportWidth} px viewport`);
    }
    for (const name of ['phone read', 'phone editor']) {
      const g = measured.get(name)!;
      assert.ok(g.controls <= 0.35, `${name}: the controls take ${pct(g.controls)} of the height`);
      // The issue sets no share for the phone's transcript; the demo's note takes some of what the controls leave.
      assert.ok(g.transcript >= 0.55, `${name}: the transcript gets ${pct(g.transcript)} of the height`);
    }
  });

  it('puts the secondary actions in a "More" menu on a phone, reachable and usable by keyboard', async () => {
    const page = await openDemo(390, 844);
    try {
      // Tab from the start of the page to the More button: real key presses only.
      let found = false;
      for (let presses = 0; presses < 20 && !found; presses++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => {
          const active = document.activeElement;
          return active?.getAttribute('aria-haspopup') === 'menu' && /^More/u.test(active.getAttribute('aria-label') ?? active.textContent ?? '');
        });
      }
      assert.ok(found, 'Tab reaches the More button');
      const more = page.getByRole('button', { name: /^More/u });
      assert.equal(await more.getAttribute('aria-expanded'), 'false');

      await page.keyboard.press('Enter');
      await page.waitForSelector('[role="menu"]');
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('role')}:${document.activeElement?.textContent?.trim()}`);
      const items = await page.locator('[role="menu"] [role="menuitem"]').allTextContents();
      assert.ok(items.some((item) => /^Paste/u.test(item)), `the menu has Paste (${items.join(', ')})`);
      assert.ok(items.some((item) => /Podcast/u.test(item)), 'the menu has the podcast feed');
      assert.ok(items.some((item) => /Recent/u.test(item)), 'the menu has Recent');
      assert.ok(items.some((item) => /shortcuts/iu.test(item)), 'the menu has the keyboard shortcuts');
      assert.equal(await focused(), `menuitem:${items[0]!.trim()}`, 'Enter opens the menu on its first item');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), `menuitem:${items[1]!.trim()}`, 'ArrowDown moves to the next item');
      await page.keyboard.press('End');
      assert.equal(await focused(), `menuitem:${items.at(-1)!.trim()}`, 'End goes to the last item');
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), `menuitem:${items[0]!.trim()}`, 'ArrowDown wraps to the first item');

      await page.keyboard.press('Escape');
      assert.equal(await page.locator('[role="menu"]').count(), 0, 'Esc closes the menu');
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      assert.ok(await more.evaluate((element) => element === document.activeElement), 'Esc returns focus to the More button');
      assert.equal(await page.evaluate(() => document.querySelector('audio')!.paused), true, 'no key reached the player');

      // ArrowUp on the button opens at the last item; Enter on "Paste…" opens its dialog.
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(), `menuitem:${items.at(-1)!.trim()}`);
      while (!/^menuitem:Paste/u.test(await focused())) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog[open][data-testid="paste-dialog"]');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));
      assert.ok(await more.evaluate((element) => element === document.activeElement), 'closing the dialog returns focus to More');

      // Recent from the menu opens its list where More is, and Esc comes back to More.
      await page.keyboard.press('Enter');
      while (!/^menuitem:Recent/u.test(await focused())) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.recent');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('.recent'));
      assert.ok(await more.evaluate((element) => element === document.activeElement), 'closing Recent returns focus to More');
      // The Export menu beside it opens across the phone's width, not off its left edge.
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'export-button');
      await page.keyboard.press('ArrowDown');
      await page.waitForSelector('[role="menu"]');
      const menu = (await page.locator('[role="menu"]').boundingBox())!;
      assert.ok(menu.x >= 0 && menu.x + menu.width <= 390, `the Export menu is on screen (${JSON.stringify(menu)})`);
      const g = await measure(page);
      assert.ok(g.scrollWidth <= g.viewportWidth, `with the Export menu open the page is ${g.scrollWidth} px wide`);
      await page.keyboard.press('Escape');
    } finally {
      await page.context().close();
    }
  });

  it('shows a placeholder while the waveform draws', async () => {
    const { page } = await freshPage(app, { viewport: { width: 1366, height: 768 } });
    const context = page.context();
    // Hold the audio back so the waiting state is there to see, then let it through.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/demo/seed.opus', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(app.url);
      await page.waitForSelector('[data-turn-index]');
      const placeholder = page.getByTestId('waveform-placeholder');
      await placeholder.waitFor({ state: 'visible' });
      assert.match((await placeholder.textContent()) ?? '', /Drawing waveform/u);
      const box = await placeholder.boundingBox();
      assert.ok(box && box.height >= 40 && box.width > 600, `the placeholder fills the waveform's place (${JSON.stringify(box)})`);
      release();
      await placeholder.waitFor({ state: 'hidden', timeout: 20_000 });
      // Once drawn, the waveform has its canvas.
      const drawn = await page.evaluate(() => !!document.querySelector('[data-testid="waveform"] > div')?.shadowRoot?.querySelector('canvas'));
      assert.ok(drawn, 'the waveform is drawn when the placeholder goes');
    } finally {
      release();
      await context.close();
    }
  });
});
