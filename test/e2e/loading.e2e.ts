/**
 * Loading beyond files: podcast feeds, pasted transcripts, the read-as
 * override and precomputed peaks, in Chromium against the built app. The
 * fixtures are written into a folder inside dist/ (beside demo/, which the
 * feed's relative links reach) and removed afterwards; nothing leaves the machine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureFolder, freshPage, serveBuiltApp } from './built-app.ts';
import { readTranscript } from '../../src/transcript/read-transcript.ts';
import { speechTurns } from '../../src/transcript/model.ts';
import { findExportFormat } from '../../src/transcript/formats/registry.ts';
import { computePeaks, peaksJson } from '../../cli/peaks.ts';

const root = join(import.meta.dirname, '../..');
const feeds = join(root, 'test/fixtures/feeds');

let podcastTurns: number;
let seedTurns: number;

const app = serveBuiltApp();
/** The fixtures, inside the build beside demo/ (which the feed's relative links reach). */
const folder = fixtureFolder('e2e-loading', async (dir) => {
  for (const name of ['seed-feed.rss', 'broken.rss', 'no-episodes.rss']) copyFileSync(join(feeds, name), join(dir, name));

  // The feed's transcript: the demo transcript as a podcast would publish it.
  const seed = readTranscript(readFileSync(join(root, 'public/demo/seed.verbatim.json'), 'utf8'));
  assert.ok(seed.ok);
  seedTurns = speechTurns(seed.transcript).length;
  const podcastJson = findExportFormat('podcast-json')!.write(seed.transcript);
  writeFileSync(join(dir, 'seed.podcast.json'), podcastJson);
  const reread = readTranscript(podcastJson, { fileName: 'seed.podcast.json' });
  assert.ok(reread.ok);
  podcastTurns = speechTurns(reread.transcript).length;

  // Peaks made the way `npm run peaks` makes them, plus two that do not fit.
  const { peaks } = await computePeaks(join(root, 'public/demo/seed.opus'), { pixelsPerSecond: 50, bits: 8, splitChannels: false });
  writeFileSync(join(dir, 'seed.peaks.json'), peaksJson(peaks));
  writeFileSync(join(dir, 'wrong-shape.peaks.json'), JSON.stringify({ ...peaks, data: peaks.data.slice(1) }));
  writeFileSync(join(dir, 'ten-seconds.peaks.json'), JSON.stringify({ ...peaks, length: 500, data: peaks.data.slice(0, 1000) }));
});

async function newPage(options: { permissions?: string[] } = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const opened = await freshPage(app, options.permissions ? { permissions: options.permissions } : {});
  return { ...opened, context: opened.page.context() };
}

/** The demo, fully loaded: 13 turns and playable audio. */
async function openDemo(options: { permissions?: string[] } = {}) {
  const opened = await newPage(options);
  await opened.page.goto(app.url);
  await opened.page.waitForSelector('[data-turn-index]');
  await opened.page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
  return opened;
}

const turnCount = (page: Page) => page.locator('[data-turn-index]').count();
const readAs = (page: Page) => page.getByTestId('read-as').innerText();

describe('podcast feeds', () => {
  it('?feed= lists the episodes and opens one: enclosure as audio, best transcript as transcript', async () => {
    const { page, context, errors } = await newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${app.url}?feed=${folder.path}seed-feed.rss`);
    const dialog = page.getByTestId('feed-dialog');
    await dialog.getByTestId('feed-episode').first().waitFor();
    assert.match(await page.getByTestId('feed-status').innerText(), /Verbatim Test Radio: 3 episodes, 2 with a transcript/);
    const rows = await dialog.getByTestId('feed-episode').allInnerTexts();
    assert.equal(rows.length, 3);
    // The JSON transcript is preferred over the HTML one listed first.
    assert.match(rows[0]!, /Allies and adversaries[\s\S]*4:19[\s\S]*Transcript: Podcast JSON/);
    assert.match(rows[1]!, /No transcript/);
    assert.equal(await page.evaluate(() => document.activeElement?.id.endsWith('-url')), true, 'focus starts in the address field');

    await dialog.getByTestId('feed-episode').first().click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await turnCount(page), podcastTurns);
    assert.match(await readAs(page), /Podcast/);
    assert.match((await page.locator('.session__audio').innerText()).trim(), /^Allies and adversaries$/);
    await page.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 60);
    assert.ok(requested.includes('/demo/seed.opus'), 'the enclosure is the audio');
    assert.ok(requested.includes(`/${folder.path}seed.podcast.json`), 'the JSON transcript is the one read');
    assert.ok(!requested.includes(`/${folder.path}seed.html`), 'the HTML transcript is not downloaded');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an episode whose transcript is missing names it and keeps the session; one without a transcript opens the audio alone', async () => {
    const { page, context } = await openDemo();
    await page.getByRole('button', { name: 'Podcast feed…' }).click();
    const dialog = page.getByTestId('feed-dialog');
    await dialog.getByLabel('Feed address').click();
    await page.keyboard.type(`${folder.path}seed-feed.rss`);
    await dialog.getByLabel('Feed address').press('Enter');
    await dialog.getByTestId('feed-episode').nth(2).click();
    await page.getByTestId('feed-status').filter({ hasText: 'gone.vtt' }).waitFor();
    assert.match(await page.getByTestId('feed-status').innerText(), /gone\.vtt .*could not be downloaded: the server answered 404/);
    assert.equal(await dialog.isVisible(), true, 'the dialog stays open to pick another episode');
    assert.equal(await turnCount(page), seedTurns, 'the demo is still there');

    await dialog.getByTestId('feed-episode').nth(1).click();
    await page.locator('.transcript__empty').waitFor();
    assert.equal(await turnCount(page), 0);
    assert.match(await page.locator('.session__audio').innerText(), /without a transcript/);
    await context.close();
  });

  it('a broken feed and a feed without episodes are named with their problem, and the session stays', async () => {
    const { page, context } = await openDemo();
    await page.getByRole('button', { name: 'Podcast feed…' }).click();
    const dialog = page.getByTestId('feed-dialog');
    const address = dialog.getByLabel('Feed address');
    const status = page.getByTestId('feed-status');

    await address.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(`${folder.path}broken.rss`);
    await address.press('Enter');
    await status.filter({ hasText: /^broken\.rss, line/ }).waitFor();
    assert.match(await status.innerText(), /^broken\.rss, line \d+: the feed is not well-formed XML \(column \d+: .+\)\.$/);

    await address.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(`${folder.path}no-episodes.rss`);
    await address.press('Enter');
    await status.filter({ hasText: /^no-episodes\.rss:/ }).waitFor();
    assert.equal(await status.innerText(), 'no-episodes.rss: the feed “Coming Soon” has no episodes.');

    await address.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(`${folder.path}nothing-here.rss`);
    await address.press('Enter');
    await status.filter({ hasText: /could not be downloaded/ }).waitFor();
    assert.match(await status.innerText(), /nothing-here\.rss .*could not be downloaded: the server answered 404/);

    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Podcast feed…', 'focus returns to the button');
    assert.equal(await turnCount(page), seedTurns);
    await context.close();
  });

  it('a feed file opened with “Open files…” lists its episodes', async () => {
    const { page, context } = await openDemo();
    await page.getByTestId('file-input').setInputFiles(join(feeds, 'podcast-namespace.rss'));
    const dialog = page.getByTestId('feed-dialog');
    await dialog.getByTestId('feed-episode').first().waitFor();
    assert.match(await page.getByTestId('feed-status').innerText(), /Harbour Lights & Signals: 3 episodes, 2 with a transcript/);
    // The Spanish special: the channel's English subtitles win over a Spanish JSON.
    assert.match((await dialog.getByTestId('feed-episode').nth(1).innerText()), /Transcript: WebVTT/);
    await context.close();
  });
});

const SRT = readFileSync(join(root, 'test/fixtures/formats/film-dialogue.srt'), 'utf8');

describe('pasting a transcript', () => {
  it('the Paste… dialog detects the format, opens the text and keeps the audio', async () => {
    const { page, context } = await openDemo();
    const audioBefore = await page.evaluate(() => document.querySelector('audio')!.currentSrc);
    await page.getByRole('button', { name: 'Paste…' }).click();
    const dialog = page.getByTestId('paste-dialog');
    await dialog.getByLabel('Transcript text').click();
    // Typed as a person would: line breaks as Enter, no byte-order mark.
    await page.keyboard.type(SRT.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    await page.getByTestId('paste-preview').filter({ hasText: /^Reads as .*SRT/ }).waitFor();
    assert.match(await page.getByTestId('paste-preview').innerText(), /^Reads as .*SRT.*: \d+ turns?, .*with timings\.$/);
    await dialog.getByLabel('Transcript text').press('Control+Enter');
    await page.locator('.session__transcript', { hasText: 'Pasted transcript' }).waitFor();
    assert.equal(await dialog.isVisible(), false);
    const expected = readTranscript(SRT);
    assert.ok(expected.ok);
    assert.equal(await turnCount(page), speechTurns(expected.transcript).length);
    assert.match(await readAs(page), /SRT/);
    assert.equal(await page.evaluate(() => document.querySelector('audio')!.currentSrc), audioBefore);
    await context.close();
  });

  it('unknown text is explained in the dialog and cannot be opened', async () => {
    const { page, context } = await openDemo();
    await page.getByRole('button', { name: 'Paste…' }).click();
    const dialog = page.getByTestId('paste-dialog');
    await dialog.getByLabel('Transcript text').click();
    await page.keyboard.type('{"name": "verbatim", "version": "0.1.0"}');
    await page.getByTestId('paste-preview').filter({ hasText: /^Pasted transcript:/ }).waitFor();
    assert.equal(await page.getByTestId('paste-preview').innerText(), 'Pasted transcript: this JSON is not a transcript format Verbatim knows.');
    assert.equal(await dialog.getByRole('button', { name: 'Open' }).isDisabled(), true);
    await page.keyboard.press('Escape');
    assert.equal(await turnCount(page), seedTurns);
    await context.close();
  });

  it('Ctrl+V on the page opens a transcript from the clipboard; other text gets a note', async () => {
    const { page, context } = await openDemo({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate((text) => navigator.clipboard.writeText(text), SRT);
    await page.locator('.main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+V');
    const dialog = page.getByTestId('paste-dialog');
    await dialog.waitFor();
    // A text field keeps line feeds only.
    assert.equal(await dialog.getByLabel('Transcript text').inputValue(), SRT.replace(/\r\n?/gu, '\n'));
    await page.keyboard.press('Escape');

    await page.evaluate(() => navigator.clipboard.writeText('We met at the harbour. It was foggy.'));
    await page.locator('.main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+V');
    await page.getByTestId('warning-notice').filter({ hasText: 'Pasted text' }).waitFor();
    assert.match(await page.getByTestId('warning-notice').first().innerText(), /does not look like a transcript/);
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await turnCount(page), seedTurns);
    await context.close();
  });
});

describe('read as another format', () => {
  it('switches an SRT file to plain text and back; a format that cannot read it is refused with the reason', async () => {
    const { page, context } = await openDemo();
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-e2e-'));
    const file = join(dir, 'film.srt');
    writeFileSync(file, SRT);
    await page.getByTestId('file-input').setInputFiles(file);
    await page.locator('.session__transcript', { hasText: 'film.srt' }).waitFor();
    const asSrt = await turnCount(page);
    assert.match(await readAs(page), /SRT/);

    const change = page.getByRole('button', { name: /change the format/ });
    const dialog = page.getByTestId('read-as-dialog');
    const format = dialog.getByLabel('Format', { exact: true });
    await change.click();
    await format.selectOption('plain-text');
    await page.getByTestId('read-as-status').filter({ hasText: 'As Plain text' }).waitFor();
    await dialog.getByRole('button', { name: 'Read again' }).click();
    await page.waitForFunction(() => /Plain text/.test(document.querySelector('[data-testid="read-as"]')?.textContent ?? ''));
    assert.equal(await dialog.isVisible(), false);
    // As plain text the cue numbers and timings are words of the transcript.
    assert.match((await page.locator('.transcript').innerText()), /-->/);
    assert.equal(await page.locator('.session__transcript').innerText(), 'film.srt');

    await change.click();
    await format.selectOption('whisper-json');
    await page.getByTestId('read-as-status').filter({ hasText: /^film\.srt/ }).waitFor();
    assert.match(await page.getByTestId('read-as-status').innerText(), /^film\.srt.*JSON/);
    assert.equal(await dialog.getByRole('button', { name: 'Read again' }).isDisabled(), true);

    await format.selectOption('srt');
    await dialog.getByRole('button', { name: 'Read again' }).click();
    await page.waitForFunction(() => /SRT/.test(document.querySelector('[data-testid="read-as"]')?.textContent ?? ''));
    assert.equal(await turnCount(page), asSrt);
    assert.doesNotMatch(await page.locator('.transcript').innerText(), /-->/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Read as SubRip subtitles (SRT): change the format');
    await context.close();
  });
});

describe('precomputed peaks', () => {
  const demo = 'audio=demo/seed.opus&transcript=demo/seed.verbatim.json';

  /** Requests for the audio made by fetch (wavesurfer decoding it), not by the media element. */
  function watchAudioFetches(page: Page): string[] {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/demo/seed.opus') && request.resourceType() !== 'media') fetched.push(request.resourceType());
    });
    return fetched;
  }

  const waveformDrawn = (page: Page) =>
    page.waitForFunction(() => {
      const host = document.querySelector('[data-testid="waveform"]')?.firstElementChild;
      return (host?.shadowRoot?.querySelectorAll('canvas').length ?? 0) > 0;
    });

  it('?peaks= draws the waveform from the peaks file without downloading the audio to decode it', async () => {
    const { page, context, errors } = await newPage();
    const fetched = watchAudioFetches(page);
    await page.goto(`${app.url}?${demo}&peaks=${folder.path}seed.peaks.json`);
    await page.waitForSelector('[data-turn-index]');
    await waveformDrawn(page);
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
    assert.deepEqual(fetched, []);
    assert.equal(await page.getByTestId('warning-notice').count(), 0, 'the peaks fit the audio');
    assert.deepEqual(errors, []);
    await context.close();

    // The control: without peaks, wavesurfer fetches the whole file to decode it.
    const plain = await newPage();
    const decoded = watchAudioFetches(plain.page);
    await plain.page.goto(`${app.url}?${demo}`);
    await waveformDrawn(plain.page);
    assert.ok(decoded.length > 0, 'without peaks the audio is fetched for decoding');
    await plain.context.close();
  });

  it('a peaks file of the wrong shape is named with its problem; peaks for other audio get a warning', async () => {
    const bad = await newPage();
    await bad.page.goto(`${app.url}?${demo}&peaks=${folder.path}wrong-shape.peaks.json`);
    const error = bad.page.getByTestId('error-notice').first();
    await error.waitFor();
    assert.match(await error.innerText(), /^wrong-shape\.peaks\.json: "data" holds \d+ values, but \d+ points × 1 channel × min and max need \d+\./);
    await bad.context.close();

    const short = await newPage();
    await short.page.goto(`${app.url}?${demo}&peaks=${folder.path}ten-seconds.peaks.json`);
    const warning = short.page.getByTestId('warning-notice').first();
    await warning.waitFor();
    assert.match(await warning.innerText(), /^ten-seconds\.peaks\.json covers 0:10 but seed\.opus is 4:19 long/);
    await short.context.close();
  });

  it('peaks files opened with their audio: a bad one keeps the session, one for other audio is flagged, a good one opens', async () => {
    const { page, context } = await openDemo();
    const audio = join(root, 'public/demo/seed.opus');
    await page.getByTestId('file-input').setInputFiles([audio, join(folder.dir, 'wrong-shape.peaks.json')]);
    await page.getByTestId('error-notice').filter({ hasText: 'wrong-shape.peaks.json' }).waitFor();
    assert.equal(await turnCount(page), seedTurns);
    assert.match(await page.locator('.session__audio').innerText(), /^seed\.opus$/);

    await page.getByTestId('file-input').setInputFiles([join(folder.dir, 'seed.peaks.json')]);
    await page.getByTestId('error-notice').filter({ hasText: 'open it together with its audio file' }).waitFor();

    // Peaks for ten seconds: the warning shows they were read and checked against this audio.
    await page.getByTestId('file-input').setInputFiles([audio, join(folder.dir, 'ten-seconds.peaks.json')]);
    await page.getByTestId('warning-notice').filter({ hasText: 'ten-seconds.peaks.json covers 0:10' }).waitFor();
    await page.getByTestId('file-input').setInputFiles([audio, join(folder.dir, 'seed.peaks.json')]);
    await page.getByTestId('info-notice').filter({ hasText: 'Opened seed.opus' }).waitFor();
    await context.close();
  });
});

describe('the app’s code cannot be loaded', () => {
  it('says so in a sentence with a Reload button that has the focus, never a blank page', async () => {
    const { page } = await freshPage(app);
    // The app chunk fails to arrive (offline before a first visit, a dropped connection, a new deploy).
    await page.route(/\/assets\/boot-[^/]*\.js$/u, (route) => route.abort('internetdisconnected'));
    await page.goto(app.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^Verbatim could not load its code\. Reload the page[^\n]*\n+.*boot-/u);
    const reload = page.getByRole('button', { name: 'Reload' });
    assert.ok(await reload.evaluate((button) => button === document.activeElement), 'Reload has the focus');
    await page.unroute(/\/assets\/boot-[^/]*\.js$/u);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-turn-index]');
    await page.context().close();
  });
});
