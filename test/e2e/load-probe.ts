/**
 * What the page records while a file opens (huge-input.e2e.ts, scripts/bench-load.ts):
 * its long tasks (PerformanceObserver `longtask`), each Play/Pause click's input time
 * and the media's answer, and every text the loading status showed.
 */
import type { Page } from 'playwright-core';

interface LoadProbe {
  longTasks: { start: number; duration: number }[];
  /** `timeStamp` of each pointerdown on Play/Pause: when the input reached the page, however busy it was. */
  clicks: number[];
  /** performance.now() of each play/pause event of the media. */
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
  const probe: LoadProbe = { longTasks: [], clicks: [], answers: [], statusTexts: [] };
  window.__load = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'pointerdown',
    (event) => {
      if ((event.target as Element | null)?.closest?.('[aria-label="Play"], [aria-label="Pause"]')) probe.clicks.push(event.timeStamp);
    },
    true,
  );
  for (const type of ['play', 'pause']) document.addEventListener(type, () => probe.answers.push(performance.now()), true);
  new MutationObserver(() => {
    const text = document.querySelector('.load-status__text')?.textContent;
    if (text && text !== probe.statusTexts.at(-1)) probe.statusTexts.push(text);
  }).observe(document, { childList: true, subtree: true, characterData: true });
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
 * Opens `file` with the file picker and, until it has opened, clicks Play/Pause every
 * 300 ms; returns the figures of that window. The media's answer (its play or pause
 * event) is matched to the click before it.
 */
export async function openDuringLoad(page: Page, file: string, name: string): Promise<OpenFigures> {
  const startedAt = await page.evaluate(() => {
    window.__load.clicks = [];
    window.__load.answers = [];
    window.__load.statusTexts = [];
    return performance.now();
  });
  await page.getByTestId('file-input').setInputFiles(file);
  const opened = () =>
    page.evaluate((wanted) => (document.querySelector('.session')?.textContent ?? '').includes(wanted) && !document.querySelector('[data-testid="load-status"]'), name);
  const button = page.locator('.controls [aria-label="Play"], .controls [aria-label="Pause"]').first();
  const box = await button.boundingBox();
  if (!box) throw new Error('no Play button');
  const deadline = Date.now() + 300_000;
  while (!(await opened())) {
    if (Date.now() > deadline) throw new Error(`${name} did not open within 5 minutes`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(300);
  }
  const openMs = (await page.evaluate(() => performance.now())) - startedAt;
  await page.waitForTimeout(500);
  // Leave the media paused, as it was.
  await page.evaluate(() => document.querySelector('audio')?.pause());
  const raw = await page.evaluate((since) => ({ ...window.__load, longTasks: window.__load.longTasks.filter((task) => task.start >= since) }), startedAt);
  const latencies = raw.clicks.map((click) => {
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
