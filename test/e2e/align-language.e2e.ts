import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveBuiltApp } from './built-app.ts';

// Spanish read by espeak-ng, one sentence a paragraph, with a pause after each.
const LINES = [
  'Buenos días a todos y bienvenidos a nuestro programa de esta mañana.',
  'Hoy hablamos de las noticias de la ciudad y de lo que significan para los vecinos.',
  'El ayuntamiento ha decidido construir una nueva biblioteca junto al río.',
  'Las obras empezarán en primavera y durarán casi dos años.',
];

const app = serveBuiltApp();
let audio: string;
let text: string;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-es-'));
  text = join(dir, 'noticias.txt');
  audio = join(dir, 'noticias.wav');
  writeFileSync(text, `${LINES.join('\n\n')}\n`);
  const made = spawnSync('espeak-ng', ['-v', 'es', '-s', '150', '-g', '12', '-w', audio, '-f', text]);
  assert.equal(made.status, 0, 'espeak-ng makes the test audio');
});

async function chooseLanguage(page: Page, name: string): Promise<void> {
  // A closed <select> takes type-ahead from the keyboard; the buffer resets after a pause.
  await page.getByTestId('align-language').focus();
  await page.waitForTimeout(1100);
  await page.keyboard.type(name);
}

describe('language of the alignment', () => {
  it('detects Spanish, lets the user change the language by keyboard, and places the lines on the speech', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles([audio, text]);
    const note = page.getByTestId('align-language-note');
    await note.filter({ hasText: 'Spanish' }).waitFor();
    assert.equal(await page.getByTestId('align-language').inputValue(), 'es');
    assert.match((await note.textContent()) ?? '', /Language: Spanish \(detected from the text\)\. There is no acoustic model for Spanish/u);

    await chooseLanguage(page, 'English');
    assert.equal(await page.getByTestId('align-language').inputValue(), 'en');
    assert.match((await note.textContent()) ?? '', /English acoustic model\. The text looks Spanish\./u);

    await chooseLanguage(page, 'Spanish');
    assert.equal(await page.getByTestId('align-language').inputValue(), 'es');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const done = page.locator('.align-banner--done');
    await done.waitFor({ timeout: 120_000 });
    const message = (await done.textContent()) ?? '';
    assert.match(message, /Timings estimated from speech pauses for 4 turns \(no acoustic model for Spanish\); check them/u);
    assert.doesNotMatch(message, /confident/u);
    const starts = await page.locator('[data-turn-index]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.start)));
    assert.equal(starts.length, 4);
    assert.ok(starts.every((start, i) => Number.isFinite(start) && (i === 0 || start > (starts[i - 1] as number))), `increasing starts ${starts.join(', ')}`);
    await page.close();
  });

  it('after a refused alignment offers "Align again" and "Use estimated timings"', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles([audio, text]);
    await page.getByTestId('align-language-note').filter({ hasText: 'Spanish' }).waitFor();
    // The English model on Spanish speech: the aligner must refuse, not report confident times.
    await chooseLanguage(page, 'English');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const again = page.getByTestId('align-again');
    await again.waitFor({ timeout: 240_000 });
    const failure = (await page.locator('.align-banner--failed').textContent()) ?? '';
    assert.match(failure, /does not seem to (match|be of) the audio/u);
    assert.equal(await page.locator('.notice').filter({ hasText: 'Alignment failed' }).count(), 0, 'the failure is said once, in the banner');

    // Back to Spanish from the failed banner, by keyboard: the picker, then "Align again".
    await chooseLanguage(page, 'Spanish');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.align-banner--done').waitFor({ timeout: 120_000 });
    assert.match((await page.locator('.align-banner--done').textContent()) ?? '', /no acoustic model for Spanish/u);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-turn-index][data-start]').length === 0);
    await page.close();
  });
});
