/**
 * The read-along measurements of `npm run bench:ui`, the same for Verbatim and the
 * hyperaudio-lite peer: load, playback (highlight lag, wrong-word frames, long
 * tasks), scrolling, click-to-seek, heap and DOM size. Each drives a page that has
 * `installProbe` (bench-ui-probe.ts) and returns raw figures; bench-ui.ts takes medians.
 */
import type { Page } from 'playwright-core';
import type { Probe } from './bench-ui-probe.ts';

/** Word start and end times (s) in time order, from the fixture: the virtualized DOM holds only some. */
export interface WordTimes {
  starts: Float64Array;
  ends: Float64Array;
}

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Index of the last word starting at or before `t`, -1 before the first. */
function lastStartedWord(words: WordTimes, t: number): number {
  let lo = 0;
  let hi = words.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words.starts[mid]! <= t + 1e-6) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Word starts as the pages show them: seconds in Verbatim, whole milliseconds in hyperaudio-lite's data-m. */
function same(a: number | null, b: number | null): boolean {
  return a !== null && b !== null && Math.abs(a - b) < 0.0006;
}

export interface LoadFigures {
  loadMs: number;
  longestLoadTaskMs: number;
}

/** Navigation -> painted frame with a row and playable media; longest task from navigation to 1 s after that. */
export async function measureLoad(page: Page, url: string): Promise<LoadFigures> {
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120_000, polling: 50 });
  const loadMs = await page.evaluate(() => window.__bench.readyAt!);
  await page.waitForTimeout(1000);
  const longestLoadTaskMs = await page.evaluate((until) => Math.max(0, ...window.__bench.longTasks.filter((task) => task.start < until).map((task) => task.duration)), loadMs + 1000);
  return { loadMs, longestLoadTaskMs };
}

export interface PlaybackFigures {
  lagP50Ms: number;
  lagP95Ms: number;
  wrongWordPct: number;
  longTasksPlayback: number;
}

/**
 * Plays `seconds` from the middle of the file with following on and samples every
 * animation frame: the media time at the frame and the word shown after its paint.
 * Lag of a word = frame that first shows it (or a later word) - moment the media
 * reached its start (frame time - media time, lowest over the neighbouring second,
 * since currentTime only ever lags). A frame is wrong when the media is inside a word
 * and another is shown, or between words and one other than the last started is.
 */
export async function measurePlayback(page: Page, words: WordTimes, seconds = 30): Promise<PlaybackFigures> {
  const raw = await page.evaluate(async (ms) => {
    const bench = window.__bench;
    const audio = document.querySelector('audio')!;
    audio.currentTime = audio.duration / 2;
    await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const samples: [number, number, number | null][] = [];
    const startedAt = performance.now();
    await audio.play();
    await new Promise<void>((resolve) => {
      const frame = (ts: number) => {
        const t = audio.currentTime;
        bench.afterThisFrame(() => {
          samples.push([ts, t, bench.activeStart()]);
          if (performance.now() - startedAt < ms) requestAnimationFrame(frame);
          else resolve();
        });
      };
      requestAnimationFrame(frame);
    });
    audio.pause();
    const endedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { samples, longTasks: bench.longTasks.filter((task) => task.start >= startedAt && task.start < endedAt).length };
  }, seconds * 1000);

  const playing = raw.samples.filter(([, t], i) => i > 0 && t > raw.samples[i - 1]![1]);
  let wrong = 0;
  for (const [, t, shown] of playing) {
    const index = lastStartedWord(words, t);
    const inside = index >= 0 && t < words.ends[index]!;
    const expected = index >= 0 ? words.starts[index]! : null;
    if (inside ? !same(shown, expected) : shown !== null && !same(shown, expected)) wrong++;
  }
  const offsets = raw.samples.map(([ts, t]) => ts - t * 1000);
  const lags: number[] = [];
  const first = playing[0]?.[1] ?? 0;
  const last = playing.at(-1)?.[1] ?? 0;
  for (let w = lastStartedWord(words, first) + 1; w < words.starts.length && words.starts[w]! < last - 0.5; w++) {
    const start = words.starts[w]!;
    const k = raw.samples.findIndex(([, , shown]) => shown !== null && shown >= start - 1e-6);
    if (k < 0) continue;
    let offset = Infinity;
    for (let j = Math.max(0, k - 60); j < Math.min(offsets.length, k + 60); j++) if (raw.samples[j]![1] > first) offset = Math.min(offset, offsets[j]!);
    lags.push(Math.max(0, raw.samples[k]![0] - (start * 1000 + offset)));
  }
  return {
    lagP50Ms: percentile(lags, 0.5),
    lagP95Ms: percentile(lags, 0.95),
    wrongWordPct: (100 * wrong) / Math.max(1, playing.length),
    longTasksPlayback: raw.longTasks,
  };
}

export interface ScrollFigures {
  scrollP95FrameMs: number;
  scrollBlankFrames: number;
  /** (largest - smallest) / largest total height during the scroll, %. */
  heightDriftPct: number;
  frames: number;
}

/**
 * Scrolls the transcript from top to bottom by three quarters of a screen per frame
 * (a fast fling). After each painted frame it hit-tests a column of points every 8 px
 * down the middle of the view: 40 px or more in a row that hit no transcript row is a blank frame.
 */
export async function measureScroll(page: Page): Promise<ScrollFigures> {
  return page.evaluate(async () => {
    const bench = window.__bench;
    const scroller = bench.scroller()!;
    scroller.scrollTop = 0;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stamps: number[] = [];
    const heights: number[] = [];
    let blank = 0;
    await new Promise<void>((resolve) => {
      const frame = (ts: number) => {
        stamps.push(ts);
        bench.afterThisFrame(() => {
          const box = scroller.getBoundingClientRect();
          const bottom = Math.min(box.bottom, document.querySelector(bench.listSelector)!.getBoundingClientRect().bottom);
          let run = 0;
          let worst = 0;
          for (let y = box.top + 2; y < bottom - 2; y += 8) {
            // The middle of the column: both apps centre their text, so the edges may be margin.
            const hit = document.elementFromPoint(box.left + box.width / 2, y);
            // Controls floating over the list (Verbatim's "Back to current") hide rows, they are not gaps.
            run = !hit || hit.closest(bench.rowSelector) || !scroller.contains(hit) ? 0 : run + 8;
            worst = Math.max(worst, run);
          }
          if (worst >= 40) blank++;
          heights.push(scroller.scrollHeight);
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) resolve();
          else {
            scroller.scrollTop += scroller.clientHeight * 0.75;
            requestAnimationFrame(frame);
          }
        });
      };
      requestAnimationFrame(frame);
    });
    const intervals = stamps.slice(1).map((ts, i) => ts - stamps[i]!);
    intervals.sort((a, b) => a - b);
    const max = Math.max(...heights);
    return {
      scrollP95FrameMs: intervals[Math.min(intervals.length - 1, Math.floor(0.95 * intervals.length))] ?? NaN,
      scrollBlankFrames: blank,
      heightDriftPct: (100 * (max - Math.min(...heights))) / max,
      frames: stamps.length,
    };
  });
}

export interface SeekFigures {
  /** Click -> the app set currentTime. */
  seekMs: number;
  /** Click -> the clicked word shown as the current one (painted). */
  highlightMs: number;
}

/** Clicks a word near the middle of the view with the view at 90% of the transcript; median of `clicks`. */
export async function measureSeek(page: Page, clicks = 3): Promise<SeekFigures> {
  const seeks: number[] = [];
  const moves: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const target = await page.evaluate(async (n) => {
      const bench = window.__bench;
      const scroller = bench.scroller()!;
      scroller.scrollTop = (0.9 + n * 0.01) * (scroller.scrollHeight - scroller.clientHeight);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const box = scroller.getBoundingClientRect();
      const middle = box.top + box.height / 2;
      let best: { x: number; y: number; start: number } | null = null;
      for (const word of scroller.querySelectorAll<HTMLElement>(bench.wordSelector)) {
        const rect = word.getBoundingClientRect();
        const start = bench.kind === 'verbatim' ? Number(word.dataset.start) : Number(word.dataset.m) / 1000;
        if (rect.width > 0 && (!best || Math.abs(rect.top - middle) < Math.abs(best.y - middle))) best = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, start };
      }
      const chosen = best;
      if (!chosen) throw new Error('no word in view to click');
      // Arm: the click's timestamp, then the first painted frame that shows the clicked word.
      const w = window as unknown as { __seek: Promise<{ seekMs: number; highlightMs: number }> };
      bench.timeSetAt = null;
      w.__seek = new Promise((resolve) => {
        window.addEventListener(
          'click',
          (event) => {
            const clickedAt = event.timeStamp;
            const poll = () =>
              bench.afterPaint((now) => {
                if (Math.abs((bench.activeStart() ?? -1) - chosen.start) < 0.0006 && bench.timeSetAt !== null) resolve({ seekMs: bench.timeSetAt - clickedAt, highlightMs: now - clickedAt });
                else if (now - clickedAt > 5000) resolve({ seekMs: NaN, highlightMs: NaN });
                else poll();
              });
            poll();
          },
          { capture: true, once: true },
        );
      });
      return chosen;
    }, i);
    await page.mouse.click(target.x, target.y);
    const result = await page.evaluate(() => (window as unknown as { __seek: Promise<SeekFigures> }).__seek);
    await page.evaluate(() => document.querySelector('audio')!.pause());
    seeks.push(result.seekMs);
    moves.push(result.highlightMs);
  }
  return { seekMs: percentile(seeks, 0.5), highlightMs: percentile(moves, 0.5) };
}

export interface SizeFigures {
  heapMB: number;
  domNodes: number;
}

/** JS heap after a forced garbage collection, and every node in the document and its open shadow roots. */
export async function measureSize(page: Page): Promise<SizeFigures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const domNodes = await page.evaluate(() => {
    let count = 0;
    const visit = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        count++;
        if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return count;
  });
  return { heapMB: usedSize / 2 ** 20, domNodes };
}

export type { Probe };
