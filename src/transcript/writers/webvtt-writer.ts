/**
 * WebVTT writer: subtitle-ready cues (see caption-cues.ts), each carrying its speaker's
 * `<v Speaker>` voice span, optional inline word timestamps. Entries without times are left
 * out and counted in a NOTE.
 */
import { speakerName, type Transcript, type Word } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatClockTime } from '../formats/timecode.ts';
import { captionCues } from './caption-cues.ts';
import { oneLine } from './timed-cues.ts';

/** Escapes what WebVTT cue text reserves; `>` too, so `-->` can never appear in a cue. */
export function escapeVttText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** The cue's lines with `<hh:mm:ss.ttt>` before each word whose start lies inside the cue, in increasing order. */
function linesWithTimestamps(words: Word[], lines: string[], start: number, end: number): string[] {
  let last = start;
  let index = 0;
  return lines.map((line) =>
    line
      .split(' ')
      .map((text) => {
        const word = words[index];
        const first = index === 0;
        index += 1;
        const escaped = escapeVttText(text);
        if (first || word?.start === undefined) return escaped;
        const time = Math.round(word.start * 1000) / 1000;
        if (time <= last || time >= end) return escaped;
        last = time;
        return `<${formatClockTime(time)}>${escaped}`;
      })
      .join(' '),
  );
}

export function writeWebVtt(transcript: Transcript, options: WriteOptions = {}): string {
  const { cues, skipped } = captionCues(transcript, options.captions);
  const blocks: string[] = [transcript.language ? `WEBVTT\nLanguage: ${oneLine(transcript.language)}` : 'WEBVTT'];
  if (skipped > 0) {
    blocks.push(`NOTE ${skipped} ${skipped === 1 ? 'entry has' : 'entries have'} no time and ${skipped === 1 ? 'is' : 'are'} not included.`);
  }
  let number = 0;
  for (const { entry, start, end, words, lines: raw } of cues) {
    const lines = raw.map(oneLine).filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    const text = options.wordTimestamps ? linesWithTimestamps(words, lines, start, end) : lines.map(escapeVttText);
    const name = entry.kind === 'speech' ? speakerName(transcript, entry.speakerId) : undefined;
    if (name !== undefined) text[0] = `<v ${escapeVttText(oneLine(name))}>${text[0] ?? ''}`;
    number += 1;
    blocks.push(`${number}\n${formatClockTime(start)} --> ${formatClockTime(end)}\n${text.join('\n')}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

export const webvttWriter: ExportFormat = {
  id: 'webvtt',
  label: 'WebVTT captions',
  extension: 'vtt',
  mimeType: 'text/vtt',
  write: writeWebVtt,
};
