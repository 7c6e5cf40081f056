/** The speeds offered in the UI and stepped through with `,` and `.`. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next rate up (+1) or down (-1) from `rate`, clamped to the list. */
export function stepRate(rate: number, direction: 1 | -1): number {
  if (direction > 0) return PLAYBACK_RATES.find((r) => r > rate + 1e-9) ?? PLAYBACK_RATES[PLAYBACK_RATES.length - 1]!;
  return [...PLAYBACK_RATES].reverse().find((r) => r < rate - 1e-9) ?? PLAYBACK_RATES[0];
}

/** How far ←/→ and the skip buttons move the playhead. */
export const SKIP_SECONDS = 5;
