/**
 * Read-along benchmark: how fast the production build shows a transcript and
 * follows the audio, for the built-in demo (baseline) and a 3-hour, 3,000-turn,
 * 30,000-word transcript, in the same run.
 *
 *   npm run bench:read-along            (builds first)
 *
 * Prints a table and JSON: seed parse time (Node), first render (navigation
 * start -> first turn in the DOM), time until the page is interactive with the
 * transcript, and the main-thread cost of an active-turn change (seek -> the
 * new row marked, measured in the page).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import { parseNprText } from '../src/transcript/formats/npr-text.ts';
import type { Transcript } from '../src/transcript/model.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function parseSeed(): { medianMs: number } {
  const text = readFileSync(join(ROOT, 'public/demo/seed.txt'), 'utf8');
  for (let i = 0; i < 50; i++) parseNprText(text);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    parseNprText(text);
    times.push(performance.now() - start);
  }
  return { medianMs: median(times) };
}

/** 3,000 turns of 10 timed words each over three hours. */
function longTranscript(): Transcript {
  const vocabulary = 'the a report said minister Moscow government today people would could policy after before during economy'.split(' ');
  const entries: Transcript['entries'] = [];
  const turnLength = (3 * 3600) / 3000;
  for (let t = 0; t < 3000; t++) {
    const start = t * turnLength;
    const words = Array.from({ length: 10 }, (_, w) => ({
      text: vocabulary[(t * 7 + w * 3) % vocabulary.length]! + (w === 9 ? '.' : ''),
      start: +(start + w * 0.34).toFixed(3),
      end: +(start + w * 0.34 + 0.3).toFixed(3),
    }));
    entries.push({ kind: 'speech', speakerId: `s${t % 4}`, start: +start.toFixed(3), end: +(start + 3.4).toFixed(3), words });
  }
  return { speakers: [0, 1, 2, 3].map((i) => ({ id: `s${i}`, name: `Speaker ${i + 1}` })), entries };
}

interface PageFigures {
  /** First contentful paint: the app shell, the in-page baseline. */
  fcpMs: number;
  firstTurnMs: number;
  turns: number;
  activeChangeMs: number;
  longestTaskMs: number;
}

async function measurePage(url: string, seekTimes: number[]): Promise<PageFigures> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.addInitScript(() => {
      const w = window as unknown as { __firstTurn?: number; __longest?: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest ?? 0, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-turn-index]')) {
          w.__firstTurn = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForSelector('[data-turn-index]');
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
    const firstTurnMs = await page.evaluate(() => (window as unknown as { __firstTurn: number }).__firstTurn);
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
    const turns = await page.locator('[data-turn-index]').count();
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      (window as unknown as { __longest: number }).__longest = 0;
    });
    // Seek, then time until the row for that moment carries aria-current (includes React's commit).
    const changes: number[] = [];
    for (const time of seekTimes) {
      const ms = await page.evaluate(
        (t) =>
          new Promise<number>((resolve) => {
            const audio = document.querySelector('audio')!;
            const start = performance.now();
            audio.currentTime = t;
            const check = () => {
              const row = document.querySelector<HTMLElement>('[data-turn-index][aria-current="true"]');
              const s = Number(row?.dataset.start);
              const e = Number(row?.dataset.end);
              if (row && s <= t && t < e) resolve(performance.now() - start);
              else requestAnimationFrame(check);
            };
            check();
          }),
        time,
      );
      changes.push(ms);
    }
    const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    return { fcpMs, firstTurnMs, turns, activeChangeMs: median(changes), longestTaskMs };
  } finally {
    await browser.close();
  }
}

async function main() {
  const seed = parseSeed();
  const tmp = join(DIST, 'bench-tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'long.verbatim.json'), JSON.stringify({ format: 'verbatim', version: 1, transcript: longTranscript() }));
  const server = await startStaticServer(DIST);
  try {
    const demo = JSON.parse(readFileSync(join(ROOT, 'public/demo/seed.verbatim.json'), 'utf8')) as { transcript: Transcript };
    const demoSeeks = demo.transcript.entries.filter((e) => e.start !== undefined).map((e) => e.start! + 0.5);
    // The long transcript plays over the demo audio (4 min); seeks stay inside it.
    const longSeeks = Array.from({ length: 12 }, (_, i) => i * 20 + 1.7);
    const cases: { name: string; runs: PageFigures[] }[] = [
      { name: 'demo (13 turns)', runs: [] },
      { name: '3h (3,000 turns / 30,000 words)', runs: [] },
    ];
    for (let run = 0; run < RUNS; run++) {
      cases[0]!.runs.push(await measurePage(server.url, demoSeeks.slice(0, 12)));
      cases[1]!.runs.push(await measurePage(`${server.url}?audio=demo/seed.opus&transcript=bench-tmp/long.verbatim.json`, longSeeks));
    }
    const rows = cases.map(({ name, runs }) => ({
      name,
      turns: runs[0]!.turns,
      fcpMs: median(runs.map((r) => r.fcpMs)),
      firstTurnMs: median(runs.map((r) => r.firstTurnMs)),
      activeChangeMs: median(runs.map((r) => r.activeChangeMs)),
      longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    }));
    const [base, long] = rows as [(typeof rows)[0], (typeof rows)[0]];
    console.log(`seed parse (Node, median of 200): ${seed.medianMs.toFixed(3)} ms`);
    console.log(`runs per case: ${RUNS} (medians)`);
    console.table(rows.map((r) => ({ ...r, fcpMs: +r.fcpMs.toFixed(1), firstTurnMs: +r.firstTurnMs.toFixed(1), activeChangeMs: +r.activeChangeMs.toFixed(1), longestTaskMs: +r.longestTaskMs.toFixed(1) })));
    console.log(`ratios 3h / demo: first render ×${(long.firstTurnMs / base.firstTurnMs).toFixed(2)}, active change ×${(long.activeChangeMs / base.activeChangeMs).toFixed(2)}`);
    console.log(JSON.stringify({ seedParseMs: seed.medianMs, cases: rows }));
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
