/**
 * Audio that does not play, or does not fit its transcript, in Chromium
 * against the built app: every problem is one sentence naming the file, never
 * the browser's own message. The damaged files are made by
 * test/fixtures/media/make-media.sh and copied into a folder inside dist/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureFolder, freshPage, serveBuiltApp } from './built-app.ts';

const root = join(import.meta.dirname, '../..');
const media = join(root, 'test/fixtures/media');
const RAW = /PIPELINE|DEMUXER|FFmpeg|MEDIA_ELEMENT_ERROR|Format error/u;

const app = serveBuiltApp();
const folder = fixtureFolder('e2e-media', (dir) => {
  for (const name of ['truncated.mp3', 'not-audio.opus']) copyFileSync(join(media, name), join(dir, name));
  // A caption file of three hours for four minutes of audio.
  // A feed whose episode is audio that is missing at first (a download still running, a server hiccup).
  writeFileSync(
    join(dir, 'late-feed.rss'),
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Late</title><item><title>Late episode</title><guid>late-1</guid><enclosure url="late.opus" type="audio/ogg"/></item></channel></rss>',
  );
  writeFileSync(join(dir, 'three-hours.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello.\n\n02:59:50.000 --> 03:00:00.000\nGoodbye.\n');
});

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await freshPage(app);
  await page.goto(`${app.url}?${query}`);
  return { page, errors };
}

const noticeTexts = (page: Page) => page.locator('[data-testid$="-notice"] .notice__text').allInnerTexts();

describe('audio that does not play or does not fit', () => {
  it('a truncated MP3 is named as cut short; play and seek stay inside what can be read, with no raw browser message', async () => {
    const { page, errors } = await open(`audio=${folder.path}truncated.mp3&transcript=demo/seed.verbatim.json`);
    const cut = page.getByTestId('error-notice').filter({ hasText: 'truncated.mp3 is cut short' });
    await cut.waitFor();
    assert.match(
      await cut.innerText(),
      /^truncated\.mp3 is cut short: it says it lasts 0:52, but only 0\.\d s of audio could be read \(an interrupted download or copy\?\)\./u,
    );
    // The transcript (4:18 of times) does not fit the audio either, and the user is told once.
    const fit = page.getByTestId('warning-notice').filter({ hasText: 'seed.verbatim.json has times up to 4:18' });
    await fit.waitFor();
    assert.match(await fit.innerText(), /but truncated\.mp3 is 0:52 long\. \d+ turns start after the audio ends\. Is this the transcript of this recording\?/u);

    // Real keys: skip forward, then play. The playhead stays inside the readable audio.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const afterSkip = await page.evaluate(() => document.querySelector('audio')!.currentTime);
    assert.ok(afterSkip < 1, `skipping stops where the audio ends (${afterSkip} s)`);
    await page.keyboard.press(' ');
    await page.waitForTimeout(1500);
    const texts = await noticeTexts(page);
    assert.ok(texts.every((text) => !RAW.test(text)), `no raw browser message: ${JSON.stringify(texts)}`);
    assert.equal(texts.filter((text) => text.includes('has times up to')).length, 1, 'the fit warning is shown once');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a file that is not audio gets a sentence naming it', async () => {
    const { page } = await open(`audio=${folder.path}not-audio.opus&transcript=demo/seed.txt`);
    const error = page.getByTestId('error-notice').first();
    await error.waitFor();
    const text = await error.locator('.notice__text').innerText();
    assert.match(text, /^not-audio\.opus (could not|cannot) be played: (the file is damaged or not audio|this browser does not play its format, or the file is not audio)\./u);
    assert.doesNotMatch(text, RAW);
    await page.close();
  });

  it('a three-hour caption file on four minutes of audio is pointed out', async () => {
    const { page } = await open(`audio=demo/seed.opus&transcript=${folder.path}three-hours.vtt`);
    const warning = page.getByTestId('warning-notice').filter({ hasText: 'three-hours.vtt' });
    await warning.waitFor();
    assert.equal(
      await warning.locator('.notice__text').innerText(),
      'three-hours.vtt has times up to 3:00:00, but seed.opus is 4:19 long. One turn starts after the audio ends. Is this the transcript of this recording?',
    );
    await page.close();
  });

  it('missing audio is named as a download the server refused; once it is there, asking again opens it (no stale failure)', async () => {
    const { page, errors } = await open(`audio=${folder.path}late.opus&transcript=demo/seed.txt`);
    await page.getByTestId('error-notice').first().waitFor();
    // Chromium calls a 404 "not supported"; the server is asked what it was, and the failure is told once.
    await page.waitForTimeout(500);
    assert.deepEqual(await noticeTexts(page), [`late.opus (${folder.path}late.opus) could not be downloaded: the server answered 404 Not Found.`]);
    copyFileSync(join(root, 'public/demo/seed.opus'), join(folder.dir, 'late.opus'));

    await page.getByRole('button', { name: 'Podcast feed…' }).click();
    const dialog = page.getByTestId('feed-dialog');
    await dialog.getByLabel('Feed address').click();
    await page.keyboard.type(`${folder.path}late-feed.rss`);
    await page.keyboard.press('Enter');
    await dialog.getByTestId('feed-episode').first().click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 60);
    assert.equal(await page.evaluate(() => document.querySelector('audio')!.error), null);
    assert.match((await page.locator('.session__audio').innerText()).trim(), /Late episode/u);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
