/**
 * Editor-mode benchmark: how long pressing E takes to draw the turn regions
 * and switch the list, and how smooth dragging a region edge is, for a
 * 3,000-turn / 30,000-word transcript over ~3 hours of matching audio, with
 * a 100-turn transcript as the in-run baseline.
 *
 *   npm run bench:editor                      builds into a temp dir first
 *   npm run bench:editor -- --dist dist       uses an existing build
 *
 * The audio is synthesised (voiced "words" separated by quiet gaps, so pause
 * finding has real work) into an 8 kHz WAV, cached in the OS temp dir between
 * runs. Everything is measured inside the page with performance.now():
 * enter = keydown E -> regions in the waveform and the app
 * in edit mode, then two animation frames; drag = requestAnimationFrame deltas
 * while the mouse drags an edge in 60 steps at 60 Hz. Frame times are
 * quantised to the display's frames, so 16.7 ms means "no frame missed".
 * Frame times are wall-clock, so a busy machine inflates them; the main
 * thread's CPU time per task (from a Chromium trace) is reported beside them.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import type { SpeechTurn, Transcript } from '../src/transcript/model.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE_RATE = 8000;
const FRAME_BUDGET_MS = 1000 / 60;
const ENTER_RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DRAGS = 4;
const DRAG_STEPS = 60;

export interface Case {
  name: string;
  turns: number;
  words: number;
}

export const CASES: Case[] = [
  { name: 'baseline', turns: 100, words: 1000 },
  { name: 'long', turns: 3000, words: 30000 },
];

/** Deterministic so every run measures the same file. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const VOCABULARY =
  'the minister said that government would respond to these events today and people in Moscow watched closely while economy policy questions remained open for everyone involved'.split(' ');

/** Turns with word times laid out like conversation: 0.15–0.4 s words, short gaps, 0.25–0.75 s between turns (≈ 3 h for 3,000 turns). */
export function makeTranscript(spec: Case): Transcript {
  const next = random(spec.turns);
  const speakers = ['Ana Ruiz', 'Ben Okafor', 'Chen Li', 'Dana Weiss'].map((name, i) => ({ id: `s${i}`, name }));
  const entries: SpeechTurn[] = [];
  let time = 0.5;
  let wordsLeft = spec.words;
  let speaker = 0;
  for (let t = 0; t < spec.turns; t++) {
    const turnsLeft = spec.turns - t;
    const count = turnsLeft === 1 ? wordsLeft : Math.max(2, Math.min(wordsLeft - 2 * (turnsLeft - 1), Math.round(spec.words / spec.turns + (next() - 0.5) * 12)));
    wordsLeft -= count;
    const start = time;
    const words = [];
    for (let w = 0; w < count; w++) {
      const duration = 0.15 + next() * 0.25;
      words.push({ text: VOCABULARY[(t * 13 + w * 7) % VOCABULARY.length]! + (w === count - 1 ? '.' : ''), start: round(time), end: round(time + duration) });
      time += duration + 0.02 + next() * 0.06;
    }
    const end = words.at(-1)!.end;
    speaker = next() < 0.8 ? (speaker + 1) % speakers.length : speaker;
    entries.push({ kind: 'speech', speakerId: `s${speaker}`, start: round(start), end, words });
    time = end + 0.25 + next() * 0.5;
  }
  return { speakers, entries };
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * A 16-bit 8 kHz WAV: each word a voiced tone with a syllable envelope over
 * quiet room noise. WAV, not Opus: Chromium decodes Opus at 48 kHz, and three
 * hours of that (2 GB of floats) is more than decodeAudioData will hold.
 */
function writeAudio(transcript: Transcript, wavPath: string): number {
  const last = transcript.entries.at(-1)!;
  const seconds = (last.end ?? 0) + 1;
  const total = Math.ceil(seconds * SAMPLE_RATE);
  const fd = openSync(wavPath, 'w');
  writeSync(fd, wavHeader(total));
  const noise = random(99);
  const pitch = [120, 180, 150, 210];
  const block = SAMPLE_RATE * 600;
  const samples = new Float32Array(block);
  const pcm = new Int16Array(block);
  let first = 0;
  for (let offset = 0; offset < total; offset += block) {
    const length = Math.min(block, total - offset);
    for (let i = 0; i < length; i++) samples[i] = (noise() - 0.5) * 0.004;
    // Words are in time order: add every word that overlaps this block.
    for (let e = first; e < transcript.entries.length; e++) {
      const turn = transcript.entries[e] as SpeechTurn;
      if (turn.start! * SAMPLE_RATE >= offset + length) break;
      if (turn.end! * SAMPLE_RATE < offset) {
        first = e + 1;
        continue;
      }
      const f0 = pitch[Number(turn.speakerId!.slice(1)) % pitch.length]!;
      for (const word of turn.words) {
        const from = Math.max(offset, Math.ceil(word.start! * SAMPLE_RATE));
        const to = Math.min(offset + length, Math.floor(word.end! * SAMPLE_RATE));
        for (let n = from; n < to; n++) {
          const t = n / SAMPLE_RATE;
          const phase = (t - word.start!) / (word.end! - word.start!);
          const envelope = Math.sin(Math.PI * phase) * (0.7 + 0.3 * Math.sin(2 * Math.PI * 5 * t));
          samples[n - offset]! += 0.32 * envelope * (Math.sin(2 * Math.PI * f0 * t) + 0.5 * Math.sin(4 * Math.PI * f0 * t) + 0.25 * Math.sin(6 * Math.PI * f0 * t));
        }
      }
    }
    for (let i = 0; i < length; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 20000)));
    writeSync(fd, pcm, 0, length * 2);
  }
  closeSync(fd);
  return seconds;
}

/** RIFF header of a mono 16-bit PCM WAV of `samples` samples. */
function wavHeader(samples: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples * 2, 40);
  return header;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

interface CaseFigures {
  name: string;
  turns: number;
  words: number;
  audioSeconds: number;
  loadMs: number;
  enterMs: number[];
  regionsDrawn: number;
  longestTaskEnteringMs: number;
  pauseAnalysisMs: number;
  longestTaskAnalysingMs: number;
  frames: number[];
  /** Main-thread tasks during the drags, as thread CPU time (ms): immune to other processes' load. */
  taskCpu: number[];
  dragCpuPerFrameMs: number;
  dragChanged: boolean;
}

type BenchWindow = Window & {
  __longTasks: { start: number; duration: number }[];
  __enter: Promise<{ ms: number; regions: number; pressedAt: number; enteredAt: number }>;
  __frames: number[];
  /** Which recording loop may still push frames: a stale loop from the last drag must not. */
  __recording: number;
};

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Thread CPU time (ms) of each top-level task on the renderer's main thread(s) in a Chromium trace. */
function mainThreadTasks(trace: Buffer): number[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`) && e.tdur !== undefined).map((e) => e.tdur! / 1000);
}

/**
 * Presses E and resolves once the turn regions are in the waveform and the app is in
 * edit mode, two animation frames later (so the frame that shows them is painted).
 * Clears the page's long-task log first: what it holds afterwards started with the press.
 */
export async function pressToEnterEditor(page: Page): Promise<{ ms: number; regions: number; pressedAt: number; enteredAt: number }> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__longTasks = [];
    w.__enter = new Promise((resolve) => {
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'e') return;
        window.removeEventListener('keydown', onKey, true);
        const t0 = performance.now();
        const root = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!;
        const check = () => {
          const regions = root.querySelectorAll('[part~="turn-region"]').length;
          if (regions > 0 && document.querySelector('[data-mode="edit"]')) {
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const now = performance.now();
                resolve({ ms: now - t0, regions, pressedAt: t0, enteredAt: now });
              }),
            );
          } else {
            setTimeout(check, 0);
          }
        };
        check();
      };
      window.addEventListener('keydown', onKey, true);
    });
  });
  await page.keyboard.press('e');
  return page.evaluate(() => (window as unknown as BenchWindow).__enter);
}

/**
 * Drags the end edge of the turn region nearest the middle of the waveform by 120 px
 * (`direction` 1 right, -1 left) in 60 steps at 60 Hz; returns the animation-frame
 * intervals during the drag and whether the turn's end changed. `hooks` run just
 * before the mouse goes down and just after it is released (tracing, for one).
 */
export async function dragRegionEdge(
  page: Page,
  direction: 1 | -1,
  hooks: { started?: () => Promise<void>; finished?: () => Promise<void> } = {},
): Promise<{ frames: number[]; changed: boolean }> {
  const target = await page.evaluate(() => {
    const root = document.querySelector('[data-testid="waveform"] > div')!.shadowRoot!;
    const view = document.querySelector('[data-testid="waveform"]')!.getBoundingClientRect();
    const middle = view.left + view.width / 2;
    let best: { x: number; y: number; turn: string } | null = null;
    let bestDistance = Infinity;
    for (const region of root.querySelectorAll<HTMLElement>('[part~="turn-region"]')) {
      const handle = region.querySelector<HTMLElement>('[part~="region-handle-right"]');
      const box = handle?.getBoundingClientRect();
      if (!box || box.width === 0 || box.left < view.left + 40 || box.right > view.right - 160) continue;
      const distance = Math.abs(box.left - middle);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { x: box.left + box.width / 2, y: box.top + box.height / 2, turn: region.dataset.turn ?? '' };
      }
    }
    return best;
  });
  if (!target) throw new Error('no region edge in view to drag');
  const startBefore = await page.locator(`article[data-turn-index="${target.turn}"]`).getAttribute('data-end');
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__frames = [];
    const loop = (w.__recording ?? 0) + 1;
    w.__recording = loop;
    const tick = (now: number) => {
      if (w.__recording !== loop) return;
      w.__frames.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await hooks.started?.();
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  for (let step = 1; step <= DRAG_STEPS; step++) {
    await page.mouse.move(target.x + direction * step * 2, target.y);
    await page.waitForTimeout(FRAME_BUDGET_MS);
  }
  await page.mouse.up();
  await page.waitForTimeout(200);
  await hooks.finished?.();
  const stamps = await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__recording++;
    return w.__frames;
  });
  const frames: number[] = [];
  for (let i = 1; i < stamps.length; i++) frames.push(stamps[i]! - stamps[i - 1]!);
  const after = await page.locator(`article[data-turn-index="${target.turn}"]`).getAttribute('data-end');
  return { frames, changed: after !== startBefore };
}

async function measureCase(browser: Browser, page: Page, url: string, spec: Case, audioSeconds: number): Promise<CaseFigures> {
  const loadStart = Date.now();
  await page.goto(url);
  try {
    await page.waitForSelector('[data-turn-index]', { timeout: 120_000 });
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1, null, { timeout: 120_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="waveform"] > div')?.shadowRoot?.querySelectorAll('canvas').length ?? 0) > 0, null, {
      timeout: 300_000,
    });
  } catch (error) {
    const notices = await page.locator('.notices').textContent().catch(() => '');
    throw new Error(`${spec.name}: the page did not finish loading (notices: ${notices || 'none'})`, { cause: error });
  }
  const loadMs = Date.now() - loadStart;
  await page.waitForTimeout(1000);

  const enterMs: number[] = [];
  let regionsDrawn = 0;
  let longestTaskEnteringMs = 0;
  let pauseAnalysisMs = 0;
  let longestTaskAnalysingMs = 0;
  for (let run = 0; run < ENTER_RUNS; run++) {
    const analysisStart = Date.now();
    const entered = await pressToEnterEditor(page);
    enterMs.push(entered.ms);
    regionsDrawn = entered.regions;
    // The pause analysis runs once per audio, after the first entry.
    if (run === 0) {
      await page.getByTestId('waveform-toolbar').getByText(/pauses found|\d pauses|pauses unavailable/).waitFor({ timeout: 120_000 });
      pauseAnalysisMs = Date.now() - analysisStart;
      const tasks = await page.evaluate(() => (window as unknown as BenchWindow).__longTasks);
      // Tasks up to the regions' frame belong to the toggle; later ones run while pauses are analysed.
      const entering = tasks.filter((task) => task.start < entered.enteredAt);
      longestTaskEnteringMs = Math.max(0, ...entering.map((task) => task.duration));
      longestTaskAnalysingMs = Math.max(0, ...tasks.filter((task) => task.start >= entered.enteredAt).map((task) => task.duration));
    }
    if (run < ENTER_RUNS - 1) {
      await page.keyboard.press('e');
      await page.waitForFunction(() => document.querySelector('[data-mode="read"]') !== null);
      await page.waitForTimeout(500);
    }
  }
  await page.waitForTimeout(500);

  // Drag the end edge of the region nearest the middle of the view, back and forth.
  const frames: number[] = [];
  const taskCpu: number[] = [];
  let dragCpuMs = 0;
  let dragChanged = false;
  for (let step = 0; step < DRAGS; step++) {
    const drag = await dragRegionEdge(page, step % 2 === 0 ? 1 : -1, {
      started: () => browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] }),
      finished: async () => {
        const tasks = mainThreadTasks(await browser.stopTracing());
        taskCpu.push(...tasks);
        dragCpuMs += tasks.reduce((sum, ms) => sum + ms, 0);
      },
    });
    frames.push(...drag.frames);
    dragChanged ||= drag.changed;
  }

  return {
    name: spec.name,
    turns: spec.turns,
    words: spec.words,
    audioSeconds,
    loadMs,
    enterMs,
    regionsDrawn,
    longestTaskEnteringMs,
    pauseAnalysisMs,
    longestTaskAnalysingMs,
    frames,
    taskCpu,
    dragCpuPerFrameMs: dragCpuMs / Math.max(1, frames.length),
    dragChanged,
  };
}

function build(): { dist: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-editor-'));
  const dist = join(dir, 'dist');
  console.log(`building into ${dist} …`);
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  return { dist, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(args: string[]) {
  const distArg = args.indexOf('--dist');
  const built = distArg >= 0 ? { dist: resolve(args[distArg + 1] ?? 'dist'), cleanup: () => undefined } : build();
  if (!existsSync(join(built.dist, 'index.html'))) throw new Error(`${built.dist} has no index.html: build first or drop --dist`);
  const cache = join(tmpdir(), 'verbatim-bench-editor-media');
  mkdirSync(cache, { recursive: true });
  const served = join(built.dist, 'bench-tmp');
  mkdirSync(served, { recursive: true });
  const server = await startStaticServer(built.dist);
  const browser = await launchChromium();
  const results: CaseFigures[] = [];
  try {
    const only = process.env.BENCH_CASES?.split(',');
    for (const spec of CASES.filter((c) => !only || only.includes(c.name))) {
      const transcript = makeTranscript(spec);
      // The generator's version is in the name so a changed generator never reuses stale audio.
      const audio = join(cache, `v3-${spec.name}-${spec.turns}-${spec.words}.wav`);
      const started = Date.now();
      const audioSeconds = (transcript.entries.at(-1)!.end ?? 0) + 1;
      if (!existsSync(audio) || statSync(audio).size === 0) {
        writeAudio(transcript, audio);
        console.log(`${spec.name}: synthesised ${(audioSeconds / 3600).toFixed(2)} h of audio in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      cpSync(audio, join(served, `${spec.name}.wav`));
      writeFileSync(join(served, `${spec.name}.verbatim.json`), JSON.stringify({ format: 'verbatim', version: 1, transcript }));
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // tsx keeps function names with a `__name` helper that does not exist in the page.
      await page.addInitScript('window.__name = (fn) => fn;');
      await page.addInitScript(() => {
        const w = window as unknown as BenchWindow;
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask' });
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      results.push(await measureCase(browser, page, `${server.url}?audio=bench-tmp/${spec.name}.wav&transcript=bench-tmp/${spec.name}.verbatim.json`, spec, audioSeconds));
      if (errors.length > 0) console.log(`${spec.name}: page errors: ${errors.join(' | ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(served, { recursive: true, force: true });
    built.cleanup();
  }

  const summary = results.map((r) => {
    const sorted = [...r.frames].sort((a, b) => a - b);
    const enter = [...r.enterMs].sort((a, b) => a - b);
    return {
      case: `${r.name} (${r.turns} turns, ${r.words} words, ${(r.audioSeconds / 60).toFixed(0)} min)`,
      loadS: +(r.loadMs / 1000).toFixed(1),
      enterMedianMs: +enter[enter.length >> 1]!.toFixed(1),
      enterRunsMs: r.enterMs.map((ms) => +ms.toFixed(1)).join(' / '),
      regions: r.regionsDrawn,
      enterLongTaskMs: +r.longestTaskEnteringMs.toFixed(0),
      pausesS: +(r.pauseAnalysisMs / 1000).toFixed(1),
      pausesLongTaskMs: +r.longestTaskAnalysingMs.toFixed(0),
      frames: sorted.length,
      p50: +percentile(sorted, 0.5).toFixed(1),
      p95: +percentile(sorted, 0.95).toFixed(1),
      max: +(sorted.at(-1) ?? NaN).toFixed(1),
      over20ms: sorted.filter((ms) => ms > 20).length,
      cpuPerFrameMs: +r.dragCpuPerFrameMs.toFixed(2),
      taskCpuP95Ms: +percentile([...r.taskCpu].sort((a, b) => a - b), 0.95).toFixed(2),
      taskCpuMaxMs: +Math.max(0, ...r.taskCpu).toFixed(1),
      dragEdited: r.dragChanged,
    };
  });
  // Frame times are wall-clock: other processes on a small machine show up in them.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the run`);
  console.table(summary);
  const [base, long] = summary as [(typeof summary)[0], (typeof summary)[0] | undefined];
  if (long) console.log(
      `ratios long / baseline: enter ×${(long.enterMedianMs / base.enterMedianMs).toFixed(2)}, drag p50 ×${(long.p50 / base.p50).toFixed(2)}, p95 ×${(long.p95 / base.p95).toFixed(2)}, max ×${(long.max / base.max).toFixed(2)}`,
  );
  for (const row of summary) {
    console.log(
      `${row.case}: drag frame p95 ${row.p95} ms ${row.p95 <= FRAME_BUDGET_MS + 0.5 ? 'within' : 'OVER'} the ${FRAME_BUDGET_MS.toFixed(1)} ms budget (${row.over20ms}/${row.frames} frames over 20 ms); main thread ${row.cpuPerFrameMs} ms CPU per frame, longest task ${row.taskCpuMaxMs} ms CPU`,
    );
  }
  console.log(JSON.stringify({ budgetMs: FRAME_BUDGET_MS, loadAverage: loadavg(), cases: summary }));
}

// Run only when executed, so a profiling script can import the generators.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
