/**
 * `npx tsx scripts/profile-ui-scroll.ts [--size 5m] [--dist DIR] [--runs 3]`
 *
 * Where the frames of bench:ui's scroll from top to bottom go: builds the app (not
 * minified) unless `--dist` names a build, opens a scale fixture in headless Chromium,
 * and records a Chromium trace around `measureScroll`. Prints the frame intervals and,
 * per frame, main-thread time by event kind (style, layout, paint, script, GC), with
 * the React commits and scroll handlers that ran in it. A tool for finding the cost,
 * not a benchmark.
 */
import { measureLoad, measureScroll } from './bench-ui-measure.ts';
import { option, probedPage, runProfile, type TraceEvent } from './profile-common.ts';

const KINDS = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'ParseHTML', 'ScrollLayer', 'UpdateLayer'];

async function main() {
  const runs = Number(option('--runs', '3'));
  await runProfile('verbatim-profile-scroll', '5m', async ({ fixtureUrl, browser }) => {
    for (let run = 0; run < runs; run++) {
      const { context, page } = await probedPage(browser);
      await measureLoad(page, fixtureUrl);
      await page.waitForTimeout(1000);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame'] });
      const figures = await measureScroll(page);
      const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
      const onMain = events.filter((event) => main && event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur !== undefined);
      const frames = onMain.filter((event) => event.name === 'FireAnimationFrame').map((event) => event.ts);
      console.log(`\nrun ${run + 1}: p95 ${figures.scrollP95FrameMs.toFixed(1)} ms over ${figures.frames} frames, blank ${figures.scrollBlankFrames}, drift ${figures.heightDriftPct.toFixed(1)} %`);
      for (let i = 0; i + 1 < frames.length; i++) {
        const from = frames[i]!;
        const to = frames[i + 1]!;
        const inFrame = onMain.filter((event) => event.ts >= from && event.ts < to);
        const byKind = new Map<string, number>();
        for (const event of inFrame) if (KINDS.includes(event.name)) byKind.set(event.name, (byKind.get(event.name) ?? 0) + event.dur! / 1000);
        const calls = inFrame
          .filter((event) => event.name === 'FunctionCall' && event.dur! > 1000)
          .map((event) => `${event.args?.data?.functionName || '?'}@${(event.args?.data?.url ?? '').split('/').pop()}:${event.args?.data?.lineNumber ?? ''} ${(event.dur! / 1000).toFixed(1)}`);
        const dispatch = inFrame.filter((event) => event.name === 'EventDispatch' && event.dur! > 500).map((event) => `${event.args?.data?.type} ${(event.dur! / 1000).toFixed(1)}`);
        const parts = [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`);
        console.log(`  ${((to - from) / 1000).toFixed(1).padStart(6)} ms | ${parts.join(', ')}${calls.length ? ` | calls: ${calls.join(', ')}` : ''}${dispatch.length ? ` | events: ${dispatch.join(', ')}` : ''}`);
      }
      await context.close();
    }
  });
}

await main();
