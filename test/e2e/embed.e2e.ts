import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startStaticServer } from './static-server.ts';
import { makeEmbedSite } from './embed-site.ts';

let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof startStaticServer>>;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

before(async () => {
  server = await startStaticServer(makeEmbedSite());
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(server.url + path);
  await page.waitForSelector('verbatim-player[data-ready]');
  await page.waitForFunction(() => ((document.querySelector('verbatim-player audio') as HTMLAudioElement | null)?.readyState ?? 0) >= 1);
  return { page, problems };
}

/**
 * Drags over the words from `first` to `last` (locators of word elements), presses
 * "Copy link to this passage", waits for the status that says so and returns the copied link.
 */
async function copyPassageLink(page: Page, first: Locator, last: Locator, copiedStatus: string): Promise<string> {
  await first.scrollIntoViewIfNeeded();
  const from = (await first.boundingBox())!;
  const to = (await last.boundingBox())!;
  await page.mouse.move(from.x + 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width - 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  const copy = page.getByRole('button', { name: 'Copy link to this passage' });
  await copy.waitFor({ state: 'visible' });
  await copy.click();
  await page.getByRole('status').filter({ hasText: copiedStatus }).waitFor({ state: 'attached' });
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Audio time and the highlighted turn and word, read in the same task. */
function sample(page: Page) {
  return page.evaluate(() => {
    const audio = document.querySelector('verbatim-player audio') as HTMLAudioElement;
    const turn = document.querySelector<HTMLElement>('[data-turn-index][aria-current="true"]');
    const word = document.querySelector<HTMLElement>('.vp-word[aria-current="true"]');
    return {
      time: audio.currentTime,
      paused: audio.paused,
      turn: turn ? { index: Number(turn.dataset.turnIndex), start: Number(turn.dataset.start), end: Number(turn.dataset.end) } : null,
      word: word ? { text: word.textContent, start: Number(word.dataset.start), end: Number(word.dataset.end) } : null,
    };
  });
}

for (const [name, path] of [
  ['a page of its own with <verbatim-player> on a VTT', 'page.html'],
  ['the interactive HTML export', 'export.html'],
] as const) {
  describe(`read-along in ${name}`, () => {
    it('shows every turn with one audio element inside the player, and no errors (CSP included)', async () => {
      const { page, problems } = await open(path);
      assert.equal(await page.locator('verbatim-player [data-turn-index]').count(), 13);
      assert.equal(await page.locator('verbatim-player audio').count(), 1);
      assert.equal(await page.locator('audio').count(), 1);
      // The stylesheet applies (a strict CSP must not block it): words are pointer targets.
      assert.equal(await page.locator('.vp-word').first().evaluate((word) => getComputedStyle(word).cursor), 'pointer');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('highlights the word and turn that contain the audio time while playing', async () => {
      const { page } = await open(path);
      const start = Number(await page.locator('[data-turn-index="2"]').getAttribute('data-start'));
      await page.evaluate((t) => {
        const audio = document.querySelector('verbatim-player audio') as HTMLAudioElement;
        audio.currentTime = t;
        return audio.play();
      }, start + 0.3);
      let words = 0;
      const seen = new Set<string>();
      for (let i = 0; i < 25; i++) {
        await page.waitForTimeout(80);
        const s = await sample(page);
        assert.ok(s.turn, `a turn is active at ${s.time}`);
        assert.ok(s.turn.start <= s.time + 0.05 && s.time < s.turn.end + 0.05, `turn [${s.turn.start}, ${s.turn.end}) contains ${s.time}`);
        if (s.word) {
          assert.ok(s.word.start <= s.time + 0.05 && s.time < s.word.end + 0.05, `word ${s.word.text} [${s.word.start}, ${s.word.end}) contains ${s.time}`);
          seen.add(`${s.word.start}`);
          words++;
        }
      }
      assert.ok(words >= 20, `a word was highlighted in ${words} of 25 samples`);
      assert.ok(seen.size >= 4, `the highlight moved across ${seen.size} words`);
      await page.close();
    });

    it('plays from a clicked word, and from a word chosen with arrows and Enter', async () => {
      const { page } = await open(path);
      const word = page.locator('[data-turn-index="4"] .vp-word').nth(5);
      const wordStart = Number(await word.getAttribute('data-start'));
      await word.click();
      await page.waitForFunction(() => !(document.querySelector('verbatim-player audio') as HTMLAudioElement).paused);
      let s = await sample(page);
      assert.ok(Math.abs(s.time - wordStart) < 0.4, `clicked word at ${wordStart}, audio at ${s.time}`);
      assert.equal(s.turn?.index, 4);
      await page.evaluate(() => (document.querySelector('verbatim-player audio') as HTMLAudioElement).pause());

      // Keyboard: the clicked word has focus; the arrows move it; Enter plays from it.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => Number((document.activeElement as HTMLElement).dataset.start));
      const third = Number(await page.locator('[data-turn-index="4"] .vp-word').nth(7).getAttribute('data-start'));
      assert.equal(focused, third);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !(document.querySelector('verbatim-player audio') as HTMLAudioElement).paused);
      s = await sample(page);
      assert.ok(Math.abs(s.time - third) < 0.4, `Enter on the word at ${third}, audio at ${s.time}`);
      await page.close();
    });

    it('copies a link to a selected passage that opens scrolled there and plays exactly that span', async () => {
      const { page } = await open(path);
      const words = page.locator('[data-turn-index="11"] .vp-word');
      const first = words.nth(2);
      const last = words.nth(8);
      const link = await copyPassageLink(page, first, last, 'copied');
      const start = Number(await first.getAttribute('data-start'));
      const end = Number(await last.getAttribute('data-end'));
      assert.equal(link, `${server.url}${path}#t=${start},${end}`);
      await page.close();

      const opened = await context.newPage();
      await opened.goto(link);
      await opened.waitForSelector('verbatim-player[data-ready]');
      const marked = await opened.locator('.vp-passage').allTextContents();
      const expected = (await opened.locator('[data-turn-index="11"] .vp-word').allTextContents()).slice(2, 9);
      assert.deepEqual(marked, expected);
      await opened.waitForFunction(() => !(document.querySelector('verbatim-player audio') as HTMLAudioElement).paused);
      const inView = await opened.locator('.vp-passage').first().evaluate((word) => {
        const scroller = word.closest('.vp-scroller')!.getBoundingClientRect();
        const box = word.getBoundingClientRect();
        return box.top >= scroller.top && box.bottom <= scroller.bottom;
      });
      assert.ok(inView, 'the passage is scrolled into view');
      // Where the current stretch of playback began, from the media element's own record.
      const began = await opened.evaluate(() => {
        const audio = document.querySelector('verbatim-player audio') as HTMLAudioElement;
        for (let i = 0; i < audio.played.length; i++) {
          if (audio.played.start(i) <= audio.currentTime && audio.currentTime <= audio.played.end(i) + 0.05) return audio.played.start(i);
        }
        return -1;
      });
      assert.ok(Math.abs(began - start) < 0.05, `plays from ${start} (began at ${began})`);
      await opened.waitForFunction(() => (document.querySelector('verbatim-player audio') as HTMLAudioElement).paused, null, { timeout: (end - start) * 1000 + 5000 });
      const stopped = await sample(opened);
      assert.ok(stopped.time >= end - 0.01 && stopped.time < end + 0.15, `stops at the passage end ${end} (at ${stopped.time})`);
      await opened.close();
    });

    it('pauses following on a manual scroll and resumes from "Back to current"', async () => {
      const { page } = await open(path);
      const back = page.getByRole('button', { name: 'Back to current' });
      await page.locator('[data-turn-index="1"] .vp-word').first().click();
      assert.equal(await back.isVisible(), false);
      await page.locator('.vp-scroller').hover();
      await page.mouse.wheel(0, 1500);
      await back.waitFor({ state: 'visible' });
      await back.click();
      await back.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => {
        const turn = document.querySelector('[data-turn-index][aria-current="true"]');
        const scroller = document.querySelector('.vp-scroller')!.getBoundingClientRect();
        const box = turn?.getBoundingClientRect();
        return box !== undefined && box.top >= scroller.top - 1 && box.top < scroller.bottom;
      });
      await page.close();
    });

    it('changes speed from the keyboard', async () => {
      const { page } = await open(path);
      await page.getByLabel('Speed').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => (document.querySelector('verbatim-player audio') as HTMLAudioElement).playbackRate), 1.5);
      await page.close();
    });

    it('has no critical or serious axe violations, in light and dark', async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page } = await open(path);
        await page.emulateMedia({ colorScheme });
        await page.locator('.vp-word').nth(3).click();
        await page.waitForTimeout(300);
        await page.evaluate(() => (document.querySelector('verbatim-player audio') as HTMLAudioElement).pause());
        // Evaluated by the driver: the export's CSP rightly refuses an injected script.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document);
          return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length }));
        });
        const blocking = violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
        assert.deepEqual(blocking, [], `${colorScheme}: ${JSON.stringify(violations)}`);
        await page.close();
      }
    });
  });
}

describe('the optional compact waveform', () => {
  it('is drawn only with a peaks attribute, and seeks where it is clicked', async () => {
    const { page: plain } = await open('page.html');
    assert.equal(await plain.locator('canvas').count(), 0);
    await plain.close();
    const { page, problems } = await open('waveform.html');
    const canvas = page.locator('verbatim-player canvas.vp-wave');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const { time, duration } = await page.evaluate(() => {
      const audio = document.querySelector('verbatim-player audio') as HTMLAudioElement;
      return { time: audio.currentTime, duration: audio.duration };
    });
    assert.ok(Math.abs(time - duration / 2) < 2, `clicked the middle: ${time} of ${duration}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('passage links in the app', () => {
  let app: Awaited<ReturnType<typeof startStaticServer>>;
  before(async () => {
    app = await startStaticServer(new URL('../../dist', import.meta.url).pathname);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  });
  after(async () => {
    await app?.close();
  });

  it('copies a link to selected words that plays exactly that span when opened', async () => {
    const page = await context.newPage();
    await page.goto(app.url);
    await page.waitForSelector('[data-turn-index="11"] .word');
    const words = page.locator('[data-turn-index="11"] .word');
    const first = words.nth(3);
    const last = words.nth(9);
    const link = await copyPassageLink(page, first, last, 'Link copied');
    const start = Number(await first.getAttribute('data-start'));
    const end = Number(await last.getAttribute('data-end'));
    assert.equal(link, `${app.url}#t=${start},${end}`);
    await page.close();

    const opened = await context.newPage();
    await opened.goto(link);
    await opened.waitForSelector('.word--passage');
    assert.deepEqual(
      await opened.locator('.word--passage').allTextContents(),
      (await opened.locator('[data-turn-index="11"] .word').allTextContents()).slice(3, 10),
    );
    await opened.waitForFunction(() => !document.querySelector('audio')!.paused);
    await opened.waitForFunction(() => document.querySelector('audio')!.paused, null, { timeout: (end - start) * 1000 + 5000 });
    const stopped = await opened.evaluate(() => document.querySelector('audio')!.currentTime);
    assert.ok(stopped >= end - 0.01 && stopped < end + 0.2, `stops at the passage end ${end} (at ${stopped})`);
    await opened.close();
  });
});
