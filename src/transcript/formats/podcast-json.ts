/**
 * Podcasting 2.0 JSON transcripts (podcast namespace `<podcast:transcript type="application/json">`):
 * `{"version":"1.0.0","segments":[{"speaker","startTime","endTime","body"}]}`, times in seconds.
 * Segments may be sentences or single words; runs of one-word segments become turns with
 * word times (a new turn at a speaker change, a long pause or a body ending in a newline).
 */
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import {
  expectArray,
  expectObject,
  expectString,
  expectTime,
  isJsonObject,
  JsonShapeError,
  readJsonShape,
} from './json-shape.ts';
import {
  parseJsonText,
  type JsonPath,
} from './json-text.ts';
import { isEventText } from './subtitle-cues.ts';
import { makeWord, TranscriptBuilder } from './transcript-builder.ts';
import { addWordTurns, type LabelledWord } from './word-turns.ts';
import { wordsFromText } from '../model.ts';
import { counted } from '../counted.ts';

const FORMAT_ID = 'podcast-json';

interface Segment {
  speaker?: string;
  start?: number;
  end?: number;
  body: string;
}

/** Times are numbers in the spec; some generators write `"12.5"`, which is accepted with a warning. */
function readSeconds(value: unknown, path: JsonPath, lenient: { count: number }): number {
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    lenient.count += 1;
    return expectTime(Number(value), path);
  }
  return expectTime(value, path);
}

function readSegments(value: unknown, lenient: { count: number }): Segment[] {
  const root = expectObject(value, []);
  if (root.version !== undefined) expectString(root.version, ['version']);
  return expectArray(root.segments, ['segments']).map((item, index) => {
    const path: JsonPath = ['segments', index];
    const object = expectObject(item, path);
    const segment: Segment = { body: expectString(object.body, [...path, 'body']) };
    if (object.speaker !== undefined && object.speaker !== null) segment.speaker = expectString(object.speaker, [...path, 'speaker']);
    if (object.startTime !== undefined && object.startTime !== null) {
      segment.start = readSeconds(object.startTime, [...path, 'startTime'], lenient);
    }
    if (object.endTime !== undefined && object.endTime !== null) {
      segment.end = readSeconds(object.endTime, [...path, 'endTime'], lenient);
    }
    if (segment.start !== undefined && segment.end !== undefined && segment.end < segment.start) {
      throw new JsonShapeError([...path, 'endTime'], `(${segment.end}) is before startTime (${segment.start})`);
    }
    return segment;
  });
}

export function parsePodcastJson(text: string, options?: ParseOptions): ParseResult {
  const json = parseJsonText(text, FORMAT_ID, options);
  if (!json.ok) return parseFail(json.error);
  const lenient = { count: 0 };
  const read = readJsonShape(() => readSegments(json.value, lenient), text, FORMAT_ID, options);
  if (!read.ok) return parseFail(read.error);

  const builder = new TranscriptBuilder();
  let wordRun: LabelledWord[] = [];
  const flushWords = (): void => {
    addWordTurns(builder, wordRun);
    wordRun = [];
  };
  for (const segment of read.value) {
    const tokens = segment.body.trim().split(/\s+/u).filter((token) => token.length > 0);
    if (tokens.length === 0) continue;
    const event = segment.speaker === undefined && isEventText(segment.body);
    if (tokens.length === 1 && segment.start !== undefined && !event) {
      wordRun.push({
        word: makeWord(tokens[0] ?? '', segment.start, segment.end, 'file'),
        speaker: segment.speaker,
        breakAfter: /\n\s*$/u.test(segment.body),
      });
      continue;
    }
    flushWords();
    const timing = segment.start !== undefined ? 'file' : undefined;
    if (event) {
      builder.addEvent(segment.body, segment.start, segment.end, timing);
    } else {
      builder.addTurn({
        speakerId: builder.speakerId(segment.speaker),
        start: segment.start,
        end: segment.end,
        words: wordsFromText(segment.body),
        timing,
      });
    }
  }
  flushWords();
  const warnings = lenient.count > 0 ? [`${counted(lenient.count, 'time')} ${lenient.count === 1 ? 'was' : 'were'} written as text and read as ${lenient.count === 1 ? 'a number' : 'numbers'}`] : [];
  return parseOk(builder.build(), warnings);
}

function detectPodcastJson(_text: string, parsedJson: unknown): number {
  if (!isJsonObject(parsedJson) || !Array.isArray(parsedJson.segments)) return 0;
  const first: unknown = parsedJson.segments[0];
  const hasVersion = typeof parsedJson.version === 'string';
  if (first === undefined) return hasVersion ? 0.6 : 0;
  if (!isJsonObject(first) || !('body' in first)) return 0;
  return 'startTime' in first || hasVersion ? 1 : 0.7;
}

export const podcastJsonFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'Podcasting 2.0 JSON',
  extensions: ['json'],
  detect: detectPodcastJson,
  parse: parsePodcastJson,
};
