import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freshPage, serveBuiltApp, waitForSession } from './built-app.ts';

const app = serveBuiltApp();

/** A tall window, so that every one of the demo's rows is rendered (the list is virtualized). */
const TALL = { viewport: { width: 1366, height: 4000 }, acceptDownloads: true };

async function openDemo(options = TALL): Promise<{ page: Page; errors: string[] }> {
  const opened = await freshPage(app, options);
  await opened.page.goto(app.url);
  await waitForSession(opened.page);
  return opened;
}

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Export through the menu with the keyboard only: focus Export, ↓ opens it, ↓ walks to the item, Enter. */
async function exportWithKeys(page: Page, item: RegExp): Promise<{ name: string; text: string; path: string }> {
  await page.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('menu').waitFor();
  for (let i = 0; i < 30 && !item.test(await activeText(page)); i++) await page.keyboard.press('ArrowDown');
  assert.match(await activeText(page), item);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  // Saved under its own name, as the browser would: that is the name the app sees when it is opened again.
  const path = join(mkdtempSync(join(tmpdir(), 'verbatim-export-')), download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

interface Cue {
  start: number;
  end: number;
  /** The lines as shown: markup (`<v Name>`, `</v>`, `<c>`, inline timestamps) removed. */
  lines: string[];
  raw: string;
}

const seconds = (clock: string) => {
  const [h, m, s] = clock.replace(',', '.').split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
};

/** An independent reader for the cues (not the app's parser): blocks with a `-->` line. */
function readCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((line) => line.includes('-->'));
    if (timing < 0) continue;
    const [from, to] = lines[timing]!.split('-->').map((part) => part.trim().split(/\s+/)[0]!);
    const body = lines.slice(timing + 1).filter((line) => line.length > 0);
    cues.push({
      start: seconds(from!),
      end: seconds(to!),
      lines: body.map((line) => line.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')),
      raw: body.join('\n'),
    });
  }
  return cues;
}

function assertWithinLimits(cues: Cue[], format: string) {
  assert.ok(cues.length > 13, `${format}: more cues (${cues.length}) than the demo's 13 turns`);
  let previousEnd = -Infinity;
  for (const [index, cue] of cues.entries()) {
    const where = `${format} cue ${index + 1} (${cue.start}–${cue.end}): ${JSON.stringify(cue.lines)}`;
    assert.ok(cue.lines.length >= 1 && cue.lines.length <= 2, `${where}: 1 or 2 lines`);
    for (const line of cue.lines) assert.ok([...line].length <= 42, `${where}: a line of ${[...line].length} characters`);
    const duration = cue.end - cue.start;
    assert.ok(duration <= 7 + 1e-6, `${where}: ${duration.toFixed(3)} s is over 7 s`);
    assert.ok(duration >= 0.5 - 1e-6, `${where}: ${duration.toFixed(3)} s is under 0.5 s`);
    assert.ok(cue.start >= previousEnd - 1e-6, `${where}: overlaps the cue before (ends ${previousEnd})`);
    previousEnd = cue.end;
  }
}

/** Speaker and start (whole seconds) of every turn on screen. */
function turnsOnScreen(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-turn-index]')].map((turn) => ({
      speaker: turn.querySelector('.turn__speaker')?.textContent ?? '',
      start: Math.floor(Number(turn.dataset.start)),
      paragraphs: 1 + turn.querySelectorAll('[data-paragraph-break]').length,
    })),
  );
}

describe('the everyday workflow on the demo, by keyboard', () => {
  it('shows the seed as 13 turns and 16 paragraphs', async () => {
    const { page, errors } = await openDemo();
    const turns = await turnsOnScreen(page);
    assert.equal(turns.length, 13);
    assert.equal(
      turns.reduce((sum, turn) => sum + turn.paragraphs, 0),
      16,
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('exports SRT and WebVTT captions with every cue within 2 lines × 42 characters, 0.5–7 s, no overlaps; VTT cues carry <v>', async () => {
    const { page, errors } = await openDemo();
    const srt = await exportWithKeys(page, /SRT/);
    assert.equal(srt.name, 'seed.srt');
    const srtCues = readCues(srt.text);
    assertWithinLimits(srtCues, 'SRT');
    assert.ok(srtCues.some((cue) => /^(CHARLES MAYNES|Charles Maynes): /i.test(cue.raw) || cue.raw.startsWith('- ')), 'SRT names speakers on a turn’s first cue');

    const vtt = await exportWithKeys(page, /WebVTT/);
    assert.equal(vtt.name, 'seed.vtt');
    assert.ok(vtt.text.startsWith('WEBVTT'));
    const vttCues = readCues(vtt.text);
    assertWithinLimits(vttCues, 'VTT');
    // The seed's first turn (the host's intro) has no speaker; every cue after it carries its speaker's voice span.
    const [, second] = await turnsOnScreen(page);
    const labelled = vttCues.filter((cue) => cue.start >= second!.start);
    assert.ok(labelled.length > 0);
    for (const cue of labelled) assert.match(cue.raw, /^<v [^>]+>/, `every VTT cue of a named speaker carries <v>: ${cue.raw}`);
    assert.ok(vttCues.some((cue) => cue.raw.startsWith('<v Abbas Gallyamov>')));
    console.log(`demo captions: ${srtCues.length} SRT cues, ${vttCues.length} VTT cues; longest ${Math.max(...vttCues.map((c) => c.end - c.start)).toFixed(2)} s`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('reads its own text export back with the speakers, the turn times and the paragraphs', async () => {
    const { page, errors } = await openDemo();
    const before = await turnsOnScreen(page);
    const text = await exportWithKeys(page, /Plain text with timestamps/);
    assert.equal(text.name, 'seed.txt');
    assert.match(text.text, /^\[00:00:\d\d\] /m);
    // Open the exported file as a user would: the file picker (the hidden input behind "Open files…").
    await page.getByTestId('file-input').setInputFiles(text.path);
    await page.waitForFunction(() => document.querySelector('.session__transcript')?.textContent?.endsWith('.txt'));
    await page.waitForSelector('[data-turn-index="12"]');
    const after = await turnsOnScreen(page);
    assert.deepEqual(after, before, 'same speakers, same starts (to the second), same paragraphs');
    assert.match((await page.getByTestId('info-notice').first().textContent()) ?? '', /Opened .*\.txt \(read as Timestamped text/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('? lists the shortcuts of the mode in use, in an accessible dialog that Esc closes', async () => {
    const { page, errors } = await openDemo({ viewport: { width: 1366, height: 768 }, acceptDownloads: false });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: /Keyboard shortcuts: read-along/ });
    await dialog.waitFor();
    const read = (await dialog.textContent()) ?? '';
    assert.match(read, /Play \/ pause/);
    assert.doesNotMatch(read, /Tap:|next tap|Nudge/, 'no editor shortcut in read-along');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    assert.equal(await page.getByRole('dialog').count(), 0);

    await page.keyboard.press('e');
    await page.waitForSelector('[data-mode="edit"]');
    await page.keyboard.press('?');
    const editor = page.getByRole('dialog', { name: /Keyboard shortcuts: editor mode/ });
    await editor.waitFor();
    const edit = (await editor.textContent()) ?? '';
    for (const expected of [/Tap: the turn marked “next tap” starts at the playhead/, /F2/, /Split the turn at the caret/, /Zoom the waveform in/, /Play \/ pause/]) assert.match(edit, expected);
    // Keys inside the dialog belong to it: Space presses its Close button, nothing plays.
    await page.keyboard.press('Space');
    await editor.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.querySelector('audio')!.paused), true);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Space and Enter on a button reached with Tab press it; they never play, pause or tap there', async () => {
    const { page, errors } = await openDemo({ viewport: { width: 1366, height: 768 }, acceptDownloads: false });
    // Tab from the top of the page to "Edit timings".
    for (let i = 0; i < 20 && (await activeText(page)) !== 'Edit timings'; i++) await page.keyboard.press('Tab');
    assert.equal(await activeText(page), 'Edit timings');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-mode="edit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-mode="read"]');
    const state = await page.evaluate(() => ({ paused: document.querySelector('audio')!.paused, time: document.querySelector('audio')!.currentTime }));
    assert.deepEqual(state, { paused: true, time: 0 }, 'the button was pressed; playback did not start');
    // Off any control, Space is play / pause again.
    await page.locator('[data-turn-index="2"] .word[data-start]').nth(2).click();
    await page.waitForFunction(() => !document.querySelector('audio')!.paused);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('audio')!.paused);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
