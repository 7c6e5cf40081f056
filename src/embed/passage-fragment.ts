/**
 * Passage links as W3C media fragments (`#t=12.5,20`, `#t=npt:1:02:03.5,1:02:10`):
 * what "Copy link to this passage" writes and what opening such a link reads,
 * in the embed and in the app. Other hash parameters are kept untouched.
 */

export interface Passage {
  /** Seconds. */
  start: number;
  /** Seconds; absent for an open-ended `#t=12.5`. */
  end?: number;
}

const CLOCK = /^\d+(?::\d{1,2}){0,2}(?:\.\d+)?$/u;

/** `90`, `1:30`, `0:01:30.5` -> seconds; undefined for anything else. */
function parseClock(text: string): number | undefined {
  if (!CLOCK.test(text)) return undefined;
  const parts = text.split(':').map(Number);
  if (parts.slice(1).some((part) => part >= 60)) return undefined;
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** The passage a URL hash names, or undefined when it has no usable `t`. */
export function parsePassage(hash: string): Passage | undefined {
  const params = new URLSearchParams(hash.replace(/^#/u, ''));
  const raw = params.get('t');
  if (raw === null) return undefined;
  const [startText = '', endText, ...rest] = raw.trim().replace(/^npt:/u, '').split(',');
  if (rest.length > 0) return undefined;
  // `#t=,20` means "from the start to 20 s" in the media-fragment grammar.
  const start = startText === '' ? 0 : parseClock(startText);
  if (start === undefined) return undefined;
  if (endText === undefined || endText === '') return startText === '' ? undefined : { start };
  const end = parseClock(endText);
  if (end === undefined || end <= start) return { start };
  return { start, end };
}

/** Seconds as a fragment writes them: up to millisecond precision, no trailing zeros. */
function formatSeconds(seconds: number): string {
  return String(Math.round(Math.max(0, seconds) * 1000) / 1000);
}

/** `t=12.5,20` for a passage (the value of the hash, without `#`). */
export function formatPassage(passage: Passage): string {
  const start = formatSeconds(passage.start);
  return passage.end === undefined || passage.end <= passage.start ? `t=${start}` : `t=${start},${formatSeconds(passage.end)}`;
}

/**
 * `url` with its hash's `t` replaced by the passage, other hash parameters kept.
 * The query (where the app keeps its `?audio=…&transcript=…`) is kept as is.
 */
export function passageUrl(url: string, passage: Passage): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const params = new URLSearchParams(hashAt < 0 ? '' : url.slice(hashAt + 1));
  params.delete('t');
  const others = params.toString();
  // The `,` stays literal: players that read media fragments expect `t=1,2`, not `t=1%2C2`.
  return `${base}#${formatPassage(passage)}${others ? `&${others}` : ''}`;
}
