/**
 * Load-to-interactive of `<verbatim-player>` in real Chromium: from navigation start
 * to the first frame after the element's `verbatim-ready` (transcript read, rendered,
 * time index built, laid out), on
 * the demo and on a generated 3-hour transcript (3,000 turns, 36,000 words), both as
 * an embed reading WebVTT and as the HTML export (pre-rendered, inlined player). Also
 * times a passage jump deep into the long transcript (until the passage is in view).
 * The demo is the baseline; ratios are printed. Medians of RUNS fresh page loads.
 *
 *   npm run build && npm run bench:embed
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transcript } from '../src/transcript/model.ts';
import { webvttWriter } from '../src/transcript/writers/webvtt-writer.ts';
import { writeHtml } from '../src/transcript/writers/html-writer.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { embedPage, makeEmbedSite } from '../test/e2e/embed-site.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';

const RUNS = 5;
const TURNS = 3000;
const WORDS_PER_TURN = 12;
const SECONDS = 3 * 3600;
const VOCABULARY = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were'.split(' ');

/** A deterministic 3-hour interview: turns alternate among four speakers, words evenly timed. */
function longTranscript(): Transcript {
  const speakers = ['Host', 'Guest One', 'Guest Two', 'Caller'].map((name, index) => ({ id: `s${index}`, name }));
  const perTurn = SECONDS / TURNS;
  const entries: Transcript['entries'] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let turn = 0; turn < TURNS; turn++) {
    const start = turn * perTurn;
    const step = (perTurn - 0.4) / WORDS_PER_TURN;
    const words = Array.from({ length: WORDS_PER_TURN }, (_, index) => ({
      text: VOCABULARY[next() % VOCABULARY.length]! + (index === WORDS_PER_TURN - 1 ? '.' : ''),
      start: Math.round((start + index * step) * 1000) / 1000,
      end: Math.round((start + (index + 1) * step) * 1000) / 1000,
    }));
    entries.push({ kind: 'speech', speakerId: speakers[turn % 4]!.id, start: words[0]!.start, end: words.at(-1)!.end, words });
  }
  return { speakers, entries, language: 'en' };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const site = makeEmbedSite();
const long = longTranscript();
writeFileSync(join(site, 'long.vtt'), webvttWriter.write(long, { wordTimestamps: true }));
writeFileSync(join(site, 'long.html'), embedPage('long.vtt'));
const script = readFileSync(join(import.meta.dirname, '../dist/embed/verbatim-player.inline.js'), 'utf8');
const player = { script, sha256: createHash('sha256').update(script, 'utf8').digest('base64') };
writeFileSync(join(site, 'long-export.html'), writeHtml(long, { title: 'long', audioUrl: 'seed.opus', player }));

const server = await startStaticServer(site);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.addInitScript(() => {
    // Interactive = ready and the next frame rendered, so layout work the ready event leaves behind is counted.
    document.addEventListener('verbatim-ready', () =>
      requestAnimationFrame(() => setTimeout(() => ((window as unknown as { readyAt: number }).readyAt = performance.now()))),
    );
  });
  const measure = async (path: string) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      await page.goto(server.url + path);
      await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, null, { timeout: 120_000 });
      times.push(await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt));
      await page.close();
    }
    return median(times);
  };
  const rows: [string, number][] = [];
  for (const [label, path] of [
    ['embed, demo (13 turns, WebVTT)', 'page.html'],
    [`embed, 3 h (${TURNS} turns, ${TURNS * WORDS_PER_TURN} words, WebVTT)`, 'long.html'],
    ['HTML export, demo', 'export.html'],
    ['HTML export, 3 h', 'long-export.html'],
  ] as const) {
    rows.push([label, await measure(path)]);
  }
  const baseline = rows[0]![1];
  console.log(`load-to-interactive (navigation start -> first frame after verbatim-ready), median of ${RUNS}, shared machine:`);
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / baseline).toFixed(1)}x the demo embed)`);

  // A passage link deep into the long transcript: from the call until its first word is in view.
  const jumps: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.goto(`${server.url}long.html`);
    await page.waitForSelector('verbatim-player[data-ready]');
    jumps.push(
      await page.evaluate(async () => {
        const element = document.querySelector('verbatim-player') as HTMLElement & { playPassage(p: { start: number; end: number }): Promise<void> };
        const begin = performance.now();
        void element.playPassage({ start: 5400, end: 5403 });
        for (;;) {
          await new Promise(requestAnimationFrame);
          const word = document.querySelector('.vp-passage');
          const scroller = document.querySelector('.vp-scroller')!.getBoundingClientRect();
          const box = word?.getBoundingClientRect();
          if (box && box.top >= scroller.top && box.bottom <= scroller.bottom) return performance.now() - begin;
          if (performance.now() - begin > 10_000) return Infinity;
        }
      }),
    );
    await page.close();
  }
  console.log(`passage jump to 1:30:00 in the 3 h embed, until in view: median ${median(jumps).toFixed(0)} ms of ${RUNS}`);
} finally {
  await browser.close();
  await server.close();
}
