import { describeLoadError } from '../player/player.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { describeParseError } from '../transcript/parse-result.ts';
import type { Transcript } from '../transcript/model.ts';
import { parsePeaks, type WaveformPeaks } from '../player/peaks.ts';
import { ABORTED, failed, fetchText, loaded, readFileText, type Loaded } from './load-error.ts';

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
  value: WaveformPeaks;
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
  if (!result.transcript.entries.some((entry) => entry.kind === 'speech')) return failed('parse', `${name}: the transcript has no speech turns.`);
  return loaded({ transcript: result.transcript, name, formatLabel: result.formatLabel, formatId: result.formatId, text });
}

export async function readTranscriptFile(file: File, signal?: AbortSignal): Promise<Loaded<LoadedTranscript>> {
  const text = await readFileText(file, { maxBytes: MAX_TRANSCRIPT_BYTES, what: 'a transcript', ...(signal ? { signal } : {}) });
  return text.ok ? parseTranscriptText(text.value, file.name) : text;
}

export async function readTranscriptUrl(url: string, name: string, signal?: AbortSignal): Promise<Loaded<LoadedTranscript>> {
  const text = await fetchText(url, { name, ...(signal ? { signal } : {}) });
  if (!text.ok) return text;
  const read = parseTranscriptText(text.value, name);
  return read.ok ? loaded({ ...read.value, url: absoluteUrlOf(url) }) : read;
}

export function parsePeaksText(text: string, name: string): Loaded<LoadedPeaks> {
  const result = parsePeaks(text);
  return result.ok ? loaded({ value: result.value, name }) : failed('parse', `${name}: ${result.message}.`);
}

export async function readPeaksUrl(url: string, signal?: AbortSignal): Promise<Loaded<LoadedPeaks>> {
  const name = nameFromUrl(url);
  const text = await fetchText(url, { name, ...(signal ? { signal } : {}) });
  return text.ok ? parsePeaksText(text.value, name) : text;
}

/** Loads metadata in a detached element (never in the document); `ok` when playable. Stops at once on abort. */
export function probeAudio(url: string, signal?: AbortSignal): Promise<Loaded<true>> {
  if (signal?.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve) => {
    const probe = new Audio();
    probe.preload = 'metadata';
    const finish = (result: Loaded<true>) => {
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
    probe.onloadedmetadata = () => (Number.isFinite(probe.duration) || probe.duration === Infinity ? finish(loaded(true)) : problem('its duration is unknown'));
    probe.onerror = () => problem(describeLoadError(probe.error));
    probe.src = url;
  });
}
