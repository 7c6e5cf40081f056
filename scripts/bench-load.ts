/**
 * `npm run bench:load -- --base REV [--runs N] [--skip-huge] [--sizes 5m,3h]`
 *
 * Loading, before and after, in one run: builds the app at git revision REV (the
 * baseline) and the working tree, serves both, and measures them in interleaved rounds
 * (default 3) in headless Chromium, each run in a fresh context:
 *
 * - the 3-hour scale fixture (scripts/scale-fixtures.ts; `--sizes` for others) opened by URL with its peaks:
 *   navigation -> interactive (a row painted, the media playable), and the longest task
 *   from navigation to 1 s after that (bench-ui's own measurement, bench-ui-measure.ts);
 * - a 60 MB plain-text transcript and a 200,000-cue WebVTT (test/e2e/huge-inputs.ts)
 *   opened with the file picker over the demo, Play/Pause clicked every 300 ms meanwhile:
 *   the longest main-thread task, the slowest click -> media answer, and the time to open
 *   (test/e2e/load-probe.ts).
 *
 * Prints medians per build and the ratio current / baseline (below 1: faster now).
 * Wall-clock on whatever else the machine runs: compare figures of the same run only.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import { writeHugeInputs } from '../test/e2e/huge-inputs.ts';
import { installLoadProbe, openDuringLoad, waitForQuiet } from '../test/e2e/load-probe.ts';
import { installProbe, type AppKind } from './bench-ui-probe.ts';
import { measureLoad } from './bench-ui-measure.ts';
import { DEFAULT_SCALE_DIR, SCALE_SIZES, ensureScaleFixtures } from './scale-fixtures.ts';

const ROOT = join(import.meta.dirname, '..');

function args(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const base = value('--base');
  if (!base) {
    console.error('usage: npm run bench:load -- --base REV [--runs N] [--skip-huge] [--sizes 5m,1h,3h]   (REV: the revision to compare with, e.g. main)');
    process.exit(2);
  }
  return { base, runs: Number(value('--runs') ?? 3), huge: !argv.includes('--skip-huge'), sizes: (value('--sizes') ?? '3h').split(',') };
}

/** Builds the app in `root` into `outDir` with the root's own Vite config, as `vite build` does. */
function buildApp(root: string, outDir: string): void {
  execSync(`npx vite build --logLevel error --outDir ${JSON.stringify(outDir)} --emptyOutDir`, { cwd: root, stdio: 'inherit' });
  symlinkSync(DEFAULT_SCALE_DIR, join(outDir, 'scale'));
}

/** The whole tree at `rev`, with this checkout's node_modules. */
function checkout(rev: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${rev} | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

type Figures = Record<string, number | null>;

function median(values: (number | null | undefined)[]): number | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

async function scaleLoad(browser: Browser, url: string, size: string): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.addInitScript(installProbe, 'verbatim' as AppKind);
    const { loadMs, longestLoadTaskMs } = await measureLoad(page, url);
    return { [`${size} load to interactive, ms`]: loadMs, [`${size} longest task while loading, ms`]: longestLoadTaskMs };
  } finally {
    await context.close();
  }
}

async function hugeLoad(browser: Browser, appUrl: string, file: string, label: string): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installLoadProbe);
    await page.goto(appUrl);
    await page.waitForSelector('[data-turn-index]');
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
    // The demo's own loading (decoding, waveform) is over before the file is chosen.
    await waitForQuiet(page);
    const figures = await openDuringLoad(page, file, file.split('/').pop()!);
    return {
      [`${label}: longest task, ms`]: figures.longestTaskMs,
      [`${label}: tasks over 50 ms`]: figures.longTasks,
      [`${label}: slowest Play click -> answer, ms`]: figures.playMs,
      [`${label}: median Play click -> answer, ms`]: figures.playMedianMs,
      [`${label}: opened after, ms`]: figures.openMs,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const options = args(process.argv.slice(2));
  // An unknown size would filter every fixture out and the run would print no scale figures at all.
  const unknown = options.sizes.filter((size) => !SCALE_SIZES.some((known) => known.key === size));
  if (unknown.length > 0) {
    console.error(`bench:load: no fixture of size ${unknown.join(', ')} (sizes: ${SCALE_SIZES.map((known) => known.key).join(', ')})`);
    process.exit(2);
  }
  const fixtures = (await ensureScaleFixtures(DEFAULT_SCALE_DIR)).filter((f) => options.sizes.includes(f.size.key));
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-load-'));
  const huge = options.huge ? writeHugeInputs(dir) : null;
  const builds = { baseline: join(dir, 'baseline'), current: join(dir, 'current') };
  console.log(`building ${options.base} and the working tree into ${dir} …`);
  buildApp(checkout(options.base, join(dir, 'base-src')), builds.baseline);
  buildApp(ROOT, builds.current);
  const servers = { baseline: await startStaticServer(builds.baseline), current: await startStaticServer(builds.current) };
  const browser = await launchChromium();
  const runs: Record<'baseline' | 'current', Figures[]> = { baseline: [], current: [] };
  const name = (path: string) => `scale/${path.split('/').pop()}`;
  try {
    for (let round = 0; round < options.runs; round++) {
      for (const which of ['baseline', 'current'] as const) {
        const url = servers[which].url;
        console.log(`round ${round + 1}/${options.runs}: ${which}`);
        const figures: Figures = {};
        for (const fixture of fixtures) {
          Object.assign(figures, await scaleLoad(browser, `${url}?audio=${name(fixture.audioPath)}&transcript=${name(fixture.transcriptPath)}&peaks=${name(fixture.peaksPath)}`, fixture.size.key));
        }
        if (huge) {
          Object.assign(figures, await hugeLoad(browser, url, huge.text, '60 MB text'));
          Object.assign(figures, await hugeLoad(browser, url, huge.vtt, '200,000-cue VTT'));
        }
        runs[which].push(figures);
      }
    }
  } finally {
    await browser.close();
    await servers.baseline.close();
    await servers.current.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const keys = Object.keys(runs.current[0] ?? {});
  const rows = keys.map((key) => {
    const before = median(runs.baseline.map((run) => run[key]));
    const after = median(runs.current.map((run) => run[key]));
    const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(0));
    return [key, fmt(before), fmt(after), before && after !== null ? `×${(after / before).toFixed(2)}` : '–'];
  });
  const header = ['figure', `baseline (${options.base})`, 'current', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nmachine: ${cpus().length} cores, load average ${loadavg().map((v) => v.toFixed(1)).join(' / ')} (shared); medians of ${options.runs} interleaved runs`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

await main();
