import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveBuiltApp, waitForSession } from './built-app.ts';

const app = serveBuiltApp();

async function openApp(query = ''): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1100, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url + query);
  await waitForSession(page);
  assert.deepEqual(errors, []);
  return page;
}

/** Audio time and the highlighted turn's range, read in the same task. */
function sample(page: Page) {
  return page.evaluate(() => {
    const audio = document.querySelector('audio')!;
    const turn = document.querySelector<HTMLElement>('[data-turn-index][aria-current="true"]');
    const word = document.querySelector<HTMLElement>('.word[aria-current="true"]');
    return {
      time: audio.currentTime,
      turn: turn ? { index: Number(turn.dataset.turnIndex), start: Number(turn.dataset.start), end: Number(turn.dataset.end) } : null,
      word: word ? { start: Number(word.dataset.start), end: Number(word.dataset.end) } : null,
    };
  });
}

describe('read-along on the built-in demo', () => {
  it('shows the seed transcript with its speakers and one audio element', async () => {
    const page = await openApp();
    assert.equal(await page.locator('[data-turn-index]').count(), 13);
    assert.equal(await page.locator('audio').count(), 1);
    const speakers = await page.locator('.turn__speaker').allTextContents();
    // The seed's first four turns: the unlabelled host intro, then Maynes and Summers in turn.
    assert.deepEqual(speakers.slice(0, 4), ['Unlabelled', 'Charles Maynes', 'Summers', 'Charles Maynes']);
    assert.ok(speakers.includes('Abbas Gallyamov'));
    const body = await page.locator('.transcript').textContent();
    assert.ok(!body?.includes('Copyright'), 'boilerplate is not shown');
    const duration = await page.evaluate(() => document.querySelector('audio')!.duration);
    assert.ok(duration > 60, `demo audio is long enough (${duration})`);
    await page.close();
  });

  it('highlights the turn and the word that contain the audio time while playing', async () => {
    const page = await openApp();
    const third = page.locator('[data-turn-index="2"]');
    const start = Number(await third.getAttribute('data-start'));
    await page.evaluate((t) => {
      document.querySelector('audio')!.currentTime = t;
    }, start + 0.2);
    await page.getByTestId('play-pause').click();
    await page.waitForFunction(() => !document.querySelector('audio')!.paused);
    let checked = 0;
    let words = 0;
    for (let i = 0; i < 30; i++) {
      await page.waitForTimeout(100);
      const s = await sample(page);
      if (s.turn) {
        assert.ok(s.turn.start <= s.time + 0.05 && s.time < s.turn.end + 0.05, `turn ${s.turn.index} [${s.turn.start}, ${s.turn.end}) contains ${s.time}`);
        checked++;
      }
      if (s.word) {
        assert.ok(s.word.start <= s.time + 0.05 && s.time < s.word.end + 0.1, `word [${s.word.start}, ${s.word.end}) contains ${s.time}`);
        words++;
      }
    }
    assert.ok(checked >= 20, `highlight present in most samples (${checked}/30)`);
    assert.ok(words >= 10, `word highlight present (${words}/30)`);
    await page.close();
  });

  it('a click on the 6th turn plays from its start', async () => {
    const page = await openApp();
    const sixth = page.locator('[data-turn-index="5"]');
    const start = Number(await sixth.getAttribute('data-start'));
    // Its name says what a click does in this mode, and only that.
    const button = sixth.getByRole('button', { name: /^\S.* \d+:\d{2} ?: play from here$/ });
    await button.click();
    await page.waitForFunction((t) => !document.querySelector('audio')!.paused && document.querySelector('audio')!.currentTime >= t - 0.05, start);
    const s = await sample(page);
    assert.ok(s.time >= start - 0.05 && s.time < start + 1.5, `time ${s.time} just after start ${start}`);
    assert.equal(s.turn?.index, 5);
    await page.close();
  });

  it('a click on a word while paused plays from that word', async () => {
    const page = await openApp();
    const word = page.locator('[data-turn-index="3"] .word[data-start]').nth(2);
    const start = Number(await word.getAttribute('data-start'));
    await word.click();
    await page.waitForFunction((t) => !document.querySelector('audio')!.paused && Math.abs(document.querySelector('audio')!.currentTime - t) < 1, start);
    await page.close();
  });

  it("a click past the end of a line plays from that line's first word", async () => {
    const page = await openApp();
    const text = page.locator('[data-turn-index="3"] .turn__text');
    await text.evaluate((element) => element.querySelector('.word:last-of-type')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
    // The last visual line of the turn: the words sharing the last word's top.
    const line = await text.evaluate((element) => {
      const words = [...element.querySelectorAll<HTMLElement>('.word[data-start]')].map((word) => ({ box: word.getBoundingClientRect(), start: Number(word.dataset.start) }));
      const last = words.at(-1)!.box;
      const onLine = words.filter((word) => Math.abs(word.box.top - last.top) < 2);
      return { start: onLine[0]!.start, y: last.top + last.height / 2, x: element.getBoundingClientRect().right - 2, end: last.right };
    });
    assert.ok(line.x > line.end + 10, 'the last line ends before the column does');
    await page.mouse.click(line.x, line.y);
    await page.waitForFunction((t) => !document.querySelector('audio')!.paused && Math.abs(document.querySelector('audio')!.currentTime - t) < 0.5, line.start);
    await page.close();
  });

  it('seeks to a word on click while playing and keeps playing', async () => {
    const page = await openApp();
    await page.getByTestId('play-pause').click();
    const word = page.locator('[data-turn-index="4"] .word[data-start]').nth(3);
    const start = Number(await word.getAttribute('data-start'));
    await word.click();
    await page.waitForFunction((t) => Math.abs(document.querySelector('audio')!.currentTime - t) < 0.5, start);
    assert.equal(await page.evaluate(() => document.querySelector('audio')!.paused), false);
    await page.close();
  });

  it('keyboard: Tab to a turn and Enter plays from it; Space pauses there; arrows skip 5 s', async () => {
    const page = await openApp();
    const start = Number(await page.locator('[data-turn-index="1"]').getAttribute('data-start'));
    // Real Tab presses from the top of the page until the second turn has the focus.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.closest('[data-turn-index="1"]') !== null)); i++) await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.closest('[data-turn-index="1"]') !== null), 'Tab reaches the second turn');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => !document.querySelector('audio')!.paused && document.querySelector('audio')!.currentTime >= t - 0.05, start);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('audio')!.paused);
    const paused = await page.evaluate(() => document.querySelector('audio')!.currentTime);
    assert.ok(paused >= start - 0.05 && paused < start + 2, `Space paused (at ${paused}), it did not press the turn again`);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((t) => Math.abs(document.querySelector('audio')!.currentTime - (t + 5)) < 0.05, paused);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('audio')!.paused);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('audio')!.paused);
    await page.keyboard.press('.');
    assert.equal(await page.evaluate(() => document.querySelector('audio')!.playbackRate), 1.25);
    await page.close();
  });

  it('manual scroll pauses following; "Back to current" resumes it', async () => {
    const page = await openApp();
    await page.setViewportSize({ width: 1000, height: 500 });
    const last = page.locator('[data-turn-index="12"]');
    const start = Number(await last.getAttribute('data-start'));
    await page.evaluate((t) => {
      document.querySelector('audio')!.currentTime = t + 0.3;
    }, start);
    await page.waitForSelector('[data-turn-index="12"][aria-current="true"]');
    // Following brings the playing turn into view.
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-turn-index="12"]')!.getBoundingClientRect();
      const view = document.querySelector('.transcript__scroller')!.getBoundingClientRect();
      return row.top >= view.top && row.top < view.bottom;
    });
    await page.locator('.transcript__scroller').hover();
    await page.mouse.wheel(0, -4000);
    const back = page.getByRole('button', { name: /Back to current/ });
    await back.waitFor();
    await back.click();
    await back.waitFor({ state: 'detached' });
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-turn-index="12"]')!.getBoundingClientRect();
      const view = document.querySelector('.transcript__scroller')!.getBoundingClientRect();
      return row.top >= view.top && row.top < view.bottom;
    });
    await page.close();
  });

  it('gives a clear error for bad files and keeps the current session', async () => {
    const page = await openApp();
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-e2e-'));
    const fakeAudio = join(dir, 'interview.mp3');
    writeFileSync(fakeAudio, 'this is not audio at all');
    await page.getByTestId('file-input').setInputFiles(fakeAudio);
    const error = page.getByTestId('error-notice').first();
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    assert.match(text, /interview\.mp3/);
    assert.match(text, /cannot be played/);

    const empty = join(dir, 'notes.srt');
    writeFileSync(empty, '');
    await page.getByTestId('file-input').setInputFiles(empty);
    await page.getByTestId('error-notice').filter({ hasText: 'notes.srt' }).waitFor();

    const doc = join(dir, 'report.docx');
    writeFileSync(doc, 'PK');
    await page.getByTestId('file-input').setInputFiles(doc);
    await page.getByTestId('error-notice').filter({ hasText: 'report.docx' }).waitFor();

    assert.equal(await page.locator('[data-turn-index]').count(), 13, 'the demo session is still there');
    assert.equal(await page.locator('audio').count(), 1);
    await page.close();
  });

  it('loads from URL parameters and seeks to a media fragment', async () => {
    const page = await openApp('?audio=demo/seed.opus&transcript=demo/seed.txt#t=30');
    await page.waitForFunction(() => Math.abs(document.querySelector('audio')!.currentTime - 30) < 0.1);
    assert.equal(await page.locator('[data-turn-index]').count(), 13);
    await page.close();
  });

  it('names a missing transcript URL in the error', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.url + '?transcript=missing/nothing.vtt');
    const error = page.getByTestId('error-notice').first();
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /nothing\.vtt.*404/);
    await page.close();
  });
});
