import { detectFormat } from './formats/detect-format.ts';

/**
 * Below this, text is only claimed by the plain-text fallback as "some text":
 * no cue timings, markup or JSON fields, and no `NAME:` speaker labels.
 */
const CONFIDENT_SCORE = 0.5;

/**
 * True when text (say, from the clipboard) is recognisably a transcript: a
 * format's detector is confident, or plain text carries speaker labels. Stray
 * words, a URL or a paragraph of prose are not.
 */
export function looksLikeTranscript(text: string): boolean {
  if (text.trim().length === 0) return false;
  const { best } = detectFormat(text);
  return best !== undefined && best.score >= CONFIDENT_SCORE;
}
