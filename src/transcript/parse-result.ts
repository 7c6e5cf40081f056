import type { Transcript } from './model.ts';

/**
 * What every importer returns. Importers never throw on bad input: they return
 * `{ ok: false, error }` with a sentence a person can act on.
 */
export interface ParseError {
  /** Format id of the importer that failed, e.g. `srt`. */
  format: string;
  fileName?: string;
  /** 1-based line of the problem, when it has one. */
  line?: number;
  /** 1-based column (or, for JSON, a path such as `segments[3].start`). */
  position?: number | string;
  /** A human sentence without the file name, e.g. `end time 00:01:02,000 is before start time 00:01:05,000`. */
  message: string;
}

export type ParseResult =
  | { ok: true; transcript: Transcript; warnings: string[] }
  | { ok: false; error: ParseError };

export interface ParseOptions {
  fileName?: string;
}

export function parseOk(transcript: Transcript, warnings: string[] = []): ParseResult {
  return { ok: true, transcript, warnings };
}

export function parseFail(error: ParseError): ParseResult {
  return { ok: false, error };
}

/** `notes.srt, line 14: end time … is before start time …` */
export function describeParseError(error: ParseError): string {
  const where: string[] = [];
  if (error.fileName) where.push(error.fileName);
  if (error.line !== undefined) where.push(`line ${error.line}`);
  else if (error.position !== undefined) where.push(String(error.position));
  return where.length > 0 ? `${where.join(', ')}: ${error.message}` : error.message;
}
