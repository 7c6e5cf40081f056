/**
 * Numbers that say whether captions are usable: how many cues, the longest and shortest,
 * the widest line, the most lines, reading speed (characters per second; p95 and worst)
 * and the tightest gap between cues. Printed by `npm run caption:stats`, checked in tests.
 */
import type { CaptionCue } from './caption-cues.ts';

export interface CaptionStats {
  cues: number;
  longestSeconds: number;
  shortestSeconds: number;
  widestLine: number;
  mostLines: number;
  cpsP95: number;
  cpsMax: number;
  /** Smallest start-minus-previous-end; negative would be an overlap. */
  smallestGap: number;
}

/** Value at quantile `q` (0..1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

const width = (text: string): number => [...text].length;

export function captionStats(cues: readonly Pick<CaptionCue, 'start' | 'end' | 'lines'>[]): CaptionStats {
  const durations = cues.map((cue) => cue.end - cue.start);
  const cps = cues.map((cue) => cue.lines.reduce((sum, line) => sum + width(line), 0) / Math.max(cue.end - cue.start, 1e-3));
  let smallestGap = Infinity;
  cues.forEach((cue, index) => {
    const previous = cues[index - 1];
    if (previous) smallestGap = Math.min(smallestGap, cue.start - previous.end);
  });
  const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    cues: cues.length,
    longestSeconds: round(Math.max(0, ...durations)),
    shortestSeconds: round(durations.length > 0 ? Math.min(...durations) : 0),
    widestLine: Math.max(0, ...cues.flatMap((cue) => cue.lines.map(width))),
    mostLines: Math.max(0, ...cues.map((cue) => cue.lines.length)),
    cpsP95: round(quantile(cps, 0.95), 1),
    cpsMax: round(Math.max(0, ...cps), 1),
    smallestGap: round(Number.isFinite(smallestGap) ? smallestGap : 0),
  };
}
