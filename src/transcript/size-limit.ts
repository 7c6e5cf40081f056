/**
 * The largest transcript file Verbatim reads, on every path: the app's file picker,
 * drop, URL and feed loads, and the CLI (`--max-size` changes it there). 64 MiB is
 * about ten times the largest real transcript we know of (a 3-hour Whisper JSON with
 * word times is ~6 MB) and still opens a 60 MB text transcript; past it, parsing
 * holds well over a gigabyte of heap (a 1.2 GB file took 1.77 GB in the CLI).
 */
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "64 MB", "1.5 GB", "900 KB", "512 bytes": binary multiples, as the limit is written. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${trim(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${trim(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** `64MB`, `100 M`, `1.5GiB`, `500k` or plain bytes; undefined for anything else or a size that is not above 0. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(text);
  if (!match) return undefined;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

/** The sentence for a file over the limit, naming both sizes. */
export function tooLargeMessage(name: string, bytes: number, limit = MAX_TRANSCRIPT_BYTES): string {
  return `${name} is ${formatByteSize(bytes)}, more than the ${formatByteSize(limit)} Verbatim reads for a transcript`;
}
