/**
 * WebVTT writer: one cue per timed entry, `<v Speaker>` voice spans, optional inline
 * word timestamps. Entries without times are left out and counted in a NOTE.
 */
import { speakerName, turnText, type SpeechTurn, type Transcript } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatClockTime } from '../formats/timecode.ts';
import { oneLine, timedCues } from './timed-cues.ts';

/** Escapes what WebVTT cue text reserves; `>` too, so `-->` can never appear in a cue. */
export function escapeVttText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Words with `<hh:mm:ss.ttt>` before each word whose start lies inside the cue, in increasing order. */
function wordsWithTimestamps(turn: SpeechTurn, start: number, end: number): string {
  let last = start;
  return turn.words
    .map((word, index) => {
      const text = escapeVttText(oneLine(word.text));
      if (index === 0 || word.start === undefined) return text;
      const time = Math.round(word.start * 1000) / 1000;
      if (time <= last || time >= end) return text;
      last = time;
      return `<${formatClockTime(time)}>${text}`;
    })
    .join(' ');
}

export function writeWebVtt(transcript: Transcript, options: WriteOptions = {}): string {
  const { cues, skipped } = timedCues(transcript);
  const blocks: string[] = [transcript.language ? `WEBVTT\nLanguage: ${oneLine(transcript.language)}` : 'WEBVTT'];
  if (skipped > 0) {
    blocks.push(`NOTE ${skipped} ${skipped === 1 ? 'entry has' : 'entries have'} no time and ${skipped === 1 ? 'is' : 'are'} not included.`);
  }
  cues.forEach(({ entry, start, end }, index) => {
    let payload: string;
    if (entry.kind === 'event') {
      payload = escapeVttText(oneLine(entry.text));
    } else {
      const name = speakerName(transcript, entry.speakerId);
      const text = options.wordTimestamps ? wordsWithTimestamps(entry, start, end) : escapeVttText(oneLine(turnText(entry)));
      payload = name === undefined ? text : `<v ${escapeVttText(oneLine(name))}>${text}`;
    }
    if (oneLine(payload).length === 0) return;
    blocks.push(`${index + 1}\n${formatClockTime(start)} --> ${formatClockTime(end)}\n${payload}`);
  });
  return `${blocks.join('\n\n')}\n`;
}

export const webvttWriter: ExportFormat = {
  id: 'webvtt',
  label: 'WebVTT captions',
  extension: 'vtt',
  mimeType: 'text/vtt',
  write: writeWebVtt,
};
