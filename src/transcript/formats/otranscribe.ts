/**
 * oTranscribe `.otr` files: JSON `{"text": "<p>…</p>", "media": "…", "media-time": 12.3}`
 * whose HTML holds typed paragraphs and timestamp chips
 * `<span class="timestamp" data-timestamp="12.3">0:12</span>` (seconds).
 * A chip gives the next word its start; each paragraph (or `<br>` line) is a turn, and a
 * `Name:` or bold name at its start names the speaker, otherwise the speaker continues.
 */
import type { Word } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { hasClass, tokenizeHtml } from './html-tokens.ts';
import {
  expectObject,
  expectString,
  isJsonObject,
  JsonShapeError,
  readJsonShape,
} from './json-shape.ts';
import {
  parseJsonText,
} from './json-text.ts';
import { isEventText, splitSpeakerPrefix } from './subtitle-cues.ts';
import { makeWord, TranscriptBuilder } from './transcript-builder.ts';

const FORMAT_ID = 'otranscribe';
const BLOCK_ELEMENTS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface Line {
  text: string;
  /** Timestamp chips by character offset in `text`. */
  marks: { offset: number; time: number }[];
  boldName?: string;
}

function readLines(html: string): Line[] | JsonShapeError {
  const lines: Line[] = [{ text: '', marks: [] }];
  const current = (): Line => lines[lines.length - 1] as Line;
  let skipDepth = 0;
  let bold: { start: number } | undefined;
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') {
      if (skipDepth === 0) current().text += token.text;
      continue;
    }
    if (skipDepth > 0) {
      if (token.name === 'span') skipDepth += token.kind === 'open' ? 1 : -1;
      continue;
    }
    if (token.kind === 'open' && token.name === 'span' && hasClass(token.attributes, 'timestamp')) {
      const raw = token.attributes['data-timestamp'] ?? '';
      const time = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(time) || time < 0) {
        return new JsonShapeError(['text'], `holds a timestamp data-timestamp="${raw.slice(0, 20)}" that is not a number of seconds`);
      }
      current().marks.push({ offset: current().text.length, time });
      // The chip's own label (`0:12`) is not transcript text.
      if (!token.selfClosing) skipDepth = 1;
      continue;
    }
    if (BLOCK_ELEMENTS.has(token.name)) {
      lines.push({ text: '', marks: [] });
      bold = undefined;
      continue;
    }
    if (token.name === 'b' || token.name === 'strong') {
      if (token.kind === 'open') bold = { start: current().text.length };
      else if (bold) {
        const line = current();
        if (line.text.slice(0, bold.start).trim() === '' && line.boldName === undefined) {
          line.boldName = line.text.slice(bold.start).trim().replace(/:$/u, '').trim();
        }
        bold = undefined;
      }
    }
  }
  return lines.filter((line) => line.text.trim().length > 0);
}

function lineWords(line: Line, skip: number): Word[] {
  const words: Word[] = [];
  let markIndex = 0;
  for (const match of line.text.slice(skip).matchAll(/\S+/gu)) {
    const offset = match.index + skip;
    let time: number | undefined;
    while (markIndex < line.marks.length && (line.marks[markIndex]?.offset ?? Infinity) <= offset) {
      time = line.marks[markIndex]?.time;
      markIndex += 1;
    }
    words.push(time === undefined ? makeWord(match[0]) : makeWord(match[0], time, undefined, 'file'));
  }
  return words;
}

export function parseOtranscribe(text: string, options?: ParseOptions): ParseResult {
  const json = parseJsonText(text, FORMAT_ID, options);
  if (!json.ok) return parseFail(json.error);
  const read = readJsonShape(
    () => {
      const root = expectObject(json.value, []);
      const html = expectString(root.text, ['text']);
      const lines = readLines(html);
      if (lines instanceof JsonShapeError) throw lines;
      return lines;
    },
    text,
    FORMAT_ID,
    options,
  );
  if (!read.ok) return parseFail(read.error);

  const builder = new TranscriptBuilder();
  let speaker: string | null = null;
  for (const line of read.value) {
    let skip = 0;
    let name = line.boldName;
    if (name !== undefined && name.length > 0) {
      const at = line.text.indexOf(name);
      skip = at === -1 ? 0 : at + name.length;
      const colon = /^\s*:/u.exec(line.text.slice(skip));
      if (colon) skip += colon[0].length;
    } else {
      name = undefined;
      // Timestamp chips usually come first; look for the name after the leading ones.
      const prefix = splitSpeakerPrefix(line.text);
      if (prefix) {
        name = prefix.name;
        skip = line.text.length - prefix.rest.length;
      }
    }
    const words = lineWords(line, skip);
    if (words.length === 0) continue;
    const firstTimed = line.marks.length > 0 && (line.marks[0]?.offset ?? Infinity) <= skip ? line.marks[0]?.time : undefined;
    const start = words[0]?.start ?? firstTimed;
    const timing = start !== undefined ? 'file' : undefined;
    const body = words.map((word) => word.text).join(' ');
    if (name === undefined && isEventText(body)) {
      builder.addEvent(body, start, undefined, timing);
      continue;
    }
    if (name !== undefined) speaker = builder.speakerId(name);
    builder.addTurn({ speakerId: speaker, start, words, timing });
  }
  return parseOk(builder.build());
}

function detectOtranscribe(_text: string, parsedJson: unknown): number {
  if (!isJsonObject(parsedJson) || typeof parsedJson.text !== 'string') return 0;
  if ('media' in parsedJson || 'media-time' in parsedJson || 'media-source' in parsedJson) return 0.95;
  return /class=["']?timestamp/u.test(parsedJson.text) ? 0.8 : 0;
}

export const otranscribeFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'oTranscribe (.otr)',
  extensions: ['otr'],
  detect: detectOtranscribe,
  parse: parseOtranscribe,
};
