/** `75.4` -> `1:15`; `3723` -> `1:02:03`. Negative and non-finite values read as 0. */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Spoken form for screen readers: `1 minute 15 seconds`. */
export function formatSpokenDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s || parts.length === 0) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** `62.3` -> `1:02.300`; hours when needed: `1:00:02.300`. For editing fields. */
export function formatPrecise(seconds: number): string {
  const ms = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const ss = s.toFixed(3).padStart(6, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Reads a time typed by a person: `83.5`, `1:23.5`, `1:02:03,250`, ` 0:07 `.
 * Returns undefined for anything else (negative, garbage, minutes ≥ 60 after hours).
 */
export function parseTimeInput(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  const match = /^(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d+)?)$/u.exec(trimmed);
  if (!match) return undefined;
  const [, a, b, c] = match;
  const parts = [a, b].filter((part): part is string => part !== undefined).map(Number);
  const seconds = Number(c);
  if (parts.length > 0 && seconds >= 60) return undefined;
  if (parts.length === 2 && parts[1]! >= 60) return undefined;
  const total = parts.reduce((sum, part) => sum * 60 + part, 0) * 60 + seconds;
  return Number.isFinite(total) ? total : undefined;
}
