/**
 * Podcasting 2.0 JSON writer. A turn whose words all have times is written one word per
 * segment (the spec's word-level form, which players highlight word by word), its last
 * word's body ending in a newline to mark the paragraph; other timed turns and events are
 * one segment each. Entries without times are left out, as for captions.
 */
import { speakerName, turnText, type Transcript } from '../model.ts';
import type { ExportFormat } from '../formats/format-spec.ts';
import { roundToMillis } from '../formats/timecode.ts';
import { oneLine, timedCues } from './timed-cues.ts';

interface Segment {
  speaker?: string;
  startTime: number;
  endTime: number;
  body: string;
}

export function writePodcastJson(transcript: Transcript): string {
  const segments: Segment[] = [];
  const push = (speaker: string | undefined, startTime: number, endTime: number, body: string): void => {
    if (body.trim().length === 0) return;
    segments.push(speaker === undefined ? { startTime, endTime, body } : { speaker, startTime, endTime, body });
  };
  for (const { entry, start, end } of timedCues(transcript).cues) {
    if (entry.kind === 'event') {
      push(undefined, start, end, oneLine(entry.text));
      continue;
    }
    const speaker = speakerName(transcript, entry.speakerId);
    const words = entry.words.filter((word) => oneLine(word.text).length > 0);
    const wordLevel = words.length > 0 && words.every((word) => word.start !== undefined);
    if (!wordLevel) {
      push(speaker, start, end, oneLine(turnText(entry)));
      continue;
    }
    words.forEach((word, index) => {
      const wordStart = roundToMillis(word.start ?? start);
      const nextStart = words[index + 1]?.start;
      const wordEnd = roundToMillis(Math.max(wordStart, word.end ?? nextStart ?? end));
      const last = index === words.length - 1;
      push(speaker, wordStart, wordEnd, `${oneLine(word.text)}${last ? '\n' : ''}`);
    });
  }
  return `${JSON.stringify({ version: '1.0.0', segments }, null, 2)}\n`;
}

export const podcastJsonWriter: ExportFormat = {
  id: 'podcast-json',
  label: 'Podcasting 2.0 JSON',
  extension: 'json',
  mimeType: 'application/json',
  write: writePodcastJson,
};
