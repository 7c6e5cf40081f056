import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transcript } from '../transcript/model.ts';
import { createAlignClient, progressReporter, type AlignClientProgress } from './align-client.ts';
import type { AlignRequest, AlignResponse } from './align-messages.ts';
import type { AlignOutcome } from './align-outcome.ts';

/**
 * The client's side of the protocol, against a scripted worker. The real
 * worker, engine and models are exercised in Chromium by test/e2e/align-browser.mjs.
 */
class ScriptedWorker {
  sent: { message: AlignRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<AlignResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: AlignRequest, transfer: Transferable[] = []): void {
    this.sent.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: AlignResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<AlignResponse>);
  }
  types(): string[] {
    return this.sent.map(({ message }) => message.type);
  }
}

const transcript: Transcript = {
  speakers: [],
  entries: [{ kind: 'speech', speakerId: null, words: [{ text: 'hello' }, { text: 'world' }] }],
  language: 'en',
};

function outcomeOf(input: Transcript): AlignOutcome {
  return { transcript: input, lowConfidence: [], estimated: false, warnings: [] };
}

function setup(cancelGraceMs = 1000) {
  const workers: ScriptedWorker[] = [];
  const client = createAlignClient({
    modelBaseUrl: 'https://example.test/align-model/',
    cancelGraceMs,
    createWorker: () => {
      const worker = new ScriptedWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { client, workers };
}

function pcm(seconds = 1) {
  return { samples: new Float32Array(16000 * seconds), sampleRate: 16000 };
}

/** Lets the client's decode step (a resolved promise for PCM input) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('createAlignClient', () => {
  it('starts no worker until the first alignment', () => {
    const { workers } = setup();
    expect(workers).toHaveLength(0);
  });

  it('prepares the model, then sends the audio by transfer and resolves with the outcome', async () => {
    const { client, workers } = setup();
    const audio = pcm();
    const job = client.align(audio, transcript);
    await settle();
    const worker = workers[0]!;
    expect(worker.types()).toEqual(['prepare', 'align']);
    const [prepare, align] = worker.sent;
    expect(prepare!.message).toMatchObject({ language: 'en', modelBaseUrl: 'https://example.test/align-model/' });
    expect(align!.transfer).toEqual([audio.samples.buffer]);
    const id = align!.message.id;
    worker.reply({ type: 'done', id, outcome: outcomeOf(transcript) });
    await expect(job.promise).resolves.toEqual(outcomeOf(transcript));
  });

  it('passes an explicit language over the transcript language', async () => {
    const { client, workers } = setup();
    client.align(pcm(), transcript, { language: 'fr-CA' });
    await settle();
    expect(workers[0]!.sent.map(({ message }) => 'language' in message && message.language)).toEqual(['fr-CA', 'fr-CA']);
  });

  it('reports progress as one growing fraction with the furthest stage', async () => {
    const { client, workers } = setup();
    const events: AlignClientProgress[] = [];
    client.align(pcm(), transcript, { onProgress: (event) => events.push(event) });
    await settle();
    const worker = workers[0]!;
    const id = worker.sent[0]!.message.id;
    worker.reply({ type: 'progress', id, stage: 'loading model', fraction: 0.5 });
    worker.reply({ type: 'progress', id, stage: 'aligning', fraction: 0.5 });
    worker.reply({ type: 'progress', id, stage: 'loading model', fraction: 1 });
    const fractions = events.map((event) => event.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)!.stage).toBe('aligning');
    expect(events.at(-1)!.fraction).toBeGreaterThan(0.5);
    expect(events.at(-1)!.fraction).toBeLessThan(1);
  });

  it('rejects with the worker error message', async () => {
    const { client, workers } = setup();
    const job = client.align(pcm(), transcript);
    await settle();
    const id = workers[0]!.sent[1]!.message.id;
    workers[0]!.reply({ type: 'error', id, message: 'no words could be matched' });
    await expect(job.promise).rejects.toThrow('no words could be matched');
  });

  it('cancelled before the audio is sent: rejects at once and sends no audio', async () => {
    const { client, workers } = setup();
    const job = client.align(pcm(), transcript);
    job.cancel();
    await expect(job.promise).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(workers[0]!.types()).toEqual(['prepare']);
  });

  it('cancelled while aligning: rejects at once, tells the worker, keeps a worker that acknowledges', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup();
    const job = client.align(pcm(), transcript);
    await vi.advanceTimersByTimeAsync(0);
    const worker = workers[0]!;
    const id = worker.sent[1]!.message.id;
    job.cancel();
    await expect(job.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.sent.at(-1)!.message).toEqual({ type: 'cancel', id });
    worker.reply({ type: 'cancelled', id });
    await vi.advanceTimersByTimeAsync(5000);
    expect(worker.terminated).toBe(false);
  });

  it('replaces a worker that does not acknowledge a cancel, failing its other jobs', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup(500);
    const first = client.align(pcm(), transcript);
    const second = client.align(pcm(), transcript);
    first.promise.catch(() => undefined);
    second.promise.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    first.cancel();
    await expect(first.promise).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(499);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(workers[0]!.terminated).toBe(true);
    await expect(second.promise).rejects.toThrow(/restarted/u);
    client.align(pcm(), transcript);
    expect(workers).toHaveLength(2);
  });

  it('ignores messages for a job after it settled', async () => {
    const { client, workers } = setup();
    const events: AlignClientProgress[] = [];
    const job = client.align(pcm(), transcript, { onProgress: (event) => events.push(event) });
    await settle();
    const id = workers[0]!.sent[1]!.message.id;
    workers[0]!.reply({ type: 'done', id, outcome: outcomeOf(transcript) });
    const count = events.length;
    workers[0]!.reply({ type: 'progress', id, stage: 'aligning', fraction: 0.9 });
    workers[0]!.reply({ type: 'error', id, message: 'late' });
    await expect(job.promise).resolves.toBeDefined();
    expect(events).toHaveLength(count);
  });

  it('fails pending jobs when the worker crashes and starts a new worker next time', async () => {
    const { client, workers } = setup();
    const job = client.align(pcm(), transcript);
    await settle();
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(job.promise).rejects.toThrow('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    client.align(pcm(), transcript);
    expect(workers).toHaveLength(2);
  });

  it('dispose terminates the worker and rejects pending jobs', async () => {
    const { client, workers } = setup();
    const job = client.align(pcm(), transcript);
    await settle();
    client.dispose();
    await expect(job.promise).rejects.toThrow(/disposed/u);
    expect(workers[0]!.terminated).toBe(true);
  });
});

describe('progressReporter', () => {
  function recorder() {
    let clock = 0;
    const events: AlignClientProgress[] = [];
    const report = progressReporter((event) => events.push(event), () => clock);
    return { events, report, advance: (ms: number) => (clock += ms) };
  }

  it('has no time estimate before aligning starts', () => {
    const { events, report } = recorder();
    report('decoding audio', 0.5);
    report('loading model', 0.5);
    expect(events.map((event) => event.etaSec)).toEqual([null, null]);
  });

  it('extrapolates the time left from the aligning pace', () => {
    const { events, report, advance } = recorder();
    report('aligning', 0);
    advance(2000);
    report('aligning', 0.25);
    expect(events.at(-1)!.etaSec).toBeCloseTo(6, 5);
    advance(2000);
    report('aligning', 0.5);
    expect(events.at(-1)!.etaSec).toBeCloseTo(4, 5);
    report('aligning', 1);
    expect(events.at(-1)).toEqual({ fraction: 1, etaSec: 0, stage: 'aligning' });
  });

  it('never goes backwards', () => {
    const { events, report } = recorder();
    report('aligning', 0.6);
    report('aligning', 0.4);
    report('loading model', 1);
    expect(events.map((event) => event.fraction)).toEqual([events[0]!.fraction, events[0]!.fraction, events[0]!.fraction]);
  });

  describe('inside a decoder pass', () => {
    function passRecorder() {
      let clock = 0;
      let tick: (() => void) | undefined;
      const events: AlignClientProgress[] = [];
      const report = progressReporter(
        (event) => events.push(event),
        () => clock,
        (_ms, run) => {
          tick = run;
          return () => (tick = undefined);
        },
      );
      /** Moves the clock on in 50 ms steps, ticking like the interval would. */
      const run = (ms: number) => {
        for (let t = 0; t < ms; t += 50) {
          clock += 50;
          tick?.();
        }
      };
      return { events, report, run, ticking: () => tick !== undefined };
    }
    const aligning = (fraction: number) => 0.15 + 0.85 * fraction;

    it('moves on at the pace measured on the previous pass, stops short of the pass end, and jumps to the real report', () => {
      const { events, report, run } = passRecorder();
      report('aligning', 0, { fraction: 0.2, audioSeconds: 25 });
      run(1000); // the first pass: 25 s of audio in 1 s
      report('aligning', 0.2, { fraction: 0.4, audioSeconds: 25 });
      const before = events.length;
      run(500); // half of the 1 s this pass should take
      const inside = events.slice(before).map((event) => event.fraction);
      expect(inside.length).toBe(10);
      expect(inside.at(-1)).toBeCloseTo(aligning(0.3), 5);
      run(2000); // a slow pass: held short of its end
      expect(events.at(-1)!.fraction).toBeCloseTo(aligning(0.2 + 0.9 * 0.2), 5);
      report('aligning', 0.37);
      expect(events.at(-1)!.fraction).toBeCloseTo(aligning(0.2 + 0.9 * 0.2), 5);
      report('aligning', 0.41);
      expect(events.at(-1)!.fraction).toBeCloseTo(aligning(0.41), 5);
      const fractions = events.map((event) => event.fraction);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    });

    it('shows a 25 s window at least every 5 s of its audio', () => {
      const { events, report, run } = passRecorder();
      report('aligning', 0, { fraction: 0.25, audioSeconds: 25 });
      run(300);
      report('aligning', 0.25, { fraction: 0.5, audioSeconds: 25 });
      const before = events.length;
      run(300);
      report('aligning', 0.5);
      const seen = events.slice(before - 1).map((event) => event.fraction);
      const steps = seen.slice(1).map((value, i) => value - (seen[i] as number));
      // 0.25 of the aligning stage is 25 s of audio here.
      const audioSteps = steps.map((step) => (step / (0.85 * 0.25)) * 25);
      expect(audioSteps.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...audioSteps)).toBeLessThanOrEqual(5);
    });

    it('stops ticking when the pass ends or the job settles', () => {
      const { report, run, ticking } = passRecorder();
      report('aligning', 0, { fraction: 0.2, audioSeconds: 25 });
      expect(ticking()).toBe(true);
      report('aligning', 0.2);
      expect(ticking()).toBe(false);
      report('aligning', 0.2, { fraction: 0.4, audioSeconds: 25 });
      run(50);
      report.stop();
      expect(ticking()).toBe(false);
    });
  });
});

