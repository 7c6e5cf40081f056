import { afterEach, describe, expect, it, vi } from 'vitest';
import { audioDownloadProblem, fetchBytes, readFileBytes } from './load-error.ts';

afterEach(() => vi.unstubAllGlobals());

/** A body of `chunks` chunks of `size` bytes, with or without a Content-Length. */
function respondWith(chunks: number, size: number, withLength: boolean) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(65));
      else controller.close();
    },
  });
  vi.stubGlobal('fetch', async () => new Response(body, { headers: withLength ? { 'content-length': String(chunks * size) } : {} }));
  return () => sent;
}

describe('reading with a size limit', () => {
  it('refuses a download the server says is too large before reading its body', async () => {
    const pulled = respondWith(100, 1024, true);
    const result = await fetchBytes('https://x.test/big.vtt', { name: 'big.vtt', maxBytes: 10_000 });
    expect(result).toEqual({ ok: false, error: { reason: 'too-large', message: 'big.vtt is 100 KB, more than the 9.8 KB Verbatim reads for a transcript.' } });
    expect(pulled()).toBeLessThan(3);
  });

  it('stops a download of unknown size as soon as it passes the limit', async () => {
    const pulled = respondWith(100, 1024, false);
    const result = await fetchBytes('https://x.test/big.vtt', { name: 'big.vtt', maxBytes: 10_000 });
    expect(result).toMatchObject({ ok: false, error: { reason: 'too-large' } });
    expect(pulled()).toBeLessThan(15);
  });

  it('reads a download within the limit whole', async () => {
    respondWith(4, 1000, true);
    const result = await fetchBytes('https://x.test/ok.vtt', { name: 'ok.vtt', maxBytes: 10_000 });
    expect(result.ok && result.value.byteLength).toBe(4000);
  });

  it('refuses a local file over the limit by its size', async () => {
    const file = new File([new Uint8Array(2048)], 'big.txt');
    expect(await readFileBytes(file, { maxBytes: 1024 })).toMatchObject({ ok: false, error: { reason: 'too-large', message: 'big.txt is 2 KB, more than the 1 KB Verbatim reads for a transcript.' } });
  });
});

describe('asking the server why audio did not play', () => {
  it('names an error status, asking for one byte only', async () => {
    const asked: (RequestInit | undefined)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      asked.push(init);
      return new Response('gone', { status: 404, statusText: 'Not Found' });
    });
    expect(await audioDownloadProblem('https://x.test/talk.mp3', 'talk.mp3')).toBe('talk.mp3 (https://x.test/talk.mp3) could not be downloaded: the server answered 404 Not Found.');
    expect(new Headers(asked[0]?.headers).get('range')).toBe('bytes=0-0');
  });

  it('says nothing when the server answers, cannot be reached, or the audio is a local file', async () => {
    vi.stubGlobal('fetch', async () => new Response('x', { status: 206 }));
    expect(await audioDownloadProblem('https://x.test/talk.mp3', 'talk.mp3')).toBeNull();
    // An empty file: no byte 0 to send.
    vi.stubGlobal('fetch', async () => new Response('', { status: 416, statusText: 'Range Not Satisfiable' }));
    expect(await audioDownloadProblem('https://x.test/empty.mp3', 'empty.mp3')).toBeNull();
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await audioDownloadProblem('https://x.test/talk.mp3', 'talk.mp3')).toBeNull();
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    expect(await audioDownloadProblem('blob:https://x.test/1', 'talk.mp3')).toBeNull();
    expect(fetched).not.toHaveBeenCalled();
  });
});
