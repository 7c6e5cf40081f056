/**
 * Speaker hues spaced around the colour wheel; the CSS picks lightness per
 * theme so names keep WCAG AA contrast in both light and dark mode.
 */
const HUES = [212, 28, 140, 330, 265, 180, 55, 0];

export function speakerHue(speakerIndex: number): number {
  if (speakerIndex < 0) return -1;
  return HUES[speakerIndex % HUES.length]!;
}
