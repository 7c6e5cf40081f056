import { describeLoadError } from '../player/player.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { describeParseError } from '../transcript/parse-result.ts';
import type { Transcript } from '../transcript/model.ts';
import type { DrawablePeaks } from '../player/peaks.ts';
import { ABORTED, failed, fetchBytes, loaded, readFileBytes, type Loaded, type ReadProgress } from './load-error.ts';
import type { FileParser, ParseStage } from './parse-client.ts';

import { MAX_TRANSCRIPT_BYTES } from '../transcript/size-limit.ts';

export { MAX_TRANSCRIPT_BYTES };
const AUDIO_PROBE_TIMEOUT_MS = 20_000;

export interface LoadedTranscript {
  transcript: Transcript;
  name: string;
  formatLabel: string;
  formatId: string;
  /** The file's text, kept so the user can re-read it as another format. */
  text: string;
  /** Absolute URL it was downloaded from, if it was. */
  url?: string;
}

export interface LoadedPeaks {
  value: DrawablePeaks;
  name: string;
}

export function nameFromUrl(url: string): string {
  try {
    const path = new URL(url, globalThis.location?.href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}

export function absoluteUrlOf(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}

export function parseTranscriptText(text: string, name: string, formatId?: string): Loaded<LoadedTranscript> {
  const result = readTranscript(text, { fileName: name, ...(formatId ? { formatId } : {}) });
  if (!result.ok) return failed('parse', `${describeParseError({ ...result.error, fileName: name })}.`.replace(/\.\.$/, '.'));
  return withSpeech(loaded({ transcript: result.transcript, name, formatLabel: result.formatLabel, formatId: result.formatId, text }));
}

function withSpeech(read: Loaded<LoadedTranscript>): Loaded<LoadedTranscript> {
  if (read.ok && !read.value.transcript.entries.some((entry) => entry.kind === 'speech')) return failed('parse', `${read.value.name}: the transcript has no speech turns.`);
  return read;
}

/** Where a read is, for the loading status: bytes read, then parsing, then the page rebuilding the worker's result. */
export type ReadStage = ({ stage: 'reading' } & ReadProgress) | ParseStage;

export interface ReadTranscriptRun {
  parser: FileParser;
  signal?: AbortSignal;
  onStage?: (stage: ReadStage) => void;
  /** The audio's duration when known: times past it (plus a margin) are warned about. */
  duration?: number;
}

function parseRun(run: ReadTranscriptRun) {
  return { ...(run.signal ? { signal: run.signal } : {}), ...(run.onStage ? { onStage: run.onStage } : {}) };
}

function readOptions(run: ReadTranscriptRun) {
  return { ...(run.signal ? { signal: run.signal } : {}), ...(run.onStage ? { onProgress: (progress: ReadProgress) => run.onStage!({ stage: 'reading', ...progress }) } : {}) };
}

/** Parses a transcript file's bytes (in the parse worker when large). */
export async function parseTranscriptBytes(bytes: Uint8Array, name: string, run: ReadTranscriptRun): Promise<Loaded<LoadedTranscript>> {
  const parsed = await run.parser.transcript(bytes, { name, ...(run.duration === undefined ? {} : { duration: run.duration }) }, parseRun(run));
  if (!parsed.ok) return parsed;
  const { transcript, formatLabel, formatId, text } = parsed.value;
  return withSpeech(loaded({ transcript, name, formatLabel, formatId, text }));
}

export async function readTranscriptFile(file: File, run: ReadTranscriptRun): Promise<Loaded<LoadedTranscript>> {
  const bytes = await readFileBytes(file, { maxBytes: MAX_TRANSCRIPT_BYTES, ...readOptions(run) });
  return bytes.ok ? parseTranscriptBytes(bytes.value, file.name, run) : bytes;
}

/** A transcript's bytes from its URL, with progress, refused past the size limit. */
export function downloadTranscript(url: string, name: string, run: ReadTranscriptRun): Promise<Loaded<Uint8Array>> {
  // A large file's worker starts while the file downloads.
  return fetchBytes(url, { name, maxBytes: MAX_TRANSCRIPT_BYTES, ...readOptions(run), onSize: (total) => run.parser.expect(total) });
}

export async function parsePeaksBytes(bytes: Uint8Array, name: string, parser: FileParser, signal?: AbortSignal): Promise<Loaded<LoadedPeaks>> {
  const result = await parser.peaks(bytes, signal ? { signal } : {});
  if (result.ok) return loaded({ value: result.value, name });
  return result.error.reason === 'aborted' ? result : failed('parse', `${name}: ${result.error.message}.`);
}

export async function readPeaksFile(file: File, parser: FileParser, signal?: AbortSignal): Promise<Loaded<LoadedPeaks>> {
  const bytes = await readFileBytes(file, { maxBytes: MAX_TRANSCRIPT_BYTES, ...(signal ? { signal } : {}) });
  return bytes.ok ? parsePeaksBytes(bytes.value, file.name, parser, signal) : bytes;
}

export async function readPeaksUrl(url: string, parser: FileParser, signal?: AbortSignal): Promise<Loaded<LoadedPeaks>> {
  const name = nameFromUrl(url);
  const bytes = await fetchBytes(url, { name, maxBytes: MAX_TRANSCRIPT_BYTES, onSize: (total) => parser.expect(total), ...(signal ? { signal } : {}) });
  return bytes.ok ? parsePeaksBytes(bytes.value, name, parser, signal) : bytes;
}

/** Loads metadata in a detached element (never in the document); its duration (Infinity for a stream) when playable. Stops at once on abort. */
export function probeAudio(url: string, signal?: AbortSignal): Promise<Loaded<number>> {
  if (signal?.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve) => {
    const probe = new Audio();
    probe.preload = 'metadata';
    const finish = (result: Loaded<number>) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      probe.onloadedmetadata = null;
      probe.onerror = null;
      probe.removeAttribute('src');
      probe.load();
      resolve(result);
    };
    const onAbort = () => finish(ABORTED);
    const problem = (text: string) => finish(failed('unplayable', text));
    const timer = setTimeout(() => problem(`it did not start loading within ${AUDIO_PROBE_TIMEOUT_MS / 1000} seconds`), AUDIO_PROBE_TIMEOUT_MS);
    signal?.addEventListener('abort', onAbort);
    probe.onloadedmetadata = () => (Number.isFinite(probe.duration) || probe.duration === Infinity ? finish(loaded(probe.duration)) : problem('its duration is unknown'));
    probe.onerror = () => problem(describeLoadError(probe.error));
    probe.src = url;
  });
}
