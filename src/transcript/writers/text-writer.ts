/**
 * Plain text for reading and quoting: one block per entry, `[hh:mm:ss] Speaker Name: text`
 * (the time is left out for untimed entries), and a turn's further paragraphs as blocks of
 * their own after a blank line. The timestamped-text reader reads it back.
 */
import { speakerName, turnParagraphs, type Transcript } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatWholeSeconds } from '../formats/timecode.ts';
import { entryStart, oneLine } from './timed-cues.ts';

export function writeText(transcript: Transcript, options: WriteOptions = {}): string {
  const paragraphs: string[] = [];
  if (options.title) paragraphs.push(oneLine(options.title));
  for (const entry of transcript.entries) {
    const start = entryStart(entry);
    const time = start === undefined ? '' : `[${formatWholeSeconds(start)}] `;
    if (entry.kind === 'event') {
      const text = oneLine(entry.text);
      if (text.length > 0) paragraphs.push(`${time}${text}`);
      continue;
    }
    const blocks = turnParagraphs(entry)
      .map((words) => oneLine(words.map((word) => word.text).join(' ')))
      .filter((text) => text.length > 0);
    if (blocks.length === 0) continue;
    const name = speakerName(transcript, entry.speakerId);
    const label = name === undefined || oneLine(name).length === 0 ? '' : `${oneLine(name)}: `;
    paragraphs.push(`${time}${label}${blocks[0] ?? ''}`, ...blocks.slice(1));
  }
  return paragraphs.length > 0 ? `${paragraphs.join('\n\n')}\n` : '';
}

export const textWriter: ExportFormat = {
  id: 'text',
  label: 'Plain text with timestamps',
  extension: 'txt',
  mimeType: 'text/plain',
  write: writeText,
};
