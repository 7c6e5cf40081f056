import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/app-store.ts';
import { createFakePlayer } from '../../test/support/fake-player.ts';
import { createSessionLoader } from './session-loader.ts';
import { createFileParser } from './parse-client.ts';

const VTT = (text: string) => `WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>${text}\n`;

/** fetch that answers each URL when the test says so, and records the signal it was given. */
function controlledFetch() {
  const calls = new Map<string, { resolve: (body: string) => void; signal: AbortSignal | undefined }>();
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.set(url, { resolve: (body) => resolve(new Response(body, { status: 200 })), signal });
    });
  });
  return calls;
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

afterEach(() => vi.unstubAllGlobals());

describe('session loader', () => {
  it('a new load aborts the one in flight: the last load started is the one that opens, whatever finishes first', async () => {
    const calls = controlledFetch();
    const store = createAppStore();
    const loader = createSessionLoader(createFakePlayer(), store);
    const first = loader.load({ kind: 'urls', urls: { transcript: 'https://x.test/first.vtt' } });
    await flush();
    const second = loader.load({ kind: 'urls', urls: { transcript: 'https://x.test/second.vtt' } });
    await flush();
    expect(calls.get('https://x.test/first.vtt')?.signal?.aborted).toBe(true);
    calls.get('https://x.test/second.vtt')!.resolve(VTT('Second.'));
    expect(await second).toMatchObject({ ok: true });
    expect(await first).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(store.getState().transcriptName).toBe('second.vtt');
    expect(store.getState().transcriptUrl).toBe('https://x.test/second.vtt');
    // An abort is not the user's problem: no notice.
    expect(store.getState().notices.filter((notice) => notice.kind === 'error')).toEqual([]);
  });

  it('a caller’s signal cancels its own load', async () => {
    const calls = controlledFetch();
    const store = createAppStore();
    const loader = createSessionLoader(createFakePlayer(), store);
    const controller = new AbortController();
    const pending = loader.load({ kind: 'urls', urls: { transcript: 'https://x.test/a.vtt' } }, { signal: controller.signal });
    await flush();
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(calls.get('https://x.test/a.vtt')?.signal?.aborted).toBe(true);
    expect(store.getState().sessionId).toBe(0);
  });

  it('failures come back typed, with the sentence shown to the user', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    const store = createAppStore();
    const loader = createSessionLoader(createFakePlayer(), store);
    const result = await loader.load({ kind: 'urls', urls: { transcript: 'https://x.test/gone.vtt' } });
    expect(result).toEqual({ ok: false, error: { reason: 'http', message: 'gone.vtt (https://x.test/gone.vtt) could not be downloaded: the server answered 404 Not Found.' } });
    expect(store.getState().notices[0]?.text).toBe(result.ok ? '' : result.error.message);
    expect(await loader.load({ kind: 'text', text: '   ', name: 'Pasted' })).toMatchObject({ ok: false, error: { reason: 'empty' } });
    expect(await loader.load({ kind: 'files', files: [new File(['x'], 'notes.xyz')] })).toMatchObject({ ok: false, error: { reason: 'unsupported' } });
  });

  it('Cancel stops a read in the parse worker and leaves the open session as it was', async () => {
    const workers: { terminated: boolean }[] = [];
    const createWorker = () => {
      const record = { terminated: false };
      workers.push(record);
      return { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => (record.terminated = true) } as unknown as Worker;
    };
    const store = createAppStore();
    const loader = createSessionLoader(createFakePlayer(), store, { parser: createFileParser({ createWorker, thresholdBytes: 200 }) });
    // Small: read on the main thread.
    expect(await loader.load({ kind: 'text', text: VTT('First.'), name: 'first.vtt' })).toMatchObject({ ok: true });
    expect(workers).toHaveLength(0);
    const opened = { ...store.getState() };
    // Large: read in a worker, which never answers here; the read waits in it until cancelled.
    const pending = loader.load({ kind: 'text', text: VTT('Second. '.repeat(40)), name: 'second.vtt' });
    await flush();
    expect(store.getState().loading).toMatchObject({ name: 'second.vtt', stage: 'parsing' });
    loader.cancel();
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(workers.at(-1)?.terminated).toBe(true);
    expect(store.getState()).toMatchObject({ loading: null, sessionId: opened.sessionId, transcript: opened.transcript, transcriptName: opened.transcriptName });
    expect(store.getState().notices.filter((notice) => notice.kind === 'error')).toEqual([]);
  });

  it('reads a transcript with the open audio’s duration, so its times are checked against it', async () => {
    const store = createAppStore();
    const real = createFileParser({ createWorker: null });
    const asked: (number | undefined)[] = [];
    const parser = { ...real, transcript: (bytes: Uint8Array, options: { name: string; duration?: number }) => (asked.push(options.duration), real.transcript(bytes, options)) };
    const loader = createSessionLoader(createFakePlayer(100), store, { parser });
    expect(await loader.load({ kind: 'text', text: VTT('Before any audio.'), name: 'a.vtt' })).toMatchObject({ ok: true });
    store.setState({ audioUrl: 'blob:audio', audioName: 'talk.mp3' });
    const late = 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello.\n\n00:10:00.000 --> 00:10:02.000\n<v Ann>Much later.\n';
    const result = await loader.load({ kind: 'text', text: late, name: 'late.vtt' });
    expect(asked).toEqual([undefined, 100]);
    expect(result).toMatchObject({ ok: true });
    expect(store.getState().transcriptName).toBe('late.vtt');
  });
});
