/**
 * Reads a transcript file for the embed. Readers load on demand: WebVTT and SRT
 * (what most publishers have) fetch only their own small reader; anything else
 * loads the app's full reader with format detection, in a chunk of its own.
 */
import type { ParseResult } from '../transcript/parse-result.ts';

const VTT = /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/u;
const SRT = /^\uFEFF?\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/u;

export type Reader = 'webvtt' | 'srt' | 'any';

/** Which reader a file needs, from its first bytes. */
export function pickReader(text: string): Reader {
  const head = text.slice(0, 200);
  if (VTT.test(head)) return 'webvtt';
  if (SRT.test(head)) return 'srt';
  return 'any';
}

export async function readTranscriptText(text: string, fileName?: string): Promise<ParseResult> {
  const reader = pickReader(text);
  if (reader === 'webvtt') return (await import('../transcript/formats/webvtt.ts')).webvttFormat.parse(text, { fileName });
  if (reader === 'srt') return (await import('../transcript/formats/srt.ts')).srtFormat.parse(text, { fileName });
  return (await import('../transcript/read-transcript.ts')).readTranscript(text, { fileName });
}

/** The last path segment of a URL, for error messages and extension tie-breaks. */
export function fileNameOf(url: string): string {
  return decodeURIComponent(url.split(/[?#]/u)[0]!.replace(/^.*\//u, '')) || url;
}

export async function fetchTranscript(url: string, base: string, signal: AbortSignal): Promise<ParseResult> {
  const response = await fetch(new URL(url, base), { signal });
  if (!response.ok) throw new Error(`could not load ${fileNameOf(url)} (HTTP ${response.status})`);
  return readTranscriptText(await response.text(), fileNameOf(url));
}
