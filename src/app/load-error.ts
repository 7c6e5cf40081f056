import { decodeText } from '../transcript/decode-text.ts';
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
  if (!response.ok) return failed('http', `${options.name} (${url}) could not be downloaded: the server answered ${response.status} ${response.statusText}.`.replace(/ \./, '.'));
  return loaded(response);
}

/** `fetchResource`, then the body as text; an abort while reading the body is an abort too. */
export async function fetchText(url: string, options: { name: string; signal?: AbortSignal; hint?: string }): Promise<Loaded<string>> {
  const response = await fetchResource(url, options);
  if (!response.ok) return response;
  try {
    return loaded(decodeText(new Uint8Array(await response.value.arrayBuffer())).text);
  } catch (error) {
    if (isAbort(error)) return ABORTED;
    return failed('network', `${options.name} (${url}) could not be downloaded completely: ${detail(error)}.`);
  }
}

/** Reads a local file as text, refusing files larger than `maxBytes` as `what`. */
export async function readFileText(file: File, options: { maxBytes: number; what: string; signal?: AbortSignal }): Promise<Loaded<string>> {
  if (file.size > options.maxBytes) return failed('too-large', `${file.name}: the file is ${Math.round(file.size / 1048576)} MB, too large for ${options.what}.`);
  try {
    const text = decodeText(new Uint8Array(await file.arrayBuffer())).text;
    return options.signal?.aborted ? ABORTED : loaded(text);
  } catch (error) {
    return failed('unreadable', `${file.name} could not be read (${detail(error)}).`);
  }
}
