/**
 * Clock-style times shared by the subtitle and podcast formats:
 * `01:02:03.456` (WebVTT), `01:02:03,456` (SRT), `2:03` (podcast HTML).
 */

const CLOCK = /^(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?$/u;

/**
 * Seconds from a clock time, or `undefined` when the text is not one.
 * Accepts hours of any width, a `.` or `,` before the fraction and a fraction of any
 * length (`1,5` is half a second). Minutes and seconds above 59 are refused when a
 * larger unit is present, because they always mean a typo there.
 * The result is rounded to the millisecond so that written and read times compare equal.
 */
export function parseClockTime(text: string): number | undefined {
  const match = CLOCK.exec(text.trim());
  if (!match) return undefined;
  const [, hoursText, minutesText = '0', secondsText = '0', fractionText] = match;
  const hours = hoursText === undefined ? 0 : Number(hoursText);
  const minutes = Number(minutesText);
  const seconds = Number(secondsText);
  if (seconds > 59) return undefined;
  if (hoursText !== undefined && minutes > 59) return undefined;
  const fraction = fractionText === undefined ? 0 : Number(`0.${fractionText}`);
  const millis = Math.round(((hours * 60 + minutes) * 60 + seconds + fraction) * 1000);
  return Number.isSafeInteger(millis) ? millis / 1000 : undefined;
}

/** Seconds rounded to the millisecond; the precision every text format here carries. */
export function roundToMillis(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** 99:59:59.999, the widest time of the two-digit-hour formats. */
const MAX_WRITTEN_MILLIS = 100 * 3600 * 1000 - 1;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `hh:mm:ss<separator>mmm`, e.g. `00:01:02.500` for WebVTT or `00:01:02,500` for SRT. */
export function formatClockTime(seconds: number, separator: '.' | ',' = '.'): string {
  // Last guard: a time no reader accepts is never written (writers drop such times first).
  const totalMillis = Number.isFinite(seconds) ? Math.min(Math.max(0, Math.round(seconds * 1000)), MAX_WRITTEN_MILLIS) : 0;
  const millis = totalMillis % 1000;
  const totalSeconds = Math.floor(totalMillis / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(totalSeconds % 60, 2)}${separator}${pad(millis, 3)}`;
}

/** `hh:mm:ss`, truncated to the second: the timestamp people read in plain text. */
export function formatWholeSeconds(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.min(Math.max(0, Math.floor(seconds + 1e-6)), Math.floor(MAX_WRITTEN_MILLIS / 1000)) : 0;
  return `${pad(Math.floor(total / 3600), 2)}:${pad(Math.floor((total % 3600) / 60), 2)}:${pad(total % 60, 2)}`;
}
