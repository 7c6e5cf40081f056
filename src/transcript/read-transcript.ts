/**
 * The one entry point for opening a transcript file of any known format:
 * detect the format (or take the caller's choice), then parse.
 */
import { detectFormat } from './formats/detect-format.ts';
import type { ImportFormat } from './formats/format-spec.ts';
import { parseJsonText } from './formats/json-text.ts';
import { FALLBACK_IMPORT_FORMAT_ID, findImportFormat, importFormats } from './formats/registry.ts';
import { checkImportTimes } from './check-import-times.ts';
import type { ParseResult } from './parse-result.ts';

export interface ReadTranscriptOptions {
  fileName?: string;
  /** Skip detection and read as this importer id (the "open as…" override). */
  formatId?: string;
  /** The audio's duration in seconds when known: times past it (plus a margin) are warned about. */
  duration?: number;
}

export type ReadTranscriptResult = ParseResult & { formatId: string; formatLabel: string };

function failure(formatId: string, formatLabel: string, message: string, fileName?: string): ReadTranscriptResult {
  return { ok: false, error: { format: formatId, fileName, message }, formatId, formatLabel };
}

/** Refuses impossible times (naming the line), warns about overlaps and times past the audio. */
function checkTimes(result: ReadTranscriptResult, text: string, fileName?: string, duration?: number): ReadTranscriptResult {
  if (!result.ok) return result;
  const check = checkImportTimes(result.transcript, { text, ...(duration === undefined ? {} : { duration }) });
  const [first, ...rest] = check.errors;
  if (first) {
    const more = rest.length > 0 ? ` (and ${rest.length} more impossible ${rest.length === 1 ? 'time' : 'times'})` : '';
    return {
      ok: false,
      error: { format: result.formatId, ...(fileName === undefined ? {} : { fileName }), ...(first.line === undefined ? {} : { line: first.line }), message: `${first.message}${more}` },
      formatId: result.formatId,
      formatLabel: result.formatLabel,
    };
  }
  return check.warnings.length > 0 ? { ...result, warnings: [...result.warnings, ...check.warnings] } : result;
}

function parseWith(format: ImportFormat, text: string, fileName?: string, duration?: number): ReadTranscriptResult {
  return checkTimes(parseUnchecked(format, text, fileName), text, fileName, duration);
}

function parseUnchecked(format: ImportFormat, text: string, fileName?: string): ReadTranscriptResult {
  let result: ParseResult;
  try {
    result = format.parse(text, { fileName });
  } catch (error) {
    // Importers must not throw; if one does, the user still gets a sentence instead of a crash.
    const reason = error instanceof Error ? error.message : String(error);
    result = { ok: false, error: { format: format.id, fileName, message: `the ${format.label} reader failed: ${reason}` } };
  }
  return { ...result, formatId: format.id, formatLabel: format.label };
}

export function readTranscript(text: string, options: ReadTranscriptOptions = {}): ReadTranscriptResult {
  const { fileName, formatId, duration } = options;
  if (formatId !== undefined) {
    const format = findImportFormat(formatId);
    if (!format) {
      const known = importFormats.map((candidate) => candidate.id).join(', ');
      return failure(formatId, formatId, `unknown format "${formatId}" (known formats: ${known})`, fileName);
    }
    return parseWith(format, text, fileName, duration);
  }

  if (text.replace(/^\uFEFF/u, '').trim().length === 0) return failure('unknown', 'Unknown', 'the file is empty', fileName);

  const detection = detectFormat(text, fileName);
  // Plain text claims almost anything; JSON that no JSON importer recognises is better
  // reported as JSON than read as prose.
  const best = detection.best?.format.id === FALLBACK_IMPORT_FORMAT_ID && (detection.brokenJson || detection.json !== undefined)
    ? undefined
    : detection.best;
  if (best) return parseWith(best.format, text, fileName, duration);

  if (detection.brokenJson) {
    const json = parseJsonText(text, 'json', { fileName });
    if (!json.ok) return { ...json, formatId: 'json', formatLabel: 'JSON' };
  }
  if (detection.json !== undefined) {
    return failure('json', 'JSON', 'this JSON is not a transcript format Verbatim knows', fileName);
  }
  const fallback = findImportFormat(FALLBACK_IMPORT_FORMAT_ID);
  if (!fallback) return failure('unknown', 'Unknown', 'the format of this file was not recognised', fileName);
  return parseWith(fallback, text, fileName, duration);
}
