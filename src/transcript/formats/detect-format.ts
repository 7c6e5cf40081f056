import type { ImportFormat } from './format-spec.ts';
import { BROKEN_JSON } from './json-shape.ts';
import { importFormats } from './registry.ts';

export interface FormatScore {
  format: ImportFormat;
  score: number;
}

export interface Detection {
  /** Best match, or `undefined` when every importer scored 0. */
  best: FormatScore | undefined;
  /** Every importer's score, best first. */
  ranked: FormatScore[];
  /** The parsed JSON value when the text is JSON (parsed once for every detector). */
  json: unknown;
  /** The text looks like JSON (starts with `{` or a list) but did not parse. */
  brokenJson: boolean;
}

/** Lower-case extension of a file name without the dot, or `''`. */
export function fileExtension(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** `[00:00:17] Name:` (the text export) starts with `[` and a digit too, but is not JSON. */
function looksLikeJson(trimmed: string): boolean {
  return trimmed.startsWith('{') || (/^\[\s*[{["\d\]-]/u.test(trimmed) && !/^\[\d{1,2}:\d{2}/u.test(trimmed));
}

function safeScore(format: ImportFormat, text: string, json: unknown): number {
  try {
    const score = format.detect(text, json);
    return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  } catch {
    // A detector must not throw; if one does, it simply does not claim the file.
    return 0;
  }
}

/**
 * Scores every importer on the content. JSON is parsed once and handed to all detectors.
 * Ties go to the importer whose extensions include the file's, then to registry order.
 */
export function detectFormat(
  text: string,
  fileName?: string,
  formats: readonly ImportFormat[] = importFormats,
): Detection {
  const trimmed = text.replace(/^\uFEFF/u, '').trimStart();
  let json: unknown;
  let brokenJson = false;
  if (looksLikeJson(trimmed)) {
    try {
      json = JSON.parse(trimmed);
    } catch {
      brokenJson = true;
    }
  }
  const extension = fileExtension(fileName);
  const ranked = formats
    .map((format, order) => ({
      format,
      // Broken JSON is parsed once, here; detectors are told so instead of each parsing it again.
      score: safeScore(format, text, brokenJson ? BROKEN_JSON : json),
      extensionMatch: extension !== '' && format.extensions.includes(extension),
      order,
    }))
    .sort(
      (a, b) =>
        b.score - a.score || Number(b.extensionMatch) - Number(a.extensionMatch) || a.order - b.order,
    )
    .map(({ format, score }) => ({ format, score }));
  const first = ranked[0];
  return { best: first && first.score > 0 ? first : undefined, ranked, json, brokenJson };
}
