/**
 * `npx tsx scripts/profile-ui-waterfall.ts [--size 5m] [--dist DIR] [--min-ms 2] [--runs 1]`
 *
 * What happens between navigation and interactive in bench:ui's load, in order: every
 * request of the page (sent, first byte, finished), every main-thread piece of work of
 * `--min-ms` or more (script compile and evaluation by file, timers, messages, animation
 * frames, style, layout, paint, garbage collection), the page's `performance.mark`s, and
 * the moment bench:ui calls it interactive, and what the page's workers ran meanwhile. A fresh context per run, as in bench:ui;
 * tracing slows the page a little, so read the order and the gaps, not the total.
 */
import { MAIN_THREAD_WORK, option, probedPage, runProfile, type TraceEvent } from './profile-common.ts';

type Event = TraceEvent;

async function main() {
  const minMs = Number(option('--min-ms', '2'));
  const runs = Number(option('--runs', '1'));
  await runProfile(
    'verbatim-profile-waterfall',
    '5m',
    async ({ fixture, fixtureUrl, browser }) => {
      for (let run = 0; run < runs; run++) {
        const { context, page } = await probedPage(browser);
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'navigation'] });
        await page.goto(fixtureUrl);
        await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120_000, polling: 50 });
        const readyAt = await page.evaluate(() => window.__bench.readyAt!);
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
        await page.waitForTimeout(300);
        const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Event[] }).traceEvents;
        await context.close();

        const navigation = events.filter((e) => e.name === 'navigationStart' && (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL?.includes('audio=')).at(-1);
        const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
        const busiest = mains
          .map((main) => ({ main, busy: events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0) }))
          .sort((a, b) => b.busy - a.busy)[0]!.main;
        const t0 = navigation?.ts ?? events.find((e) => e.pid === busiest.pid && e.name === 'RunTask')!.ts;
        const ms = (ts: number) => (ts - t0) / 1000;
        const lines: [number, string][] = [];

        // Requests: sent -> response -> finished.
        const sent = new Map<string, { url: string; ts: number }>();
        const response = new Map<string, number>();
        for (const e of events) {
          const data = e.args?.data as { requestId?: string; url?: string; finishTime?: number } | undefined;
          if (!data?.requestId) continue;
          if (e.name === 'ResourceSendRequest' && data.url) sent.set(data.requestId, { url: data.url, ts: e.ts });
          if (e.name === 'ResourceReceiveResponse') response.set(data.requestId, e.ts);
          if (e.name === 'ResourceFinish') {
            const start = sent.get(data.requestId);
            if (!start) continue;
            const file = start.url.replace(/^https?:\/\/[^/]+\//u, '').slice(0, 70);
            const first = response.get(data.requestId);
            lines.push([ms(start.ts), `net  ${file}: sent, first byte +${first ? (ms(first) - ms(start.ts)).toFixed(0) : '?'}, done ${ms(e.ts).toFixed(0)}`]);
          }
        }
        // Main-thread work, innermost names of each task (the task itself when nothing inside is named).
        const onMain = events.filter((e) => e.pid === busiest.pid && e.tid === busiest.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= t0).sort((a, b) => a.ts - b.ts);
        for (const task of onMain.filter((e) => e.name === 'RunTask' && e.dur! >= minMs * 1000)) {
          const end = task.ts + task.dur!;
          const inside = onMain.filter((e) => e.ts >= task.ts && e.ts < end && MAIN_THREAD_WORK.has(e.name) && e.dur! >= minMs * 1000 * 0.5);
          // Outermost named pieces only: an evaluation's nested calls are part of it.
          const parts = inside
            .filter((e) => !inside.some((outer) => outer !== e && outer.ts <= e.ts && outer.ts + outer.dur! >= e.ts + e.dur! && !(outer.ts === e.ts && outer.dur === e.dur)))
            .map((e) => {
              const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
              const fn = (e.args?.data as { functionName?: string } | undefined)?.functionName ?? '';
              return `${e.name}${url ? ` ${url.split('/').pop()!.slice(0, 30)}` : ''}${fn ? ` ${fn}` : ''} ${(e.dur! / 1000).toFixed(1)}`;
            });
          lines.push([ms(task.ts), `task ${(task.dur! / 1000).toFixed(1).padStart(6)} ms  ${parts.slice(0, 10).join(' | ')}`]);
        }
        // The page's workers (parse, align): what they ran, and when.
        const workers = events.filter((e) => e.name === 'thread_name' && e.pid === busiest.pid && /Worker/u.test(e.args?.name ?? ''));
        for (const worker of workers) {
          const label = `${worker.args!.name!.replace(/ thread$/u, '')} ${worker.tid}`;
          const pieces = events.filter((e) => e.pid === worker.pid && e.tid === worker.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= t0 && MAIN_THREAD_WORK.has(e.name) && e.dur >= minMs * 1000);
          for (const e of pieces) {
            const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
            lines.push([ms(e.ts), `${label}: ${e.name}${url ? ` ${url.split('/').pop()!.slice(0, 30)}` : ''} ${(e.dur! / 1000).toFixed(1)} ms`]);
          }
        }
        for (const [name, at] of marks) lines.push([at, `mark ${name}`]);
        lines.push([readyAt, '==== interactive (bench:ui readyAt) ====']);
        lines.sort((a, b) => a[0] - b[0]);
        console.log(`\n${fixture.size.key}, run ${run + 1}: interactive at ${readyAt.toFixed(0)} ms (traced)`);
        for (const [at, text] of lines) if (at <= readyAt + 100) console.log(`${at.toFixed(0).padStart(6)}  ${text}`);
      }
    },
    process.argv.includes('--minify'),
  );
}

await main();
