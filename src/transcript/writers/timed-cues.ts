/**
 * The timed view of a transcript that cue formats (WebVTT, SRT, podcast JSON) need:
 * every entry that has a start, with an end filled in.
 *
 * Choice: entries without any start time are left out rather than given invented
 * times, since a caption at a made-up moment is worse than none; the count of left-out
 * entries is returned so callers can say so (the WebVTT writer adds a NOTE, the CLI warns).
 */
import type { Entry, Transcript } from '../model.ts';
import { roundToMillis } from '../formats/timecode.ts';

export interface TimedCue {
  entry: Entry;
  start: number;
  end: number;
}

/** Seconds per word used only to close the very last cue when nothing else gives its end. */
const SECONDS_PER_WORD = 0.4;
const MIN_LAST_CUE_SECONDS = 1;

export function entryStart(entry: Entry): number | undefined {
  if (entry.start !== undefined) return entry.start;
  if (entry.kind === 'event') return undefined;
  return entry.words.find((word) => word.start !== undefined)?.start;
}

function entryEnd(entry: Entry): number | undefined {
  if (entry.end !== undefined) return entry.end;
  if (entry.kind === 'event') return undefined;
  for (let index = entry.words.length - 1; index >= 0; index -= 1) {
    const word = entry.words[index];
    if (word?.end !== undefined) return word.end;
  }
  return undefined;
}

export function timedCues(transcript: Transcript): { cues: TimedCue[]; skipped: number } {
  const starts = transcript.entries.map(entryStart);
  const nextStarts: (number | undefined)[] = [];
  let following: number | undefined;
  for (let index = starts.length - 1; index >= 0; index -= 1) {
    nextStarts[index] = following;
    following = starts[index] ?? following;
  }
  const cues: TimedCue[] = [];
  let skipped = 0;
  transcript.entries.forEach((entry, index) => {
    const start = starts[index];
    if (start === undefined) {
      skipped += 1;
      return;
    }
    let end = entryEnd(entry);
    if (end === undefined) {
      const next = nextStarts[index];
      const words = entry.kind === 'speech' ? entry.words.length : 1;
      end = next !== undefined && next > start ? next : start + Math.max(MIN_LAST_CUE_SECONDS, words * SECONDS_PER_WORD);
    }
    cues.push({ entry, start: roundToMillis(start), end: roundToMillis(Math.max(start, end)) });
  });
  return { cues, skipped };
}

/** Entry text on one line: caption formats end a cue at a blank line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
