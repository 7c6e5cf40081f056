/**
 * Markdown: one paragraph per entry (and per paragraph inside a turn), `**Speaker Name** (00:01:02): text`, events in italics.
 * Transcript text is escaped so a `*` or `#` someone said stays text.
 */
import { speakerName, turnParagraphs, type Transcript } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatWholeSeconds } from '../formats/timecode.ts';
import { entryStart, oneLine } from './timed-cues.ts';

/**
 * Backslash-escapes the characters that change meaning inside a line (emphasis, code,
 * links, HTML, entities), plus block markers (`#`, `-`, `1.`) when the text starts a line.
 */
export function escapeMarkdown(text: string, startsLine = false): string {
  const escaped = oneLine(text).replace(/[\\`*_[\]<>&~|]/gu, (char) => `\\${char}`);
  return startsLine ? escaped.replace(/^([#+=-]|\d+(?=[.)]))/u, (marker) => (/^\d/u.test(marker) ? `${marker}\\` : `\\${marker}`)) : escaped;
}

export function writeMarkdown(transcript: Transcript, options: WriteOptions = {}): string {
  const paragraphs: string[] = [];
  if (options.title) paragraphs.push(`# ${escapeMarkdown(options.title)}`);
  for (const entry of transcript.entries) {
    const start = entryStart(entry);
    const time = start === undefined ? '' : ` (${formatWholeSeconds(start)})`;
    if (entry.kind === 'event') {
      const text = oneLine(entry.text);
      if (text.length > 0) paragraphs.push(`*${escapeMarkdown(text)}*${time}`);
      continue;
    }
    const blocks = turnParagraphs(entry)
      .map((words) => oneLine(words.map((word) => word.text).join(' ')))
      .filter((text) => text.length > 0);
    if (blocks.length === 0) continue;
    const name = speakerName(transcript, entry.speakerId);
    const label = name === undefined ? (time ? `${time.trim()}: ` : '') : `**${escapeMarkdown(name)}**${time}: `;
    paragraphs.push(`${label}${escapeMarkdown(blocks[0] ?? '', label === '')}`, ...blocks.slice(1).map((text) => escapeMarkdown(text, true)));
  }
  return paragraphs.length > 0 ? `${paragraphs.join('\n\n')}\n` : '';
}

export const markdownWriter: ExportFormat = {
  id: 'markdown',
  label: 'Markdown',
  extension: 'md',
  mimeType: 'text/markdown',
  write: writeMarkdown,
};
