#!/usr/bin/env node
/**
 * Proves in-browser alignment on the production build: serves `dist/` with a
 * plain static server (real 404s, no SPA fallback, like most static hosts) or
 * `vite preview`, and in headless Chromium runs test/e2e/align-browser.html,
 * which uses the real client, worker, engine and model files.
 *
 * Builds nothing: run `VERBATIM_E2E_HARNESS=1 npx vite build` first (the
 * harness page is left out of ordinary builds).
 *
 * `--server dev` checks the dev server instead (nothing needs building).
 *
 *   node test/e2e/align-browser.mjs [--server static|preview|dev] [--short 20]
 *        [--audio demo/seed.opus] [--transcript demo/seed.verbatim.json] [--json FILE] [--trace]
 *        [--dist dist] [--base /]
 *
 * Runs, each in a fresh page (so a fresh worker):
 *   cold     the first --short seconds, empty cache: model download + alignment
 *   full     the whole file, warm cache: speed, responsiveness, accuracy
 *   offline  the short clip again while every model-file request fails
 *   cancel   the whole file, cancelled as soon as aligning starts; then, in the
 *            same page, the short clip again (the client must recover)
 *   app      the real app's built-in demo (`/?demo=align`) in a fresh browser
 *            profile: loads the untimed seed, aligns it through the banner,
 *            and reports the banner's progress and the longest main-thread task
 * Prints a summary and JSON; exits non-zero when a run fails.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const HARNESS = 'test/e2e/align-browser.html';
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.opus': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
};

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    server: { type: 'string', default: 'static' },
    short: { type: 'string', default: '20' },
    // The app's base path when it was built with `--base` (the static server serves `dist/` under it).
    base: { type: 'string', default: '/' },
    audio: { type: 'string', default: 'demo/seed.opus' },
    transcript: { type: 'string', default: 'demo/seed.verbatim.json' },
    json: { type: 'string' },
    // Record Chromium traces: main-thread tasks by wall and CPU time, and the worker's CPU time.
    trace: { type: 'boolean', default: false },
  },
});
const dist = resolve(args.dist);
// Without the harness (an ordinary build) only the app run is possible.
const harness = args.server === 'dev' || existsSync(join(dist, HARNESS));
if (!harness) console.error(`${join(dist, HARNESS)} is missing (build with VERBATIM_E2E_HARNESS=1 for the harness runs); driving the app only`);

const server = args.server === 'static' ? await startStatic(dist, args.base) : await startVite(args.server);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext();
/** Model-file requests that reached the network (the worker's included), and whether they are refused (offline). */
const traffic = { modelRequests: [], refuseModels: false };
context.on('request', (request) => {
  const { pathname } = new URL(request.url());
  if (pathname.includes('/align-model/')) traffic.modelRequests.push(pathname);
});
await context.route('**/align-model/**', (route) => (traffic.refuseModels ? route.abort('internetdisconnected') : route.continue()));
const results = {};
let failed = false;

try {
  const short = Number(args.short);
  // Relative paths are under the base; absolute ones are taken as they are.
  const under = (path) => (path.startsWith('/') ? path : `${args.base}${path}`);
  const params = { audioUrl: under(args.audio), transcriptUrl: under(args.transcript) };
  if (harness) {
    results.cold = await run('cold', { ...params, seconds: short }, args.trace);
    results.full = await run('full', params, args.trace);
    traffic.refuseModels = true;
    results.offline = await run('offline', { ...params, seconds: short }, args.trace);
    traffic.refuseModels = false;
    results.cancel = await run('cancel', { ...params, cancelWhileAligning: true }, false, { ...params, seconds: short });
  }
  results.app = await runApp(args.trace);
} finally {
  await browser.close();
  await server.close();
}

report(results);
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);

async function run(name, params, trace = false, thenParams = undefined) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`  [${name} page ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`  [${name} page error] ${error.message}`));
  traffic.modelRequests = [];
  await page.goto(`${server.url}${args.base}${HARNESS}`);
  await page.waitForFunction(() => typeof window.runAlignCheck === 'function');
  const traceDir = trace ? mkdtempSync(join(tmpdir(), 'align-trace-')) : undefined;
  if (traceDir) await browser.startTracing(page, { path: join(traceDir, 'trace.json'), categories: TRACE_CATEGORIES });
  const result = await page.evaluate((checkParams) => window.runAlignCheck(checkParams), params);
  if (traceDir) {
    await browser.stopTracing();
    result.trace = traceSummary(join(traceDir, 'trace.json'));
    rmSync(traceDir, { recursive: true, force: true });
  }
  result.modelRequests = traffic.modelRequests;
  if (thenParams) {
    const after = await page.evaluate((checkParams) => window.runAlignCheck(checkParams), thenParams);
    result.after = { ok: after.ok && after.words.some(([, start]) => start !== null), error: after.error, totalMs: after.totalMs };
    if (!result.after.ok) result.ok = false;
  }
  await page.close();
  const aligned = result.words?.filter(([, start]) => start !== null).length ?? 0;
  if (!result.ok || (!params.cancelWhileAligning && aligned === 0)) {
    failed = true;
    console.error(`FAIL ${name}: ${result.error ?? result.result ?? 'no word was aligned'}`);
  }
  // Progress at least every 5 s of audio while aligning (issue 12), on the runs that align a whole file.
  if (result.ok && !params.cancelWhileAligning && params.seconds === undefined && !(result.largestAligningStep.sec <= 5)) {
    failed = true;
    console.error(`FAIL ${name}: progress moved ${result.largestAligningStep.sec} s of audio at once (to ${result.largestAligningStep.at} of the aligning stage)`);
  }
  return result;
}

/**
 * The real app: `/?demo=align` aligns the untimed seed on load. A fresh
 * context, so neither the models nor the app's cached result exist yet.
 */
async function runApp(trace) {
  const appContext = await browser.newContext();
  await appContext.addInitScript(() => {
    window.__alignWatch = { longTasks: [], samples: [], started: null, ended: null };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__alignWatch.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Samples the banner as the user sees it, without touching the app's code.
    const sample = () => {
      const watch = window.__alignWatch;
      const bar = document.querySelector('[role=progressbar][aria-label="Alignment progress"]');
      const done = document.querySelector('.align-banner--done, .align-banner--failed');
      if (bar) {
        if (watch.started === null) {
          watch.started = performance.now();
          performance.mark('align-window-start');
        }
        const text = document.querySelector('.align-banner__text')?.textContent ?? '';
        const last = watch.samples.at(-1);
        if (last?.text !== text) watch.samples.push({ atMs: Math.round(performance.now() - watch.started), percent: Number(bar.getAttribute('aria-valuenow')), text });
      }
      if (done && watch.started !== null && watch.ended === null) {
        watch.ended = performance.now();
        performance.mark('align-window-end');
        watch.outcome = done.className.includes('failed') ? 'failed' : 'done';
        watch.message = done.textContent;
      }
      if (watch.ended === null) setTimeout(sample, 50);
    };
    setTimeout(sample, 0);
  });
  const page = await appContext.newPage();
  page.on('pageerror', (error) => console.error(`  [app page error] ${error.message}`));
  const traceDir = trace ? mkdtempSync(join(tmpdir(), 'align-trace-')) : undefined;
  if (traceDir) await browser.startTracing(page, { path: join(traceDir, 'trace.json'), categories: TRACE_CATEGORIES });
  await page.goto(`${server.url}${args.base}?demo=align`);
  await page.waitForFunction(() => window.__alignWatch?.ended !== null, undefined, { timeout: 180_000, polling: 250 });
  const watch = await page.evaluate(() => window.__alignWatch);
  const result = {
    ok: watch.outcome === 'done',
    error: watch.outcome === 'done' ? undefined : watch.message,
    alignMs: Math.round(watch.ended - watch.started),
    message: watch.message,
    progress: watch.samples,
    longestTaskMs: Math.round(
      Math.max(0, ...watch.longTasks.filter((task) => task.startMs + task.durationMs >= watch.started && task.startMs <= watch.ended).map((task) => task.durationMs)),
    ),
    longTasks: watch.longTasks.map((task) => ({ atMs: Math.round(task.startMs - watch.started), durationMs: Math.round(task.durationMs) })),
  };
  if (traceDir) {
    await browser.stopTracing();
    result.trace = traceSummary(join(traceDir, 'trace.json'));
    rmSync(traceDir, { recursive: true, force: true });
  }
  await appContext.close();
  if (!result.ok) {
    failed = true;
    console.error(`FAIL app: ${result.error}`);
  }
  return result;
}

function report(all) {
  const line = (name, r) => {
    if (r === undefined) return;
    if (!r.ok) return console.log(`${name.padEnd(8)} FAILED: ${r.error ?? r.result ?? r.after?.error}`);
    if (name === 'app') {
      return console.log(
        `app      demo aligned in ${(r.alignMs / 1000).toFixed(2)} s from the progress bar's appearance (cold models, fresh profile); ` +
          `longest main-thread task ${r.longestTaskMs} ms; ${r.progress.length} distinct banner states; "${r.message}"`,
      );
    }
    if (r.settleMs !== undefined) {
      return console.log(
        `${name.padEnd(8)} cancelled ${r.cancelledAtMs} ms in (aligning) -> ${r.result} after ${Math.round(r.settleMs)} ms; ` +
          `longest task ${r.longestTaskMs} ms, max timer gap ${r.maxHeartbeatGapMs} ms; ` +
          `next alignment in the same page ${r.after?.ok ? `ok in ${(r.after.totalMs / 1000).toFixed(2)} s` : `FAILED: ${r.after?.error}`}`,
      );
    }
    const s = r.stageStartMs;
    const words = r.words.length;
    const timed = r.words.filter(([, start]) => start !== null).length;
    console.log(
      `${name.padEnd(8)} ${r.audioSec.toFixed(1)} s audio in ${(r.totalMs / 1000).toFixed(2)} s (${r.xRealtime.toFixed(1)}x real time); ` +
        `job started at ${r.jobStartMs} ms, aligning from ${fmt(s.aligning)} ms (decode + model load ${fmt(s.aligning - r.jobStartMs)} ms); ` +
        `${timed}/${words} words timed; turn start err median ${r.errors.turns.medianMs} p90 ${r.errors.turns.p90Ms} max ${r.errors.turns.maxMs} ms; ` +
        `word start err median ${r.errors.words.medianMs} p90 ${r.errors.words.p90Ms} ms; ` +
        `longest main-thread task ${r.longestTaskMs} ms, max timer gap ${r.maxHeartbeatGapMs} ms; ` +
        `progress events ${r.progress.events}${r.progressMonotonic ? '' : ' (NOT monotonic)'}, largest step while decoding ${r.largestAligningStep.sec} s of audio (to ${r.largestAligningStep.at}); ` +
        `model files from server ${r.modelRequests.length}`,
    );
  };
  console.log(`\nIn-browser alignment (headless Chromium, ${args.server === 'dev' ? 'vite dev server' : `production build via ${args.server} server`}):`);
  for (const [name, r] of Object.entries(all)) line(name, r);
  for (const [name, r] of Object.entries(all)) {
    if (r?.trace) console.log(`trace ${name}${name === 'app' ? ' (while aligning)' : ''}: ${JSON.stringify(r.trace)}`);
  }
  console.log(`\nfirst words (full): ${JSON.stringify(all.full?.words?.slice(0, 12))}`);
  console.log(`progress (full): ${JSON.stringify(all.full?.progress?.sample)}`);
  console.log(`\n${JSON.stringify(all, (key, value) => (key === 'words' && Array.isArray(value) ? `${value.length} words` : value))}`);
}

/**
 * From a trace: the renderer main thread's longest tasks, by wall time and by
 * the thread's CPU time (on a loaded machine a task's wall time includes time
 * the OS gave the CPU to other processes; its CPU time is what the page itself
 * spent), and the CPU time of the alignment worker, which is what speed on
 * an idle core would be.
 */
function traceSummary(path) {
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  const events = trace.traceEvents ?? trace;
  // Only the page's renderer: the browser's own WebUI pages (omnibox popup, ...) have renderers too.
  const pagePids = new Set(
    events.filter((e) => [e.args?.data?.url, e.args?.data?.frames?.[0]?.url].some((url) => url?.startsWith(server.url))).map((e) => e.pid),
  );
  const threadsNamed = (test) =>
    new Set(events.filter((e) => e.name === 'thread_name' && pagePids.has(e.pid) && test(e.args?.name ?? '')).map((e) => `${e.pid}:${e.tid}`));
  const mainThreads = threadsNamed((name) => name === 'CrRendererMain');
  const workerThreads = threadsNamed((name) => name.startsWith('DedicatedWorker'));
  // The app run marks the alignment window (progress bar shown .. result shown); elsewhere the whole trace counts.
  const mark = (name) => events.find((e) => e.name === name && pagePids.has(e.pid))?.ts;
  const [from, to] = [mark('align-window-start') ?? -Infinity, mark('align-window-end') ?? Infinity];
  const tasksOn = (threads) =>
    events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && threads.has(`${e.pid}:${e.tid}`) && e.ts + e.dur >= from && e.ts <= to);
  const tasks = tasksOn(mainThreads);
  const ms = (us) => Math.round((us ?? 0) / 100) / 10;
  const top = (key) => [...tasks].sort((a, b) => (b[key] ?? 0) - (a[key] ?? 0)).slice(0, 3).map((e) => ({ wallMs: ms(e.dur), cpuMs: ms(e.tdur) }));
  return {
    mainTasks: tasks.length,
    mainOver50WallMs: tasks.filter((e) => e.dur > 50000).length,
    mainOver50CpuMs: tasks.filter((e) => (e.tdur ?? 0) > 50000).length,
    longestByWall: top('dur'),
    longestByCpu: top('tdur'),
    workerCpuMs: ms(tasksOn(workerThreads).reduce((sum, e) => sum + (e.tdur ?? 0), 0)),
  };
}

function fmt(ms) {
  return ms === null ? '-' : String(Math.round(ms));
}


/** A static file server without SPA fallback: unknown paths are a real 404. Serves `root` under `base`. */
function startStatic(root, base) {
  const httpServer = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = pathname.startsWith(base) ? pathname.slice(base.length) : null;
    const file = path === null ? '' : normalize(join(root, path === '' ? 'index.html' : path));
    if (path === null || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer) => {
    httpServer.listen(0, '127.0.0.1', () => {
      const { port } = httpServer.address();
      resolveServer({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => httpServer.close(done)) });
    });
  });
}

/** `vite preview` (serving `dist/`) or the `vite` dev server, on a free port. */
async function startVite(mode) {
  const port = 4100 + Math.floor(Math.random() * 800);
  const command = [...(mode === 'preview' ? ['vite', 'preview', '--outDir', dist] : ['vite']), '--base', args.base];
  const child = spawn('npx', [...command, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise((ready, fail) => {
    child.stdout.on('data', (chunk) => String(chunk).includes(String(port)) && ready());
    child.on('exit', (code) => fail(new Error(`vite ${mode} exited with ${code}`)));
  });
  // npx starts vite as a child; the process group takes both down.
  return { url: `http://127.0.0.1:${port}`, close: async () => process.kill(-child.pid) };
}
