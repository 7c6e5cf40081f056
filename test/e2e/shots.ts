import { readFileSync } from 'node:fs';
import { launchChromium } from './browser.ts';
import { startStaticServer } from './static-server.ts';
const server = await startStaticServer('/work/wt/polish/dist');
const browser = await launchChromium();
for (const [w, h] of [[1366, 768], [390, 844]] as const) {
  const context = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-turn-index="1"]');
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: `/tmp/shot-help-read-${w}.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: `/tmp/shot-help-edit-${w}.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'interview-with-a-long-file-name.opus', mimeType: 'audio/ogg', buffer: readFileSync('public/demo/seed.opus') },
    { name: 'interview.json', mimeType: 'application/json', buffer: readFileSync('public/demo/seed.verbatim.json') },
  ]);
  await page.waitForTimeout(1500);
  await page.locator('[data-turn-index="1"] .turn__text').click();
  await page.keyboard.press('[');
  await page.waitForTimeout(6000);
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  await page.getByRole('alertdialog').waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot-restore-${w}.png` });
  await context.close();
}
await browser.close(); await server.close();
