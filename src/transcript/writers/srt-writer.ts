/**
 * SRT writer: one numbered cue per timed entry, `Name: ` before the text of a named
 * speaker's turn. SRT has no comments, so entries without times are simply left out
 * (the CLI reports how many).
 */
import { speakerName, turnText, type Transcript } from '../model.ts';
import type { ExportFormat } from '../formats/format-spec.ts';
import { formatClockTime } from '../formats/timecode.ts';
import { oneLine, timedCues } from './timed-cues.ts';

export function writeSrt(transcript: Transcript): string {
  const blocks: string[] = [];
  for (const { entry, start, end } of timedCues(transcript).cues) {
    let text: string;
    if (entry.kind === 'event') {
      text = oneLine(entry.text);
    } else {
      const name = speakerName(transcript, entry.speakerId);
      text = oneLine(turnText(entry));
      if (name !== undefined && oneLine(name).length > 0) text = `${oneLine(name)}: ${text}`;
    }
    if (text.length === 0) continue;
    blocks.push(`${blocks.length + 1}\n${formatClockTime(start, ',')} --> ${formatClockTime(end, ',')}\n${text}`);
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
