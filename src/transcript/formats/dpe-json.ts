/**
 * BBC digital-paper-edit transcript JSON: `words` [{id, start, end, text}] and
 * `paragraphs` [{id, start, end, speaker}], all in seconds. Each paragraph becomes a turn
 * holding the words that start inside it.
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
import { makeWord, TranscriptBuilder } from './transcript-builder.ts';
import { addWordTurns } from './word-turns.ts';
import type { Word } from '../model.ts';
import { counted } from '../counted.ts';

const FORMAT_ID = 'dpe-json';

interface Span {
  start: number;
  end: number;
}

function readSpan(object: Record<string, unknown>, path: JsonPath): Span {
  const start = expectTime(object.start, [...path, 'start']);
  const end = expectTime(object.end, [...path, 'end']);
  if (end < start) throw new JsonShapeError([...path, 'end'], `(${end}) is before start (${start})`);
  return { start, end };
}

function readDocument(value: unknown): { words: (Span & { text: string })[]; paragraphs: (Span & { speaker?: string })[] } {
  const root = expectObject(value, []);
  const words = expectArray(root.words, ['words']).map((item, index) => {
    const path: JsonPath = ['words', index];
    const object = expectObject(item, path);
    return { ...readSpan(object, path), text: expectString(object.text, [...path, 'text']) };
  });
  const paragraphs = expectArray(root.paragraphs ?? [], ['paragraphs']).map((item, index) => {
    const path: JsonPath = ['paragraphs', index];
    const object = expectObject(item, path);
    const speaker = object.speaker === undefined || object.speaker === null ? undefined : expectString(object.speaker, [...path, 'speaker']);
    return { ...readSpan(object, path), speaker };
  });
  return { words, paragraphs };
}

export function parseDpeJson(text: string, options?: ParseOptions): ParseResult {
  const json = parseJsonText(text, FORMAT_ID, options);
  if (!json.ok) return parseFail(json.error);
  const read = readJsonShape(() => readDocument(json.value), text, FORMAT_ID, options);
  if (!read.ok) return parseFail(read.error);
  const { words, paragraphs } = read.value;
  const builder = new TranscriptBuilder();
  const warnings: string[] = [];

  const timedWords = words
    .filter((word) => word.text.trim().length > 0)
    .map((word) => makeWord(word.text.trim(), word.start, word.end, 'file'));
  if (paragraphs.length === 0) {
    addWordTurns(builder, timedWords.map((word) => ({ word, speaker: undefined })));
    return parseOk(builder.build(), ['the file has no paragraphs; turns were made at pauses']);
  }

  // Words and paragraphs are both in time order in DPE files, so one forward walk assigns them.
  const ordered = [...paragraphs].sort((a, b) => a.start - b.start);
  const groups: Word[][] = ordered.map(() => []);
  let paragraphIndex = 0;
  for (const word of timedWords) {
    const start = word.start ?? 0;
    while (paragraphIndex + 1 < ordered.length && start >= (ordered[paragraphIndex + 1]?.start ?? Infinity)) {
      paragraphIndex += 1;
    }
    groups[paragraphIndex]?.push(word);
  }
  ordered.forEach((paragraph, index) => {
    const group = groups[index] ?? [];
    builder.addTurn({
      speakerId: builder.speakerId(paragraph.speaker),
      start: paragraph.start,
      end: paragraph.end,
      words: group,
      timing: 'file',
    });
  });
  const empty = groups.filter((group) => group.length === 0).length;
  if (empty > 0) warnings.push(`${counted(empty, 'paragraph')} ${empty === 1 ? 'holds' : 'hold'} no words and ${empty === 1 ? 'was' : 'were'} left out`);
  return parseOk(builder.build(), warnings);
}

function detectDpeJson(_text: string, parsedJson: unknown): number {
  if (!isJsonObject(parsedJson) || !Array.isArray(parsedJson.words)) return 0;
  const word: unknown = parsedJson.words[0];
  const wordLike = isJsonObject(word) && 'text' in word && 'start' in word && 'end' in word;
  if (Array.isArray(parsedJson.paragraphs)) return wordLike || parsedJson.words.length === 0 ? 0.95 : 0.3;
  return wordLike && Object.keys(parsedJson).length <= 3 ? 0.4 : 0;
}

export const dpeJsonFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'BBC digital paper edit JSON',
  extensions: ['json'],
  detect: detectDpeJson,
  parse: parseDpeJson,
};
