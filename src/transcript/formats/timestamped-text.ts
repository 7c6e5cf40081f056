/**
 * Plain-text transcripts whose turns carry a time, in the shapes people get from tools:
 *
 * - Verbatim's own text export, Descript, Trint: `[00:00:03] Speaker Name: text` (the name is
 *   optional; the text may also start on the next line).
 * - Rev: `Speaker 1 (00:00:03):` with the text on the same or the next line.
 * - Otter: `Speaker 1  0:03` alone on a line, then the text.
 * - YouTube's "Show transcript" copy: `0:03` alone on a line, then the text.
 *
 * Times may be `m:ss`, `mm:ss`, `h:mm:ss` or `hh:mm:ss` (with an optional fraction). A block of
 * text after a blank line without its own time continues the turn as a new paragraph, which is
 * how the text writer puts paragraphs. Each shape is recognised from the content alone.
 */
import type { Word } from '../model.ts';
import { wordsFromText } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { isEventText } from './subtitle-cues.ts';
import { parseClockTime } from './timecode.ts';
import { TranscriptBuilder } from './transcript-builder.ts';

export type TimestampedShape = 'bracketed' | 'rev' | 'otter' | 'youtube';

const TIME = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
const NAME = String.raw`[^\s:()\[\]][^:()\[\]\n]{0,59}?`;
/** `[00:00:03] Name: text`, `[00:00:03] text`, `[00:00:03] Name:` */
const BRACKETED = new RegExp(String.raw`^\[(${TIME})\]\s*(?:(${NAME})\s*:(?:\s+|$))?(.*)$`, 'u');
/** `Speaker 1 (00:00:03): text` */
const REV = new RegExp(String.raw`^(${NAME})\s+\((${TIME})\)\s*:?\s*(.*)$`, 'u');
/** `Speaker 1  0:03` */
const OTTER = new RegExp(String.raw`^(${NAME})\s{2,}(${TIME})$`, 'u');
/** `0:03` */
const BARE_TIME = new RegExp(String.raw`^(${TIME})$`, 'u');

interface Heading {
  time: number;
  name?: string;
  rest: string;
}

function heading(line: string, shape: TimestampedShape): Heading | undefined {
  let match: RegExpExecArray | null;
  switch (shape) {
    case 'bracketed':
      match = BRACKETED.exec(line);
      return match ? withTime(match[1], match[2], match[3]) : undefined;
    case 'rev':
      match = REV.exec(line);
      return match ? withTime(match[2], match[1], match[3]) : undefined;
    case 'otter':
      match = OTTER.exec(line);
      return match ? withTime(match[2], match[1], '') : undefined;
    case 'youtube':
      match = BARE_TIME.exec(line);
      return match ? withTime(match[1], undefined, '') : undefined;
  }
}

function withTime(time: string | undefined, name: string | undefined, rest: string | undefined): Heading | undefined {
  const seconds = time === undefined ? undefined : parseClockTime(time.replace(',', '.'));
  if (seconds === undefined) return undefined;
  const trimmed = name?.trim();
  // A sentence with a colon in it is not a name: names here are a few words at most.
  if (trimmed !== undefined && trimmed.split(/\s+/u).length > 6) return undefined;
  return { time: seconds, ...(trimmed ? { name: trimmed } : {}), rest: rest?.trim() ?? '' };
}

const SHAPES: readonly TimestampedShape[] = ['bracketed', 'rev', 'otter', 'youtube'];

/** Non-blank lines of a sample, trimmed. */
function contentLines(text: string, limit = 400): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u)) {
    const line = raw.trim();
    if (line.length > 0) lines.push(line);
    if (lines.length >= limit) break;
  }
  return lines;
}

/**
 * The shape the text is in and how sure that is (0..1): the share of its lines that are
 * headings of that shape, weighed by how typical that share is (YouTube: every other line;
 * the others: at least a few headings and their times in order).
 */
export function detectTimestampedShape(text: string): { shape: TimestampedShape; score: number } | undefined {
  const lines = contentLines(text);
  if (lines.length === 0 || /^WEBVTT/u.test(lines[0] ?? '') || lines.some((line) => line.includes('-->'))) return undefined;
  let best: { shape: TimestampedShape; score: number } | undefined;
  for (const shape of SHAPES) {
    const times: number[] = [];
    lines.forEach((line) => {
      const found = heading(line, shape);
      if (found) times.push(found.time);
    });
    if (times.length === 0) continue;
    const share = times.length / lines.length;
    const ordered = times.every((time, index) => index === 0 || time >= (times[index - 1] ?? 0));
    // Headings alone (no text) are not a transcript; Otter/YouTube headings need a text line after them.
    if (shape !== 'bracketed' && shape !== 'rev' && share > 0.6) continue;
    // One timed turn with several paragraphs is still the text export when it opens the file.
    const enough = times.length >= 2 || lines.length <= 3 || (shape === 'bracketed' && heading(lines[0] ?? '', shape) !== undefined);
    let score = 0;
    if (enough && ordered) score = shape === 'youtube' ? (share >= 0.3 ? 0.75 : 0) : share >= 0.15 ? 0.8 : 0.3;
    if (shape === 'youtube' && lines.length > 1 && !BARE_TIME.test(lines[0] ?? '')) score = 0;
    if (score > (best?.score ?? 0)) best = { shape, score };
  }
  return best;
}

/** Reads any of the shapes above; `shape` forces one (otherwise it is detected). */
export function parseTimestampedText(text: string, options?: ParseOptions, shape?: TimestampedShape): ParseResult {
  const fileName = options?.fileName;
  const fail = (message: string, line?: number): ParseResult =>
    parseFail({ format: FORMAT_ID, ...(fileName === undefined ? {} : { fileName }), ...(line === undefined ? {} : { line }), message });
  if (typeof text !== 'string') return fail('the input is not text');
  const chosen = shape ?? detectTimestampedShape(text)?.shape;
  if (chosen === undefined) return fail('no timestamped turns such as "[00:00:03] Name:" or "Speaker 1 (00:03):" were found');

  const builder = new TranscriptBuilder();
  const warnings: string[] = [];
  let turn: { speakerId: string | null; start?: number; words: Word[] } | undefined;
  const known = new Map<string, string>();
  let paragraphNext = false;
  let lastTime = 0;
  const flush = (): void => {
    if (turn && turn.words.length > 0) {
      builder.addTurn(
        turn.start === undefined ? { speakerId: turn.speakerId, words: turn.words } : { speakerId: turn.speakerId, start: turn.start, words: turn.words, timing: 'file' },
      );
    }
    turn = undefined;
  };
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  let prefaceLine: number | undefined;
  let seenHeading = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0) {
      if (turn && turn.words.length > 0) paragraphNext = true;
      return;
    }
    const found = heading(line, chosen);
    const afterBreak = paragraphNext || turn === undefined;
    if (found) {
      seenHeading = true;
      flush();
      if (found.time < lastTime) warnings.push(`line ${index + 1}: this turn starts before the turn above it`);
      lastTime = found.time;
      paragraphNext = false;
      if (found.name === undefined && isEventText(found.rest)) {
        builder.addEvent(found.rest, found.time, undefined, 'file');
        return;
      }
      if (found.name !== undefined) known.set(found.name, found.name);
      turn = { speakerId: builder.speakerId(found.name), start: found.time, words: [] };
      for (const word of wordsFromText(found.rest)) turn.words.push(word);
      return;
    }
    if (afterBreak && turn !== undefined) {
      // Untimed entries of a partly timed export: a bracketed block is an event, a known
      // speaker's `Name:` starts that speaker's turn; any other block is a paragraph.
      if (isEventText(line)) {
        flush();
        builder.addEvent(line);
        paragraphNext = false;
        return;
      }
      const colon = line.indexOf(': ');
      const name = colon > 0 ? line.slice(0, colon) : undefined;
      if (chosen === 'bracketed' && name !== undefined && known.has(name)) {
        flush();
        turn = { speakerId: builder.speakerId(name), words: wordsFromText(line.slice(colon + 2)) };
        paragraphNext = false;
        return;
      }
    }
    if (!turn) {
      if (lastTime === 0 && builder.entries.length === 0 && !seenHeading) {
        prefaceLine ??= index + 1;
        return;
      }
      // Text after an event: an unlabelled turn of its own.
      turn = { speakerId: null, words: [] };
    }
    const words = wordsFromText(line);
    const first = words[0];
    if (first && paragraphNext && turn.words.length > 0) first.paragraph = true;
    paragraphNext = false;
    for (const word of words) turn.words.push(word);
  });
  flush();
  if (prefaceLine !== undefined) warnings.push(`the text before the first timestamp (from line ${prefaceLine}) was left out`);
  const transcript = builder.build();
  if (transcript.entries.length === 0) return fail('the timestamps have no text after them');
  // Each turn ends where the next begins; the last one is left open for the player to close.
  const entries = transcript.entries;
  entries.forEach((entry, index) => {
    const next = entries[index + 1];
    if (next?.start !== undefined && entry.start !== undefined && next.start >= entry.start) entry.end = next.start;
  });
  return parseOk(transcript, warnings);
}

const FORMAT_ID = 'timestamped-text';

export const timestampedTextFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'Timestamped text (Verbatim, Rev, Otter, Descript, Trint, YouTube)',
  extensions: ['txt'],
  detect: (text, parsedJson) => (parsedJson !== undefined ? 0 : (detectTimestampedShape(text)?.score ?? 0)),
  parse: (text, options) => parseTimestampedText(text, options),
};
