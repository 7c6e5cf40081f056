import { formatClock } from '../transcript/format-time.ts';

/** Label spacing and tick spacing in seconds, from close to far. */
const RULER_STEPS: readonly (readonly [major: number, minor: number])[] = [
  [0.5, 0.1], [1, 0.2], [2, 0.5], [5, 1], [10, 2], [15, 5], [30, 10], [60, 10], [120, 30],
  [300, 60], [600, 120], [900, 300], [1800, 300], [3600, 600],
];
/** Labels at least this far apart. */
export const RULER_LABEL_PX = 72;

export interface RulerTick {
  time: number;
  /** Pixels from the start of the waveform. */
  x: number;
  /** A labelled tick; the others are minor notches. */
  label?: string;
}

/** `1:05`, or `1:05.5` when the ruler's steps are shorter than a second. */
export function rulerLabel(seconds: number, step: number): string {
  if (step >= 1) return formatClock(Math.round(seconds));
  const tenths = Math.round(seconds * 10) % 10;
  return `${formatClock(Math.floor(seconds + 1e-6))}.${tenths}`;
}

/** The ruler's label and notch spacing at `pxPerSec`: labels at least {@link RULER_LABEL_PX} apart. */
export function rulerSteps(pxPerSec: number): { major: number; minor: number } {
  const [major, minor] = RULER_STEPS.find(([step]) => step * pxPerSec >= RULER_LABEL_PX) ?? RULER_STEPS.at(-1)!;
  return { major, minor };
}

/** The ticks between pixel `from` and pixel `to` of a waveform `duration` seconds long at `pxPerSec`. */
export function rulerTicks(from: number, to: number, pxPerSec: number, duration: number): RulerTick[] {
  if (!(pxPerSec > 0) || !(duration > 0)) return [];
  const { major, minor } = rulerSteps(pxPerSec);
  const ticks: RulerTick[] = [];
  const first = Math.max(0, Math.floor(from / pxPerSec / minor));
  const last = Math.ceil(to / pxPerSec / minor);
  for (let i = first; i <= last; i++) {
    const time = i * minor;
    if (time > duration) break;
    const isMajor = Math.abs(time / major - Math.round(time / major)) < 1e-6;
    ticks.push(isMajor ? { time, x: time * pxPerSec, label: rulerLabel(time, major) } : { time, x: time * pxPerSec });
  }
  return ticks;
}
