/**
 * SRT writer: subtitle-ready cues (see caption-cues.ts), numbered. A named speaker's turn
 * opens with `Name: ` on its first cue; an unlabelled turn after another opens with a `- `
 * dialogue dash, so readers (and the SRT reader here) see the speaker change. SRT has no
 * comments, so entries without times are simply left out (the CLI reports how many).
 */
import { speakerName, type Entry, type Transcript } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatClockTime } from '../formats/timecode.ts';
import { captionCues } from './caption-cues.ts';
import { oneLine } from './timed-cues.ts';

/** The text an entry's first cue starts with: `Name: `, `- ` or nothing. */
function leadText(transcript: Transcript, entry: Entry, first: boolean): string {
  if (entry.kind === 'event') return '';
  const name = speakerName(transcript, entry.speakerId);
  if (name !== undefined && oneLine(name).length > 0) return `${oneLine(name)}: `;
  return first ? '' : '- ';
}

export function writeSrt(transcript: Transcript, options: WriteOptions = {}): string {
  const firstEntry = transcript.entries[0];
  const { cues } = captionCues(transcript, options.captions, (entry) => [...leadText(transcript, entry, entry === firstEntry)].length);
  const blocks: string[] = [];
  for (const cue of cues) {
    const lines = cue.lines.map(oneLine).filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    if (cue.firstOfEntry) lines[0] = `${leadText(transcript, cue.entry, blocks.length === 0)}${lines[0] ?? ''}`;
    blocks.push(`${blocks.length + 1}\n${formatClockTime(cue.start, ',')} --> ${formatClockTime(cue.end, ',')}\n${lines.join('\n')}`);
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

export const srtWriter: ExportFormat = {
  id: 'srt',
  label: 'SubRip subtitles (SRT)',
  extension: 'srt',
  mimeType: 'application/x-subrip',
  write: writeSrt,
};
