/**
 * `npm run bench:ui [-- --peer] [--json FILE] [--runs N] [--sizes 5m,1h,3h] [--rev GIT-REV]`
 *
 * Builds the production app (and a second build with React's profiling renderer, the
 * only production build in which a Profiler reports, for rows re-rendered per change),
 * makes the scale fixtures (scripts/scale-fixtures.ts) and drives both in headless
 * Chromium: per size, N interleaved runs (default 3), each in a fresh browser context,
 * medians printed. Peaks are given to Verbatim. `--peer` runs hyperaudio-lite on the same
 * transcripts and audio in the same rounds and prints Verbatim / peer ratios (below 1:
 * Verbatim is faster or smaller). `null` marks a figure whose feature does not exist
 * (hyperaudio-lite has no editor and no React rows). Timings are wall-clock on whatever
 * else the machine is running: compare figures of the same run. `--rev` measures the app
 * as it was at a git revision (the benchmark code stays this checkout's). `--load-only` measures
 * the load figures alone (a quick check of a start-up change; run more rounds).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import type { SpeechTurn } from '../src/transcript/model.ts';
import { installProbe, type AppKind } from './bench-ui-probe.ts';
import { measureLoad, measurePlayback, measureScroll, measureSeek, measureSize, type WordTimes } from './bench-ui-measure.ts';
import { EDIT_KINDS, measureEditor, measureRowRenders, type EditKind } from './bench-ui-editor.ts';
import { writePeerPages } from './bench-ui-peer.ts';
import { DEFAULT_SCALE_DIR, ensureScaleFixtures, type ScaleFixture } from './scale-fixtures.ts';

const ROOT = join(import.meta.dirname, '..');
const HOST = 'Maria Alvarez';
const COMMON_WORD = 'the';

/** The figures of one size, exactly the keys issue 13 lists. */
interface Figures {
  loadMs: number | null;
  longestLoadTaskMs: number | null;
  lagP50Ms: number | null;
  lagP95Ms: number | null;
  wrongWordPct: number | null;
  rowsPerChange: number | null;
  rowsBetweenChanges: number | null;
  longTasksPlayback: number | null;
  scrollP95FrameMs: number | null;
  scrollBlankFrames: number | null;
  seekMs: number | null;
  heapMB: number | null;
  domNodes: number | null;
  editorEnterMs: number | null;
  dragP95FrameMs: number | null;
  editP95Ms: number | null;
  editMs: Record<EditKind, number | null> | null;
}

/** Printed beside the figures, not in the JSON: they explain them. */
interface Extras {
  seekHighlightMs: number | null;
  heightDriftPct: number | null;
  rowMountsPerSecond: number | null;
}

type Run = Partial<Figures & Extras> & { editMs?: Record<EditKind, number> };

function args(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    peer: argv.includes('--peer'),
    json: value('--json'),
    runs: Number(value('--runs') ?? 3),
    sizes: value('--sizes')?.split(','),
    rev: value('--rev'),
    loadOnly: argv.includes('--load-only'),
  };
}

function median(values: (number | undefined | null)[]): number | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = finite.length >> 1;
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

function wordTimes(fixture: ScaleFixture): WordTimes {
  const words = (fixture.transcript.entries as SpeechTurn[]).flatMap((turn) => turn.words);
  return { starts: Float64Array.from(words, (w) => w.start!), ends: Float64Array.from(words, (w) => w.end!) };
}

/** The app's sources at git revision `rev` in `dir` (with this checkout's node_modules), for a before/after run. */
function checkout(rev: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  // What a build needs, as far as the revision has it (git archive refuses a path it lacks).
  const wanted = (name: string) => ['index.html', 'public', 'src', 'build', 'vite.config.ts', 'package.json'].includes(name) || /^tsconfig.*\.json$/u.test(name);
  const files = execSync(`git ls-tree --name-only ${rev}`, { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(wanted);
  execSync(`git archive ${rev} ${files.join(' ')} | tar -x -C ${JSON.stringify(dir)}`, { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function buildApp(root: string, outDir: string, profile: boolean): Promise<void> {
  if (profile) process.env.VITE_ROW_PROFILE = '1';
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
      ...(profile ? { resolve: { alias: [{ find: /^react-dom\/client$/u, replacement: 'react-dom/profiling' }] } } : {}),
    });
  } finally {
    delete process.env.VITE_ROW_PROFILE;
  }
  symlinkSync(DEFAULT_SCALE_DIR, join(outDir, 'scale'));
}

/** A fresh context (no storage, no service worker) with the probe installed. */
async function openPage(browser: Browser, kind: AppKind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // tsx keeps function names with a `__name` helper that does not exist in the page.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(installProbe, kind);
  page.on('pageerror', (error) => console.log(`  page error (${kind}): ${error.message}`));
  return { page, close: () => context.close() };
}

/** Runs `step`, merging its figures into `into`; a failure is printed and leaves its figures out. */
async function attempt(label: string, into: Run, step: () => Promise<Run>): Promise<void> {
  const started = Date.now();
  try {
    Object.assign(into, await step());
    console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.log(`  FAILED ${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** What both apps are measured on: load, size, playback, scrolling and seeking, in that order. */
async function readAlongSteps(page: Page, url: string, words: WordTimes, run: Run, label: string, loadOnly: boolean): Promise<void> {
  await attempt(`${label}load`, run, () => measureLoad(page, url));
  if (loadOnly) return;
  await attempt(`${label}size`, run, () => measureSize(page));
  await attempt(`${label}playback`, run, () => measurePlayback(page, words));
  await attempt(`${label}scroll`, run, async () => {
    const s = await measureScroll(page);
    return { scrollP95FrameMs: s.scrollP95FrameMs, scrollBlankFrames: s.scrollBlankFrames, heightDriftPct: s.heightDriftPct };
  });
  await attempt(`${label}seek`, run, async () => {
    const s = await measureSeek(page);
    return { seekMs: s.seekMs, seekHighlightMs: s.highlightMs };
  });
}

async function runVerbatim(browser: Browser, appUrl: string, profileUrl: string, fixture: ScaleFixture, words: WordTimes, loadOnly: boolean): Promise<Run> {
  const run: Run = {};
  const query = (base: string) =>
    `${base}?audio=scale/${fixture.audioPath.split('/').pop()}&transcript=scale/${fixture.transcriptPath.split('/').pop()}&peaks=scale/${fixture.peaksPath.split('/').pop()}`;
  const { page, close } = await openPage(browser, 'verbatim');
  try {
    await readAlongSteps(page, query(appUrl), words, run, '', loadOnly);
    if (!loadOnly) await attempt('editor', run, () => measureEditor(page, HOST, COMMON_WORD));
  } finally {
    await close();
  }
  if (loadOnly) return run;
  const profiled = await openPage(browser, 'verbatim');
  try {
    await attempt('rows', run, async () => {
      await measureLoad(profiled.page, query(profileUrl));
      const rows = await measureRowRenders(profiled.page);
      return { rowsPerChange: rows.rowsPerChange, rowsBetweenChanges: rows.rowsBetweenChanges, rowMountsPerSecond: rows.mountsPerSecond };
    });
  } finally {
    await profiled.close();
  }
  return run;
}

async function runPeer(browser: Browser, appUrl: string, fixture: ScaleFixture, words: WordTimes, loadOnly: boolean): Promise<Run> {
  const run: Run = {};
  const { page, close } = await openPage(browser, 'peer');
  try {
    await readAlongSteps(page, `${appUrl}peer/scale-${fixture.size.key}.html`, words, run, 'peer ', loadOnly);
  } finally {
    await close();
  }
  return run;
}

const FIGURE_KEYS = [
  'loadMs',
  'longestLoadTaskMs',
  'lagP50Ms',
  'lagP95Ms',
  'wrongWordPct',
  'rowsPerChange',
  'rowsBetweenChanges',
  'longTasksPlayback',
  'scrollP95FrameMs',
  'scrollBlankFrames',
  'seekMs',
  'heapMB',
  'domNodes',
  'editorEnterMs',
  'dragP95FrameMs',
] as const;
const EXTRA_KEYS = ['seekHighlightMs', 'heightDriftPct', 'rowMountsPerSecond'] as const;

/** Medians over runs; `editable` false: the app has no editor, so its editor figures are null. */
function summarise(runs: Run[], editable: boolean, rows: boolean): Figures & Extras {
  const out = Object.fromEntries([...FIGURE_KEYS, ...EXTRA_KEYS].map((key) => [key, median(runs.map((run) => run[key] as number | undefined))])) as unknown as Figures & Extras;
  if (!rows) {
    out.rowsPerChange = null;
    out.rowsBetweenChanges = null;
    out.rowMountsPerSecond = null;
  }
  if (!editable) {
    out.editorEnterMs = null;
    out.dragP95FrameMs = null;
    out.editMs = null;
    out.editP95Ms = null;
    return out;
  }
  const editMs = Object.fromEntries(EDIT_KINDS.map((kind) => [kind, median(runs.map((run) => run.editMs?.[kind]))])) as Record<EditKind, number | null>;
  out.editMs = editMs;
  const kinds = Object.values(editMs).filter((v): v is number => v !== null);
  out.editP95Ms = kinds.length ? Math.max(...kinds) : null;
  return out;
}

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '–' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));

function printTable(keys: string[], verbatim: Record<string, Figures & Extras>, peer: Record<string, Figures & Extras> | null) {
  const pick = (f: Figures & Extras, key: string): number | null =>
    key.startsWith('editMs.') ? (f.editMs?.[key.slice(7) as EditKind] ?? null) : ((f as unknown as Record<string, number | null>)[key] ?? null);
  const figureKeys = [...FIGURE_KEYS, 'editP95Ms', ...EDIT_KINDS.map((kind) => `editMs.${kind}`), ...EXTRA_KEYS];
  const header = ['figure', ...keys.map((k) => `Verbatim ${k}`), ...(peer ? [...keys.map((k) => `peer ${k}`), ...keys.map((k) => `ratio ${k}`)] : [])];
  const lines = figureKeys.map((key) => {
    const ours = keys.map((k) => pick(verbatim[k]!, key));
    const theirs = peer ? keys.map((k) => pick(peer[k]!, key)) : [];
    const ratios = peer ? ours.map((v, i) => (v !== null && theirs[i] ? `×${(v / theirs[i]!).toFixed(2)}` : '–')) : [];
    return [key, ...ours.map(fmt), ...theirs.map(fmt), ...ratios];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(row(line));
}

async function main() {
  const options = args(process.argv.slice(2));
  const fixtures = (await ensureScaleFixtures(DEFAULT_SCALE_DIR)).filter((f) => !options.sizes || options.sizes.includes(f.size.key));
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-ui-'));
  const appDist = join(dir, 'app');
  const profileDist = join(dir, 'profile');
  const root = options.rev ? checkout(options.rev, join(dir, 'src')) : ROOT;
  console.log(`building ${options.rev ? `revision ${options.rev}` : 'the working tree'} into ${dir} …`);
  await buildApp(root, appDist, false);
  await buildApp(root, profileDist, true);
  writePeerPages(appDist, fixtures);
  const app = await startStaticServer(appDist);
  const profile = await startStaticServer(profileDist);
  const browser = await launchChromium();
  const ours: Record<string, Run[]> = {};
  const theirs: Record<string, Run[]> = {};
  try {
    for (let round = 0; round < options.runs; round++) {
      for (const fixture of fixtures) {
        const key = fixture.size.key;
        const words = wordTimes(fixture);
        console.log(`round ${round + 1}/${options.runs}, ${key}: Verbatim`);
        (ours[key] ??= []).push(await runVerbatim(browser, app.url, profile.url, fixture, words, options.loadOnly));
        if (options.peer) {
          console.log(`round ${round + 1}/${options.runs}, ${key}: hyperaudio-lite`);
          (theirs[key] ??= []).push(await runPeer(browser, app.url, fixture, words, options.loadOnly));
        }
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await profile.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const keys = fixtures.map((f) => f.size.key);
  const verbatim = Object.fromEntries(keys.map((k) => [k, summarise(ours[k]!, true, true)]));
  const peer = options.peer ? Object.fromEntries(keys.map((k) => [k, summarise(theirs[k]!, false, false)])) : null;
  console.log(`\nmachine: ${cpus().length} cores, load average ${loadavg().map((v) => v.toFixed(1)).join(' / ')} (shared); medians of ${options.runs} interleaved runs`);
  for (const f of fixtures) console.log(`  ${f.size.key}: ${f.size.turns} turns, ${f.size.words} words, ${f.duration} s`);
  printTable(keys, verbatim, peer);
  if (options.json) {
    const strip = (f: Figures & Extras): Figures => {
      const { seekHighlightMs: _a, heightDriftPct: _b, rowMountsPerSecond: _c, ...figures } = f;
      return figures;
    };
    const out: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, strip(verbatim[k]!)]));
    if (peer) out.peer = Object.fromEntries(keys.map((k) => [k, strip(peer[k]!)]));
    writeFileSync(resolve(options.json), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`wrote ${resolve(options.json)}`);
  }
}

await main();
