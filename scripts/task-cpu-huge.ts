/**
 * `npx tsx scripts/task-cpu-huge.ts DIST [text|vtt|json]...`: opens each huge input (test/e2e/huge-inputs.ts)
 * over the demo in the build at DIST with a Chromium trace recording, and prints the page's
 * longest main-thread tasks by CPU time (the trace's thread time) beside their wall time,
 * with what inside each took over 2 ms; `--keys` then also traces End, Home and `e` (editor
 * mode) on the transcript, one after another. On a shared machine the wall time of a task grows
 * with the load; its CPU time does not, so two builds compare by it run after run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser.ts';
import type { TraceEvent } from './profile-common.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import { writeHugeInput } from '../test/e2e/huge-inputs.ts';
import { installLoadProbe, openDuringLoad, waitForQuiet } from '../test/e2e/load-probe.ts';

/** Trace events that only wrap others, or split one into its phases: not named inside a task. */
const WRAPPERS = /^(ThreadControllerImpl::RunTask|SimpleWatcher::OnHandleReady|v8\.callFunction|V8\.GC_.*|V8\.GCScavenger|V8\.GCCompactor|V8\.Execute|ProfileChunk)$/u;

/** The JavaScript samples of the trace's CPU profile (same clock as its events): time, function. */
function samplesOf(events: TraceEvent[], pid: number, tid: number): { ts: number; fn: string }[] {
  const samples: { ts: number; fn: string }[] = [];
  const names = new Map<number, string>();
  const start = events.find((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid);
  if (!start) return samples;
  let ts = start.args?.data?.startTime ?? start.ts;
  for (const chunk of events.filter((event) => event.name === 'ProfileChunk' && event.id === start.id)) {
    const profile = chunk.args?.data?.cpuProfile;
    for (const node of profile?.nodes ?? []) names.set(node.id, `${node.callFrame.functionName || '(anon)'} ${(node.callFrame.url ?? '').split('/').pop()}:${node.callFrame.lineNumber}`);
    const deltas = chunk.args?.data?.timeDeltas ?? [];
    (profile?.samples ?? []).forEach((id, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, fn: names.get(id) ?? '?' });
    });
  }
  return samples;
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'];

/** What a child event of a task was, in a few words. */
function label(event: TraceEvent): string {
  const data = event.args?.data;
  if (data?.functionName) return `${event.name} ${data.functionName} ${(data.url ?? '').split('/').pop()}`;
  if (data?.type) return `${event.name} ${data.type}`;
  return event.name;
}

async function profile(dist: string, kind: string, dir: string, keys: boolean) {
  const file = writeHugeInput(dir, kind);
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(installLoadProbe);
    await page.goto(server.url);
    await page.waitForSelector('[data-turn-index]');
    await waitForQuiet(page);
    await browser.startTracing(page, { categories: CATEGORIES });
    const figures = await openDuringLoad(page, file, file.split('/').pop()!);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const longest = report(trace.traceEvents, 6);
    console.log(`${kind}: opened in ${figures.openMs.toFixed(0)} ms; longest wall ${figures.longestTaskMs.toFixed(0)} ms; Play slowest ${figures.playMs?.toFixed(0)} ms`);
    console.log(longest);
    if (keys) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.getByTestId('transcript-scroller').focus();
      for (const key of ['End', 'Home', 'e']) {
        await browser.startTracing(page, { categories: CATEGORIES });
        if (key === 'e') await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press(key);
        await page.waitForTimeout(1500);
        const stepTrace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
        console.log(`${kind}, key ${key}:`);
        console.log(report(stepTrace.traceEvents, 2));
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The longest main-thread tasks of a trace by CPU time, `top` of them, with what took it, as lines. */
function report(events: TraceEvent[], top: number): string {
  const lines: string[] = [];
  const main = events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const tasksOf = (thread: TraceEvent) => events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.name === 'RunTask');
  const thread = main.map((candidate) => ({ candidate, tasks: tasksOf(candidate) })).sort((a, b) => b.tasks.length - a.tasks.length)[0];
  if (!thread) throw new Error('no renderer main thread in the trace');
  const children = events.filter((event) => event.pid === thread.candidate.pid && event.tid === thread.candidate.tid && event.ph === 'X' && event.name !== 'RunTask');
  const samples = samplesOf(events, thread.candidate.pid, thread.candidate.tid);
  // Starting the trace's own CPU profiler is a task of the recording, not of the page.
  const profilerStart = events.filter((event) => event.name === 'CpuProfiler::StartProfiling');
  const ofRecording = (task: TraceEvent) => profilerStart.some((event) => event.ts >= task.ts && event.ts <= task.ts + (task.dur ?? 0));
  const tasks = thread.tasks.filter((task) => !ofRecording(task)).sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
  const over = (ms: number) => tasks.filter((task) => (task.tdur ?? 0) / 1000 > ms).length;
  lines.push(`  longest task CPU ${((tasks[0]?.tdur ?? 0) / 1000).toFixed(1)} ms; tasks over 50 / 30 / 16 ms CPU: ${over(50)} / ${over(30)} / ${over(16)}`);
  for (const task of tasks.slice(0, top)) {
    lines.push(`  task CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms, wall ${((task.dur ?? 0) / 1000).toFixed(1)} ms`);
    const end = task.ts + (task.dur ?? 0);
    const inside = children.filter((event) => !WRAPPERS.test(event.name) && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end && (event.tdur ?? event.dur ?? 0) > 2000);
    for (const event of inside.slice(0, 10)) lines.push(`    ${(((event.tdur ?? event.dur) ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${label(event)}`);
    // Sampled JavaScript self time (wall clock between samples) by function, the top eight.
    const self = new Map<string, number>();
    let previous = task.ts;
    for (const sample of samples.filter((sample) => sample.ts >= task.ts && sample.ts <= end)) {
      self.set(sample.fn, (self.get(sample.fn) ?? 0) + (sample.ts - previous) / 1000);
      previous = sample.ts;
    }
    for (const [fn, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`    ${ms.toFixed(1).padStart(6)} ms  ${fn} (sampled)`);
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const keys = args.includes('--keys');
  const [dist, ...kinds] = args.filter((arg) => arg !== '--keys');
  if (!dist) throw new Error('usage: task-cpu-huge.ts DIST [--keys] [text|vtt|json]...');
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-task-cpu-'));
  try {
    for (const kind of kinds.length > 0 ? kinds : ['text', 'vtt', 'json']) await profile(dist, kind, dir, keys);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await main();
