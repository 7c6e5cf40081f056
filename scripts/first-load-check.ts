/**
 * Opens the app N times in fresh browser contexts and counts first loads that show no error notice
 * (issue 9: "no error notice on 10 of 10 first loads"). Start `npm start` or `npx vite preview` first:
 * `npx tsx scripts/first-load-check.ts http://localhost:5173/ 10`.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/browser.ts';
const url = process.argv[2] ?? 'http://localhost:5173/';
const runs = Number(process.argv[3] ?? 10);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
let clean = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  await page.goto(url);
  await page.waitForSelector('[data-turn-index]', { timeout: 30000 });
  await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, undefined, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const notices = await page.locator('.notice, [role="alert"]').allTextContents();
  const audios = await page.locator('audio').count();
  const waves = await page.locator('[data-testid="waveform"]').count();
  const ok = notices.length === 0 && errors.length === 0 && audios === 1 && waves === 1;
  if (ok) clean++;
  console.log(`load ${i + 1}: notices=${JSON.stringify(notices)} errors=${JSON.stringify(errors)} audio=${audios} waveform=${waves}`);
  if (i === 0 && process.argv[4]) await page.screenshot({ path: process.argv[4] });
  await context.close();
}
console.log(`${clean} of ${runs} first loads without an error notice`);
await browser.close();
