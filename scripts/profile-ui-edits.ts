/**
 * `npx tsx scripts/profile-ui-edits.ts [--size 3h] [--rounds 1] [--top 25] [--dist DIR] [--trace | --inclusive]`
 *
 * Where the time of each edit kind of `npm run bench:ui` goes: builds the app without
 * minifying (names readable), opens a scale fixture in headless Chromium, enters editor
 * mode and runs bench-ui-editor's edits with a V8 CPU profile around each one. Prints,
 * per kind, its input -> paint time and the functions with the most self time (file and
 * line), garbage collection and "(program)" (style, layout and paint) included. With
 * `--trace`, a Chromium trace instead: time per renderer main-thread event (style,
 * layout, paint, script, GC) and how many layouts were forced by a script's read.
 * `--inclusive` ranks functions by total time (callees included) instead of self time.
 * A tool for finding the cost, not a benchmark: the profiler itself slows the page.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { measureLoad } from './bench-ui-measure.ts';
import { measureEditor, type EditKind } from './bench-ui-editor.ts';
import { option, probedPage, runProfile, type CpuProfile, type TraceEvent } from './profile-common.ts';

/** Self time (ms) per function, summed over the profiles of one kind. */
function addSelfTimes(profile: CpuProfile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const file = frame.url.split('/').pop() || '';
    const key = file ? `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}` : frame.functionName;
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
}

/**
 * Total time (ms) per function, its callees included, summed over the profiles of one kind
 * (`--inclusive`): a function on the stack several times (recursion) counts once per sample.
 */
function addTotalTimes(profile: CpuProfile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === '(root)') continue;
      const file = frame.url.split('/').pop() || '';
      const key = file ? `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}` : frame.functionName;
      if (seen.has(key)) continue;
      seen.add(key);
      into.set(key, (into.get(key) ?? 0) + ms);
    }
  });
}

/** Main-thread time (ms) per top-level event kind of the page's renderer, and forced layouts. */
function addTraceTimes(events: TraceEvent[], into: Map<string, number>): void {
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) return;
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined);
  const kinds = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ParseHTML']);
  for (const event of onMain) {
    if (!kinds.has(event.name)) continue;
    into.set(event.name, (into.get(event.name) ?? 0) + event.dur! / 1000);
    if (event.name === 'Layout' && event.args?.beginData?.stackTrace) into.set('Layout forced by script (count)', (into.get('Layout forced by script (count)') ?? 0) + 1);
  }
}

async function startTrace(browser: Browser, page: Page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
}

async function main() {
  const rounds = Number(option('--rounds', '1'));
  const top = Number(option('--top', '25'));
  await runProfile('verbatim-profile-ui', '3h', async ({ fixtureUrl, browser }) => {
    const { context, page } = await probedPage(browser);
    await measureLoad(page, fixtureUrl);
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const selfTimes = new Map<EditKind, Map<string, number>>();
    const trace = process.argv.includes('--trace');
    const inclusive = process.argv.includes('--inclusive');
    const figures = await measureEditor(page, 'Maria Alvarez', 'the', rounds, {
      before: async () => {
        if (trace) await startTrace(browser, page);
        else await cdp.send('Profiler.start');
      },
      after: async (kind) => {
        let into = selfTimes.get(kind);
        if (!into) selfTimes.set(kind, (into = new Map()));
        if (trace) {
          const buffer = await browser.stopTracing();
          addTraceTimes((JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents, into);
        } else {
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
          if (inclusive) addTotalTimes(profile, into);
          else addSelfTimes(profile, into);
        }
      },
    });
    for (const [kind, times] of selfTimes) {
      const total = inclusive ? 0 : [...times].filter(([key]) => !key.includes('(count)')).reduce((sum, [, ms]) => sum + ms, 0);
      console.log(`\n${kind}: ${figures.editMs[kind].toFixed(0)} ms input -> paint (p95 of ${rounds}); ${(total / rounds).toFixed(0)} ms busy per edit while profiled`);
      for (const [key, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(ms / rounds).toFixed(1).padStart(7)} ms  ${key}`);
    }
    await context.close();
  });
}

await main();
