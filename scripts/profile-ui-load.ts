/**
 * `npx tsx scripts/profile-ui-load.ts [--size 3h] [--top 12] [--dist DIR] [--minify] [--inclusive]`
 *
 * Where the time of `npm run bench:ui`'s load goes: builds the app (not minified unless
 * `--minify`, so names are readable), opens a scale fixture in headless Chromium the way
 * bench:ui does, with a Chromium trace and a V8 CPU profile running from navigation to
 * one second after the page became interactive. Prints every main-thread task of 20 ms
 * or more (start, length, what kind of work it held) and, per such task, the functions
 * with the most self time in it (`--inclusive`: also with what they called). A tool for finding the cost, not a benchmark: tracing
 * and profiling slow the page.
 */
import type { CDPSession } from 'playwright-core';
import { MAIN_THREAD_WORK, option, probedPage, runProfile, type CpuProfile, type ProfileNode, type TraceEvent } from './profile-common.ts';

async function main() {
  const top = Number(option('--top', '12'));
  const inclusive = process.argv.includes('--inclusive');
  await runProfile('verbatim-profile-load', '3h', async ({ fixture, fixtureUrl, appUrl, browser }) => {
    const { context, page } = await probedPage(browser);
    // A page of the same origin first, so the renderer (and the profiler) survives the navigation.
    await page.goto(`${appUrl}scale/`).catch(() => undefined);
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading'] });
    await cdp.send('Profiler.start');
    await page.goto(fixtureUrl);
    await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120_000, polling: 50 });
    const readyAt = await page.evaluate(() => window.__bench.readyAt!);
    await page.waitForTimeout(1000);
    const longTasks = await page.evaluate(() => window.__bench.longTasks);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    console.log(`${fixture.size.key}: interactive at ${readyAt.toFixed(0)} ms (traced and profiled); long tasks (page's own observer): ${longTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`).join(', ')}`);

    const mains = events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
    // The renderer with the most work is the app's.
    const busiest = mains
      .map((main) => ({ main, busy: events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0) }))
      .sort((a, b) => b.busy - a.busy)[0]!.main;
    const onMain = events.filter((e) => e.pid === busiest.pid && e.tid === busiest.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
    const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === busiest.pid && (e.args?.data?.url ?? '').includes('audio='))?.ts ?? onMain[0]!.ts;
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! >= 20_000);

    // Self time per function between two trace timestamps (the profile shares the trace's clock).
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const sampleTimes: number[] = [];
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] ?? 0;
      sampleTimes.push(t);
    }
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    const label = (node: ProfileNode) => {
      const file = node.callFrame.url.split('/').pop() || '';
      return file ? `${node.callFrame.functionName || '(anonymous)'}  ${file}:${node.callFrame.lineNumber + 1}` : node.callFrame.functionName;
    };
    /** Time per function with everything it called (each function once per sample), between two trace timestamps. */
    const inclusiveIn = (from: number, to: number) => {
      const into = new Map<string, number>();
      for (let i = 0; i < profile.samples.length; i++) {
        if (sampleTimes[i]! < from || sampleTimes[i]! >= to) continue;
        const ms = ((sampleTimes[i + 1] ?? sampleTimes[i]!) - sampleTimes[i]!) / 1000;
        const seen = new Set<string>();
        for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
          const key = label(byId.get(id)!);
          if (seen.has(key) || key === '(root)' || key === '(idle)') continue;
          seen.add(key);
          into.set(key, (into.get(key) ?? 0) + ms);
        }
      }
      return into;
    };
    const selfIn = (from: number, to: number) => {
      const into = new Map<string, number>();
      for (let i = 0; i < profile.samples.length; i++) {
        if (sampleTimes[i]! < from || sampleTimes[i]! >= to) continue;
        const frame = byId.get(profile.samples[i]!)!.callFrame;
        if (frame.functionName === '(idle)') continue;
        const file = frame.url.split('/').pop() || '';
        const key = file ? `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}` : frame.functionName;
        into.set(key, (into.get(key) ?? 0) + ((sampleTimes[i + 1] ?? sampleTimes[i]!) - sampleTimes[i]!) / 1000);
      }
      return into;
    };

    for (const task of tasks) {
      const end = task.ts + task.dur!;
      const kinds = new Map<string, number>();
      for (const e of onMain) {
        if (e.ts < task.ts || e.ts >= end || !MAIN_THREAD_WORK.has(e.name)) continue;
        const label = e.name === 'EvaluateScript' || e.name === 'v8.compile' ? `${e.name} ${(e.args?.data?.url ?? '').split('/').pop()}` : e.name;
        kinds.set(label, (kinds.get(label) ?? 0) + e.dur! / 1000);
      }
      console.log(`\ntask at ${((task.ts - navigation) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${[...kinds].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ')}`);
      for (const [key, ms] of [...selfIn(task.ts, end)].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
      if (inclusive) {
        console.log('  with callees:');
        for (const [key, ms] of [...inclusiveIn(task.ts, end)].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
      }
    }
    const all = selfIn(navigation, navigation + (readyAt + 1000) * 1000);
    const total = [...all].reduce((s, [, ms]) => s + ms, 0);
    console.log(`\nnavigation -> interactive + 1 s: ${total.toFixed(0)} ms busy in the profile; top self times:`);
    for (const [key, ms] of [...all].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
    await context.close();
  }, process.argv.includes('--minify'));
}

await main();
