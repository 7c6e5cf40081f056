/**
 * The page test/e2e/align-browser.mjs drives: runs the real alignment client
 * (and through it the real worker, engine and model files of the build) and
 * reports word times, progress, accuracy against a timed transcript and the
 * longest main-thread task. Built only with VERBATIM_E2E_HARNESS=1.
 */
import { createAlignClient, type AlignClientProgress, type AlignInput } from '../../src/align/align-client.ts';
import { decodeAudioFile } from '../../src/align/browser-decode.ts';
import type { Entry, Transcript } from '../../src/transcript/model.ts';

interface CheckParams {
  audioUrl: string;
  /** A Verbatim JSON document (or bare transcript) whose times are the ground truth. */
  transcriptUrl: string;
  /** Align only the entries that end before this many seconds, on audio cut there. */
  seconds?: number;
  /** Cancel the job when it first reports aligning progress; the check then reports how cancelling went. */
  cancelWhileAligning?: boolean;
}

interface TimedProgress extends AlignClientProgress {
  atMs: number;
}

const longTasks: { startMs: number; durationMs: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const client = createAlignClient();

async function runAlignCheck(params: CheckParams): Promise<unknown> {
  const [audioBlob, document] = await Promise.all([
    fetch(params.audioUrl).then(expectOk).then((response) => response.blob()),
    fetch(params.transcriptUrl).then(expectOk).then((response) => response.json() as Promise<{ transcript?: Transcript } & Transcript>),
  ]);
  let truth: Transcript = document.transcript ?? document;
  const startedAt = performance.now();
  let input: AlignInput = audioBlob;
  let audioSec: number | undefined;
  if (params.seconds !== undefined) {
    const cut = cutPoint(truth, params.seconds);
    truth = { ...truth, entries: truth.entries.filter((entry) => (entry.end ?? Infinity) <= cut) };
    const pcm = await decodeAudioFile(audioBlob);
    input = { samples: pcm.samples.slice(0, Math.round(cut * pcm.sampleRate)), sampleRate: pcm.sampleRate };
    audioSec = cut;
  }
  const progress: TimedProgress[] = [];
  const heartbeat = startHeartbeat();
  const jobStartMs = performance.now() - startedAt;
  let aligningStarted: () => void = () => undefined;
  const aligning = new Promise<void>((resolve) => (aligningStarted = resolve));
  const job = client.align(input, untimed(truth), {
    language: truth.language ?? 'en',
    onProgress: (event) => {
      progress.push({ ...event, atMs: performance.now() - startedAt });
      if (event.stage === 'aligning') aligningStarted();
    },
  });
  if (params.cancelWhileAligning) return checkCancel(job, aligning, startedAt, heartbeat);

  let outcome;
  try {
    outcome = await job.promise;
  } catch (error) {
    heartbeat.stop();
    return { ok: false, error: error instanceof Error ? error.message : String(error), progress: summarize(progress) };
  }
  const totalMs = performance.now() - startedAt;
  const maxGapMs = heartbeat.stop();
  // Measured after the run, so this second decode does not disturb the timings.
  const decodedSec = async () => decodeAudioFile(audioBlob).then((pcm) => pcm.samples.length / pcm.sampleRate);
  const durationSec: number = audioSec ?? (await decodedSec());
  const aligned = outcome.transcript;
  const stageStart = (stage: string) => progress.find((event) => event.stage === stage)?.atMs ?? null;
  return {
    ok: true,
    audioSec: durationSec,
    totalMs,
    xRealtime: (durationSec * 1000) / totalMs,
    jobStartMs: Math.round(jobStartMs),
    stageStartMs: { 'decoding audio': stageStart('decoding audio'), 'loading model': stageStart('loading model'), aligning: stageStart('aligning') },
    progress: summarize(progress),
    progressMonotonic: progress.every((event, index) => index === 0 || event.fraction >= (progress[index - 1]?.fraction ?? 0)),
    largestAligningStep: largestAligningStep(progress, durationSec),
    longestTaskMs: longestTask(startedAt, startedAt + totalMs),
    longTasks: longTasks
      .filter((task) => task.startMs + task.durationMs >= startedAt)
      .map((task) => ({ atMs: Math.round(task.startMs - startedAt), durationMs: Math.round(task.durationMs) })),
    maxHeartbeatGapMs: maxGapMs,
    estimated: outcome.estimated,
    warnings: outcome.warnings,
    lowConfidence: outcome.lowConfidence,
    errors: compare(truth, aligned),
    words: aligned.entries.flatMap((entry) =>
      entry.kind === 'speech' ? entry.words.map((word) => [word.text, round(word.start), round(word.end)]) : [],
    ),
    turns: aligned.entries.map((entry) => [entry.kind, round(entry.start), round(entry.end), entry.kind === 'speech' ? round(entry.confidence) : null]),
  };
}

async function checkCancel(
  job: { promise: Promise<unknown>; cancel(): void },
  aligning: Promise<void>,
  startedAt: number,
  heartbeat: { stop(): number },
): Promise<unknown> {
  await aligning;
  const cancelledAt = performance.now();
  job.cancel();
  const result = await job.promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof DOMException ? error.name : String(error)),
  );
  const settleMs = performance.now() - cancelledAt;
  const maxGapMs = heartbeat.stop();
  return {
    ok: result === 'AbortError',
    result,
    cancelledAtMs: Math.round(cancelledAt - startedAt),
    settleMs,
    longestTaskMs: longestTask(startedAt, performance.now()),
    maxHeartbeatGapMs: maxGapMs,
  };
}

/** The end of the last entry that ends before `seconds`, plus the pause after it (at most 0.5 s). */
function cutPoint(transcript: Transcript, seconds: number): number {
  const entries = transcript.entries;
  let cut = 0;
  for (const [index, entry] of entries.entries()) {
    if (entry.end === undefined || entry.end > seconds) break;
    const next = entries[index + 1]?.start ?? entry.end + 0.5;
    cut = Math.min(entry.end + 0.5, next);
  }
  if (cut === 0) throw new Error(`no entry ends before ${seconds} s`);
  return cut;
}

function untimed(transcript: Transcript): Transcript {
  const strip = (entry: Entry): Entry =>
    entry.kind === 'speech'
      ? { kind: 'speech', speakerId: entry.speakerId, words: entry.words.map((word) => ({ text: word.text })) }
      : { kind: 'event', text: entry.text };
  return { ...transcript, entries: transcript.entries.map(strip) };
}

function compare(truth: Transcript, aligned: Transcript) {
  const turnErrors: number[] = [];
  const wordErrors: number[] = [];
  let wordsWithoutTime = 0;
  truth.entries.forEach((expected, index) => {
    const actual = aligned.entries[index];
    if (actual === undefined || expected.kind !== 'speech' || actual.kind !== 'speech') return;
    if (expected.start !== undefined && actual.start !== undefined) turnErrors.push(Math.abs(expected.start - actual.start) * 1000);
    expected.words.forEach((word, wordIndex) => {
      const got = actual.words[wordIndex];
      if (got?.start === undefined) wordsWithoutTime++;
      else if (word.start !== undefined) wordErrors.push(Math.abs(word.start - got.start) * 1000);
    });
  });
  return { turns: stats(turnErrors), words: stats(wordErrors), wordsWithoutTime };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    count: sorted.length,
    medianMs: Math.round(at(0.5)),
    p90Ms: Math.round(at(0.9)),
    maxMs: Math.round(sorted[sorted.length - 1] ?? NaN),
    within100: sorted.filter((value) => value <= 100).length / Math.max(1, sorted.length),
  };
}

/**
 * The largest step between two progress events while windows are decoded, in seconds of audio,
 * and the fraction it ends at: the aligning stage is 0.15..1 of the client's fraction, and its
 * windows are decoded over 0.06..0.95 of it, in proportion to the audio.
 */
function largestAligningStep(progress: TimedProgress[], durationSec: number): { sec: number; at: number } {
  const decoding = (fraction: number) => (fraction - 0.15) / 0.85;
  const fractions = progress.filter((event) => event.stage === 'aligning').map((event) => decoding(event.fraction));
  let largest = { sec: 0, at: 0 };
  fractions.forEach((fraction, i) => {
    const before = fractions[i - 1];
    if (before === undefined || before < 0.06 - 1e-9 || fraction > 0.95 + 1e-9) return;
    const sec = ((fraction - before) / 0.89) * durationSec;
    if (sec > largest.sec) largest = { sec: Math.round(sec * 10) / 10, at: Math.round(fraction * 1000) / 1000 };
  });
  return largest;
}

/** Progress as stage changes plus every tenth event, so the report stays readable. */
function summarize(progress: TimedProgress[]) {
  return {
    events: progress.length,
    sample: progress
      .filter((event, index) => index % 10 === 0 || event.stage !== progress[index - 1]?.stage || index === progress.length - 1)
      .map((event) => ({
        stage: event.stage,
        fraction: round(event.fraction),
        etaSec: event.etaSec === null ? null : round(event.etaSec),
        atMs: Math.round(event.atMs),
      })),
  };
}

function longestTask(fromMs: number, toMs: number): number {
  return Math.round(
    Math.max(0, ...longTasks.filter((task) => task.startMs + task.durationMs >= fromMs && task.startMs <= toMs).map((task) => task.durationMs)),
  );
}

/** A 10 ms interval timer; its largest gap is how long the page could not react. */
function startHeartbeat(): { stop(): number } {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(maxGap);
    },
  };
}

function expectOk(response: Response): Response {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${response.statusText}`);
  return response;
}

function round(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 1000) / 1000;
}

declare global {
  interface Window {
    runAlignCheck: typeof runAlignCheck;
  }
}
window.runAlignCheck = runAlignCheck;
document.getElementById('log')!.textContent = 'ready';
