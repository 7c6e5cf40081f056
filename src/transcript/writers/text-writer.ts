/**
 * Plain text for reading and quoting: one paragraph per entry,
 * `[hh:mm:ss] Speaker Name: text`; the time is left out for untimed entries.
 */
import { speakerName, turnText, type Transcript } from '../model.ts';
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
    const text = oneLine(turnText(entry));
    if (text.length === 0) continue;
    const name = speakerName(transcript, entry.speakerId);
    paragraphs.push(`${time}${name === undefined ? '' : `${oneLine(name)}: `}${text}`);
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
