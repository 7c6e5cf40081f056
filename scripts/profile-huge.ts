/**
 * `npx tsx scripts/profile-huge.ts DIST [text|vtt|json]`: opens one huge input (test/e2e/huge-inputs.ts)
 * over the demo in the build at DIST with a CPU profile recording, then prints the long tasks
 * and, for each task over 50 ms, the functions that took its time (self time, top 12).
 * Build unminified for readable names: `npx vite build --minify false --outDir DIR`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import { writeHugeInput } from '../test/e2e/huge-inputs.ts';
import { installLoadProbe, openDuringLoad, waitForQuiet } from '../test/e2e/load-probe.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; }
interface Profile { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] }

async function main() {
  const [dist, kind = 'text'] = process.argv.slice(2);
  if (!dist) throw new Error('usage: profile-huge.ts DIST [text|vtt|json]');
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-profile-'));
  const file = writeHugeInput(dir, kind);
  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(installLoadProbe);
    page.on('crash', () => console.log('the page crashed'));
    page.on('console', (message) => message.type() === 'error' && console.log(`console: ${message.text()}`));
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    await page.goto(server.url);
    await page.waitForSelector('[data-turn-index]');
    await waitForQuiet(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const startedAt = await page.evaluate(() => performance.now());
    const originUs = (await page.evaluate(() => performance.timeOrigin)) * 1000;
    const figures = await openDuringLoad(page, file, file.split('/').pop()!);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const tasks = await page.evaluate(() => window.__load.longTasks);
    console.log(`opened in ${figures.openMs.toFixed(0)} ms, longest task ${figures.longestTaskMs.toFixed(0)} ms, ${figures.longTasks} over 50 ms, Play slowest ${figures.playMs?.toFixed(0)} ms median ${figures.playMedianMs?.toFixed(0)}`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    // Sample timestamps are in the profiler's monotonic clock (µs); performance.now() shares it with timeOrigin offset.
    const times: number[] = [];
    let t = profile.startTime;
    for (const d of profile.timeDeltas) times.push((t += d));
    void originUs;
    // Align: the clocks are both monotonic since boot in Chromium; performance.now() = (monotonic - timeOrigin monotonic).
    const navStartMono = await page.evaluate(() => 0);
    void navStartMono;
    const nowMs = await page.evaluate(() => performance.now());
    const lastSample = times.at(-1)! / 1000;
    const offset = lastSample - nowMs; // approximately: profile stopped just before
    for (const task of tasks.filter((task) => task.duration > 50 && task.start >= startedAt).sort((a, b) => b.duration - a.duration).slice(0, 8)) {
      const from = task.start + offset;
      const to = from + task.duration;
      const self = new Map<string, number>();
      for (let i = 0; i < profile.samples.length; i++) {
        const at = times[i]! / 1000;
        if (at < from || at > to) continue;
        const node = byId.get(profile.samples[i]!)!;
        const f = node.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i]! / 1000));
      }
      console.log(`\ntask ${task.duration.toFixed(0)} ms at ${task.start.toFixed(0)}:`);
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
await main();
