import type { Transcript } from './model.ts';

/** More text than this adds nothing to detecting its language but time (see detect-language.ts). */
export const DETECTION_CHARS = 6000;

/** The words of every speech turn, a line per turn: what a reader of the transcript sees. */
export function transcriptPlainText(transcript: Transcript, maxChars = DETECTION_CHARS): string {
  const lines: string[] = [];
  let length = 0;
  for (const entry of transcript.entries) {
    if (entry.kind !== 'speech') continue;
    const line = entry.words.map((word) => word.text).join(' ');
    lines.push(line);
    length += line.length + 1;
    if (length >= maxChars) break;
  }
  return lines.join('\n');
}
