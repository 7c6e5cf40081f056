/**
 * What the page records while a file opens (huge-input.e2e.ts, scripts/bench-load.ts):
 * its long tasks (PerformanceObserver `longtask`), the media's answers to Play/Pause
 * clicks, and every text the loading status showed. A click's latency runs from the
 * moment the test sends it (wall clock, outside the page) to the media's play or pause
 * event (wall clock too): a page busy for seconds cannot hide that wait.
 */
import type { Page } from 'playwright-core';

interface LoadProbe {
  longTasks: { start: number; duration: number }[];
  /** Wall-clock time (ms since the epoch) of each play/pause event of the media. */
  answers: number[];
  statusTexts: string[];
}

declare global {
  interface Window {
    __load: LoadProbe;
  }
}

/** An init script: runs before the page's own scripts. */
export function installLoadProbe(): void {
  const probe: LoadProbe = { longTasks: [], answers: [], statusTexts: [] };
  window.__load = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  for (const type of ['play', 'pause']) document.addEventListener(type, () => probe.answers.push(performance.timeOrigin + performance.now()), true);
  new MutationObserver(() => {
    const text = document.querySelector('.load-status__text')?.textContent;
    if (text && text !== probe.statusTexts.at(-1)) probe.statusTexts.push(text);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Waits until the page has run no long task for `quietMs` (at most `maxMs`): the demo's own
 * loading (decoding, waveform) is over before a measured file is chosen, so its tasks are
 * not counted against the file.
 */
export async function waitForQuiet(page: Page, quietMs = 1000, maxMs = 15_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const last = window.__load.longTasks.at(-1);
      return performance.now() - (last ? last.start + last.duration : 0) >= quiet;
    },
    quietMs,
    { timeout: maxMs, polling: 100 },
  ).catch(() => undefined);
}

export interface OpenFigures {
  /** File chosen -> its name shown and the loading status gone. */
  openMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** Slowest Play/Pause click -> media answer while the file opened; null when no click landed. */
  playMs: number | null;
  playMedianMs: number | null;
  progressSeen: string[];
}

/**
 * Opens `file` with the file picker and, until it has opened, clicks Play/Pause 300 ms
 * after the last click went through (while polling for the open file separately);
 * returns the figures of that window. Each click's
 * answer is the media's first play or pause event after it was sent.
 */
export async function openDuringLoad(page: Page, file: string, name: string): Promise<OpenFigures> {
  const startedAt = await page.evaluate(() => {
    window.__load.answers = [];
    window.__load.statusTexts = [];
    return performance.now();
  });
  const opened = () =>
    page.evaluate((wanted) => (document.querySelector('.session')?.textContent ?? '').includes(wanted) && !document.querySelector('[data-testid="load-status"]'), name);
  const button = page.locator('.controls [aria-label="Play"], .controls [aria-label="Pause"]').first();
  // Found before the file is chosen: a page busy opening it may not answer for a while.
  const box = await button.boundingBox();
  if (!box) throw new Error('no Play button');
  await page.getByTestId('file-input').setInputFiles(file);
  const deadline = Date.now() + 300_000;
  const clicks: number[] = [];
  let done = false;
  // Clicks go on independently of the polling below: a click sent while the page is busy waits with it.
  const clicking = (async () => {
    while (!done) {
      clicks.push(Date.now());
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(300);
    }
  })();
  try {
    while (!(await opened())) {
      if (Date.now() > deadline) throw new Error(`${name} did not open within 5 minutes`);
      await page.waitForTimeout(200);
    }
  } finally {
    done = true;
    await clicking;
  }
  const openMs = (await page.evaluate(() => performance.now())) - startedAt;
  await page.waitForTimeout(500);
  const raw = await page.evaluate((since) => ({ ...window.__load, longTasks: window.__load.longTasks.filter((task) => task.start >= since) }), startedAt);
  // Leave the media paused, as it was (after reading the answers: this pause answers no click).
  await page.evaluate(() => document.querySelector('audio')?.pause());
  const latencies = clicks.map((click) => {
    const answer = raw.answers.find((at) => at >= click);
    return answer === undefined ? Infinity : answer - click;
  });
  const answered = latencies.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    openMs,
    longestTaskMs: Math.max(0, ...raw.longTasks.map((task) => task.duration)),
    longTasks: raw.longTasks.length,
    playMs: answered.length > 0 ? answered.at(-1)! : null,
    playMedianMs: answered.length > 0 ? answered[answered.length >> 1]! : null,
    progressSeen: raw.statusTexts,
  };
}
