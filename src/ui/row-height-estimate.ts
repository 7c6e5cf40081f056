/**
 * Row heights of the virtualized transcript before a row is measured. A wrong
 * guess makes the list's total height change as rows are measured (the scrollbar
 * drifts, rows land off by the difference), so the guess wraps the turn's words
 * the way the browser will: one measured row gives the chrome (header, padding)
 * and the text's line height and width, canvas font metrics give the width of a
 * character. Pure: the caller measures, this only counts.
 */

export interface RowMetrics {
  /** Height of a turn row minus its text block, px. */
  chrome: number;
  lineHeight: number;
  /** Width available to the text, px. */
  textWidth: number;
  /** Average width of a character of this transcript's text in the text's font, px. */
  charWidth: number;
  spaceWidth: number;
  /** Height of an event row, when one has been measured. */
  eventHeight?: number;
}

/** Before anything is measured: header + wrapped lines of ~75 characters. */
export function roughTurnHeight(words: readonly { text: string }[]): number {
  let characters = 0;
  for (const word of words) characters += word.text.length + 1;
  return 64 + Math.ceil(Math.max(1, characters) / 75) * 30;
}

/** Lines the words take when wrapped greedily at word boundaries into `metrics.textWidth`. */
export function wrappedLines(words: readonly { text: string }[], metrics: RowMetrics): number {
  let lines = 1;
  let x = 0;
  for (const word of words) {
    const width = word.text.length * metrics.charWidth;
    if (x > 0 && x + metrics.spaceWidth + width > metrics.textWidth) {
      lines++;
      x = width;
    } else {
      x += (x > 0 ? metrics.spaceWidth : 0) + width;
    }
  }
  return lines;
}

/**
 * The same estimate from a turn's word and character counts alone, for a huge file's
 * turns whose words are not built (see packed-transcript.ts): the text's width over the
 * line's, each line but the last losing half an average word to the wrap.
 */
export function estimateTurnHeightFromCounts(wordCount: number, chars: number, metrics: RowMetrics | null): number {
  if (!metrics) return 64 + Math.ceil(Math.max(1, chars + wordCount) / 75) * 30;
  const width = chars * metrics.charWidth + Math.max(0, wordCount - 1) * metrics.spaceWidth;
  const averageWord = wordCount > 0 ? (chars / wordCount) * metrics.charWidth + metrics.spaceWidth : 0;
  const lines = Math.max(1, Math.ceil(width / Math.max(1, metrics.textWidth - averageWord / 2)));
  return Math.round(metrics.chrome + lines * metrics.lineHeight);
}

export function estimateTurnHeight(words: readonly { text: string }[], metrics: RowMetrics | null): number {
  if (!metrics) return roughTurnHeight(words);
  return Math.round(metrics.chrome + wrappedLines(words, metrics) * metrics.lineHeight);
}
