import { decodeText } from '../transcript/decode-text.ts';
import { MAX_TRANSCRIPT_BYTES, tooLargeMessage } from '../transcript/size-limit.ts';
import { timeSlicer } from './next-task.ts';
/** Why a load failed, for code; `message` says it for the user, naming the file and the problem. */
export type LoadErrorReason =
  /** A newer load replaced this one, or the user cancelled: nothing to tell. */
  | 'aborted'
  /** The download did not happen (offline, blocked by CORS, bad address). */
  | 'network'
  /** The server answered with an error status. */
  | 'http'
  | 'too-large'
  | 'empty'
  /** Not a kind of file Verbatim opens, or not the right mix of files. */
  | 'unsupported'
  /** The content could not be read as the format it claims. */
  | 'parse'
  | 'unplayable'
  /** A local file could not be read. */
  | 'unreadable';

export interface LoadError {
  reason: LoadErrorReason;
  message: string;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: LoadError };

export const loaded = <T>(value: T): Loaded<T> => ({ ok: true, value });
export const failed = (reason: LoadErrorReason, message: string): { ok: false; error: LoadError } => ({ ok: false, error: { reason, message } });
export const ABORTED = failed('aborted', 'The load was replaced by a newer one.');

export function isAbort(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

const detail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Downloads a resource and explains failures in a sentence (written once, for
 * every kind of download: transcripts, peaks, feeds). `hint` follows a network
 * failure (what the user can do instead).
 */
export async function fetchResource(url: string, options: { name: string; signal?: AbortSignal; hint?: string }): Promise<Loaded<Response>> {
  let response: Response;
  try {
    response = await fetch(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (isAbort(error)) return ABORTED;
    return failed('network', `${options.name} (${url}) could not be downloaded: ${detail(error)}.${options.hint ? ` ${options.hint}` : ''}`);
  }
  if (!response.ok) return failed('http', serverRefused(options.name, url, response));
  return loaded(response);
}

/** "talk.vtt (…) could not be downloaded: the server answered 404 Not Found." */
function serverRefused(name: string, url: string, response: Response): string {
  const status = [response.status, response.statusText].filter(Boolean).join(' ');
  return `${name} (${url}) could not be downloaded: the server answered ${status}.`;
}

/**
 * Why audio at `url` would not play when the browser says only that it cannot play it: Chromium
 * says that of a missing file too (a mistyped `?audio=`), so the server is asked for one byte and
 * an error status is named. Null when the server answers, or cannot be asked (offline, CORS, a local file).
 */
export async function audioDownloadProblem(url: string, name: string, signal?: AbortSignal): Promise<string | null> {
  if (/^(blob|data):/iu.test(url)) return null;
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-0' }, ...(signal ? { signal } : {}) });
    void response.body?.cancel().catch(() => undefined);
    // 416: an empty file has no byte 0 (the browser's own sentence about it stands).
    if (response.ok || response.status === 416) return null;
    return serverRefused(name, url, response);
  } catch {
    return null;
  }
}

/** Bytes read so far of a download or a local file; `totalBytes` null when the server does not say. */
export interface ReadProgress {
  loadedBytes: number;
  totalBytes: number | null;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Refused past this, on every path (default: the transcript limit, src/transcript/size-limit.ts). */
  maxBytes?: number;
  /** The size, as soon as it is known (a response's headers), before any bytes are read. */
  onSize?: (totalBytes: number) => void;
  onProgress?: (progress: ReadProgress) => void;
}

class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super('too large');
  }
}

/** Reads a stream to its end, reporting progress and stopping as soon as it passes `maxBytes`. */
async function readStream(stream: ReadableStream<Uint8Array>, totalBytes: number | null, maxBytes: number, options: ReadOptions): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  // Chunks already buffered arrive as microtasks, one after another in a single task: yield now and then.
  const slicer = timeSlicer();
  const cancel = () => void reader.cancel().catch(() => undefined);
  options.signal?.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      if (done) break;
      chunks.push(value);
      loadedBytes += value.byteLength;
      if (loadedBytes > maxBytes) {
        cancel();
        throw new TooLarge(totalBytes ?? loadedBytes);
      }
      if (slicer.due()) {
        options.onProgress?.({ loadedBytes, totalBytes });
        await slicer.yield();
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
  if (chunks.length === 1) return chunks[0]!;
  // Joined a slice at a time too: copying 60 MB (and faulting its pages in) is tens of milliseconds.
  const bytes = new Uint8Array(loadedBytes);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
    if (slicer.due()) {
      await slicer.yield();
      if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    }
  }
  return bytes;
}

const tooLarge = (name: string, bytes: number, limit: number) => failed('too-large', `${tooLargeMessage(name, bytes, limit)}.`);

/** `fetchResource`, then the body's bytes, with progress; refused past the size limit, before it is downloaded when the server gives its size. */
export async function fetchBytes(url: string, options: { name: string; hint?: string } & ReadOptions): Promise<Loaded<Uint8Array>> {
  const response = await fetchResource(url, options);
  if (!response.ok) return response;
  const maxBytes = options.maxBytes ?? MAX_TRANSCRIPT_BYTES;
  const length = Number(response.value.headers.get('content-length') ?? NaN);
  const totalBytes = Number.isFinite(length) && length >= 0 ? length : null;
  // A compressed response's length is the compressed size: only the bytes read are checked against the limit.
  const compressed = (response.value.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (totalBytes !== null && !compressed && totalBytes > maxBytes) {
    void response.value.body?.cancel().catch(() => undefined);
    return tooLarge(options.name, totalBytes, maxBytes);
  }
  if (totalBytes !== null) options.onSize?.(totalBytes);
  try {
    const body = response.value.body;
    const bytes = body ? await readStream(body, compressed ? null : totalBytes, maxBytes, options) : new Uint8Array(await response.value.arrayBuffer());
    if (bytes.byteLength > maxBytes) return tooLarge(options.name, bytes.byteLength, maxBytes);
    return loaded(bytes);
  } catch (error) {
    if (isAbort(error)) return ABORTED;
    if (error instanceof TooLarge) return tooLarge(options.name, error.bytes, maxBytes);
    return failed('network', `${options.name} (${url}) could not be downloaded completely: ${detail(error)}.`);
  }
}

/** `fetchBytes`, decoded as text (UTF-8 or UTF-16, see decode-text.ts). */
export async function fetchText(url: string, options: { name: string; hint?: string } & ReadOptions): Promise<Loaded<string>> {
  const bytes = await fetchBytes(url, options);
  return bytes.ok ? loaded(decodeText(bytes.value).text) : bytes;
}

/** Reads a local file, with progress; refused past `maxBytes` before any of it is read. */
export async function readFileBytes(file: File, options: ReadOptions = {}): Promise<Loaded<Uint8Array>> {
  const maxBytes = options.maxBytes ?? MAX_TRANSCRIPT_BYTES;
  if (file.size > maxBytes) return tooLarge(file.name, file.size, maxBytes);
  if (options.signal?.aborted) return ABORTED;
  try {
    const bytes = typeof file.stream === 'function' ? await readStream(file.stream(), file.size, maxBytes, options) : new Uint8Array(await file.arrayBuffer());
    return options.signal?.aborted ? ABORTED : loaded(bytes);
  } catch (error) {
    if (isAbort(error)) return ABORTED;
    if (error instanceof TooLarge) return tooLarge(file.name, error.bytes, maxBytes);
    return failed('unreadable', `${file.name} could not be read (${detail(error)}).`);
  }
}

/** Reads a local file as text, refusing files larger than `maxBytes`. */
export async function readFileText(file: File, options: ReadOptions = {}): Promise<Loaded<string>> {
  const bytes = await readFileBytes(file, options);
  return bytes.ok ? loaded(decodeText(bytes.value).text) : bytes;
}
