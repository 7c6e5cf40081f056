import { chromium, type Browser, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './browser.ts';

/**
 * One crash: Chromium on a persistent profile, six text edits typed with real
 * key events, the whole browser (every process of it) killed with SIGKILL
 * `killDelayMs` after the last edit's key press, then Chromium again on the same
 * profile: how many of the six edits came back. Shared by test/e2e/crash.e2e.ts
 * and scripts/crash-restore.ts.
 */
export const EDITS = 6;

const marker = (n: number) => `zqxmark${n}`;

interface RunningChromium {
  process: ChildProcess;
  browser: Browser;
}

async function startChromium(profile: string): Promise<RunningChromium> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: install Debian’s chromium (apt-get install -y chromium) or set CHROMIUM_PATH.');
  // Its own process group, so one signal reaches the browser and every child at once, as a crash does.
  const child = spawn(executablePath, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/u.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  // Keep reading so a full pipe never blocks the browser.
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  return { process: child, browser };
}

function killGroup(running: RunningChromium): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (running.process.exitCode !== null || running.process.signalCode !== null) resolve();
    else running.process.once('exit', () => resolve());
  });
  try {
    process.kill(-running.process.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
  return exited;
}

async function openApp(browser: Browser, url: string): Promise<Page> {
  const context = browser.contexts()[0]!;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(url);
  await page.waitForSelector('[data-turn-index]');
  return page;
}

/** Six edits: editor mode, then for six turns in a row ↓, F2, End, a marker word, Enter. Resolves right after the last Enter. */
async function makeEdits(page: Page): Promise<void> {
  await page.keyboard.press('e');
  await page.waitForSelector('[data-mode="edit"]');
  for (let n = 1; n <= EDITS; n++) {
    // From the turn editor's "Edit text" button back to the page, where ↓ selects the next turn.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('F2');
    await page.waitForSelector('.turn-editor textarea');
    await page.keyboard.press('End');
    await page.keyboard.type(` ${marker(n)}`);
    await page.keyboard.press('Enter');
    if (n < EDITS) await page.waitForFunction((text) => document.querySelector('main')?.textContent?.includes(text), marker(n));
  }
}

async function countMarkers(page: Page): Promise<number> {
  const text = (await page.locator('main').textContent()) ?? '';
  let count = 0;
  for (let n = 1; n <= EDITS; n++) if (text.includes(marker(n))) count++;
  return count;
}

export interface CrashResult {
  /** Edits back on screen after the restart and Restore (0 when nothing was offered). */
  restored: number;
}

export async function crashAndRestore(url: string, killDelayMs: number): Promise<CrashResult> {
  const profile = mkdtempSync(join(tmpdir(), 'verbatim-crash-'));
  let running: RunningChromium | null = null;
  try {
    running = await startChromium(profile);
    const page = await openApp(running.browser, url);
    // The page writes to the profile once before the edits (service worker, caches): let that settle.
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
    await page.waitForTimeout(500);
    await makeEdits(page);
    const lastEdit = performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, killDelayMs - (performance.now() - lastEdit))));
    await killGroup(running);
    running = null;

    running = await startChromium(profile);
    const again = await openApp(running.browser, url);
    const restore = again.getByRole('button', { name: 'Restore' });
    const offered = await restore.waitFor({ timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (!offered) return { restored: 0 };
    await restore.click();
    await again.getByRole('alertdialog').waitFor({ state: 'detached' });
    return { restored: await countMarkers(again) };
  } finally {
    if (running) {
      await running.browser.close().catch(() => undefined);
      await killGroup(running);
    }
    rmSync(profile, { recursive: true, force: true });
  }
}
