/**
 * Verbatim's own lossless JSON: `{"format":"verbatim","version":2,"transcript":{...}}`.
 * Read strictly: every field is checked and a wrong one is named by its path and line.
 * Version 2 added `paragraph: true` on words; version 1 files (saved files, autosaved
 * projects) are still read, and simply have no paragraphs.
 */
import type { Entry, Speaker, TimingSource, Transcript, Word } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import {
  expectArray,
  expectNumber,
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

export const VERBATIM_JSON_FORMAT = 'verbatim';
export const VERBATIM_JSON_VERSION = 2;
/** Every version this reader accepts, oldest first. */
export const VERBATIM_JSON_VERSIONS: readonly number[] = [1, 2];
const FORMAT_ID = 'verbatim-json';

const TIMING_SOURCES: readonly TimingSource[] = ['file', 'aligned', 'estimated', 'manual'];

/** The file wrapper, so the writer and the reader share one definition. */
export interface VerbatimJsonDocument {
  format: typeof VERBATIM_JSON_FORMAT;
  version: typeof VERBATIM_JSON_VERSION;
  transcript: Transcript;
}

function readTiming(value: unknown, path: JsonPath): TimingSource {
  const text = expectString(value, path);
  if (!(TIMING_SOURCES as readonly string[]).includes(text)) {
    throw new JsonShapeError(path, `must be one of ${TIMING_SOURCES.join(', ')}, not "${text}"`);
  }
  return text as TimingSource;
}

function readConfidence(value: unknown, path: JsonPath): number {
  const confidence = expectNumber(value, path);
  if (confidence < 0 || confidence > 1) throw new JsonShapeError(path, `must be between 0 and 1 (it is ${confidence})`);
  return confidence;
}

/** Reads the optional `start`/`end` pair of an object, checking that end is not before start. */
function readSpan(object: Record<string, unknown>, path: JsonPath): { start?: number; end?: number } {
  const span: { start?: number; end?: number } = {};
  if (object.start !== undefined) span.start = expectTime(object.start, [...path, 'start']);
  if (object.end !== undefined) span.end = expectTime(object.end, [...path, 'end']);
  if (span.start !== undefined && span.end !== undefined && span.end < span.start) {
    throw new JsonShapeError([...path, 'end'], `(${span.end}) is before start (${span.start})`);
  }
  return span;
}

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], path: JsonPath, unknown: Set<string>): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) unknown.add([...path.filter((part) => typeof part === 'string'), key].join('.'));
  }
}

const WORD_KEYS: Record<number, readonly string[]> = {
  1: ['text', 'start', 'end', 'confidence', 'timing'],
  2: ['text', 'start', 'end', 'confidence', 'timing', 'paragraph'],
};

function readWord(value: unknown, path: JsonPath, context: ReadContext, first: boolean): Word {
  const object = expectObject(value, path);
  checkKeys(object, WORD_KEYS[context.version] ?? [], ['words'], context.unknown);
  const word: Word = { text: expectString(object.text, [...path, 'text']), ...readSpan(object, path) };
  if (object.confidence !== undefined) word.confidence = readConfidence(object.confidence, [...path, 'confidence']);
  if (object.timing !== undefined) word.timing = readTiming(object.timing, [...path, 'timing']);
  if (context.version >= 2 && object.paragraph !== undefined) {
    if (object.paragraph !== true && object.paragraph !== false) {
      throw new JsonShapeError([...path, 'paragraph'], `must be true or false, not ${JSON.stringify(object.paragraph)}`);
    }
    // A turn's first word starts the turn, not a paragraph inside it.
    if (object.paragraph && !first) word.paragraph = true;
  }
  return word;
}

interface ReadContext {
  version: number;
  unknown: Set<string>;
}

function readEntry(value: unknown, path: JsonPath, speakerIds: Set<string>, context: ReadContext): Entry {
  const { unknown } = context;
  const object = expectObject(value, path);
  const kind = object.kind;
  if (kind === 'event') {
    checkKeys(object, ['kind', 'text', 'start', 'end', 'timing'], ['entries'], unknown);
    const entry: Entry = { kind: 'event', text: expectString(object.text, [...path, 'text']), ...readSpan(object, path) };
    if (object.timing !== undefined) entry.timing = readTiming(object.timing, [...path, 'timing']);
    return entry;
  }
  if (kind !== 'speech') {
    throw new JsonShapeError([...path, 'kind'], `must be "speech" or "event", not ${JSON.stringify(kind ?? null)}`);
  }
  checkKeys(object, ['kind', 'speakerId', 'start', 'end', 'words', 'confidence', 'timing'], ['entries'], unknown);
  const speakerPath = [...path, 'speakerId'];
  let speakerId: string | null = null;
  if (object.speakerId !== null) {
    if (object.speakerId === undefined) throw new JsonShapeError(speakerPath, 'is missing (use null for no speaker)');
    speakerId = expectString(object.speakerId, speakerPath);
    if (!speakerIds.has(speakerId)) throw new JsonShapeError(speakerPath, `"${speakerId}" is not one of the speakers`);
  }
  const words = expectArray(object.words, [...path, 'words']).map((word, index) =>
    readWord(word, [...path, 'words', index], context, index === 0),
  );
  const entry: Entry = { kind: 'speech', speakerId, ...readSpan(object, path), words };
  if (object.confidence !== undefined) entry.confidence = readConfidence(object.confidence, [...path, 'confidence']);
  if (object.timing !== undefined) entry.timing = readTiming(object.timing, [...path, 'timing']);
  return entry;
}

function readSpeaker(value: unknown, path: JsonPath, unknown: Set<string>): Speaker {
  const object = expectObject(value, path);
  checkKeys(object, ['id', 'name', 'role'], ['speakers'], unknown);
  const id = expectString(object.id, [...path, 'id']);
  if (id.length === 0) throw new JsonShapeError([...path, 'id'], 'must not be empty');
  const speaker: Speaker = { id, name: expectString(object.name, [...path, 'name']) };
  if (object.role !== undefined) speaker.role = expectString(object.role, [...path, 'role']);
  return speaker;
}

/** Checks a parsed document and returns the transcript it holds; throws JsonShapeError on the first problem. */
export function readVerbatimDocument(value: unknown, unknown: Set<string> = new Set()): Transcript {
  const root = expectObject(value, []);
  if (root.format !== VERBATIM_JSON_FORMAT) {
    throw new JsonShapeError(['format'], `must be "${VERBATIM_JSON_FORMAT}", not ${JSON.stringify(root.format ?? null)}`);
  }
  const version = expectNumber(root.version, ['version']);
  if (!VERBATIM_JSON_VERSIONS.includes(version)) {
    throw new JsonShapeError(
      ['version'],
      version > VERBATIM_JSON_VERSION
        ? `is ${version}, newer than this version of Verbatim reads (${VERBATIM_JSON_VERSION})`
        : `must be one of ${VERBATIM_JSON_VERSIONS.join(', ')}, not ${version}`,
    );
  }
  const context: ReadContext = { version, unknown };
  const body = expectObject(root.transcript, ['transcript']);
  checkKeys(body, ['speakers', 'entries', 'language'], [], unknown);
  const speakers = expectArray(body.speakers, ['transcript', 'speakers']).map((speaker, index) =>
    readSpeaker(speaker, ['transcript', 'speakers', index], unknown),
  );
  const speakerIds = new Set<string>();
  speakers.forEach((speaker, index) => {
    if (speakerIds.has(speaker.id)) {
      throw new JsonShapeError(['transcript', 'speakers', index, 'id'], `"${speaker.id}" is used by two speakers`);
    }
    speakerIds.add(speaker.id);
  });
  const entries = expectArray(body.entries, ['transcript', 'entries']).map((entry, index) =>
    readEntry(entry, ['transcript', 'entries', index], speakerIds, context),
  );
  const transcript: Transcript = { speakers, entries };
  if (body.language !== undefined) transcript.language = expectString(body.language, ['transcript', 'language']);
  return transcript;
}

export function parseVerbatimJson(text: string, options?: ParseOptions): ParseResult {
  const json = parseJsonText(text, FORMAT_ID, options);
  if (!json.ok) return parseFail(json.error);
  const unknown = new Set<string>();
  const read = readJsonShape(() => readVerbatimDocument(json.value, unknown), text, FORMAT_ID, options);
  if (!read.ok) return parseFail(read.error);
  const warnings = unknown.size > 0 ? [`unknown fields were ignored: ${[...unknown].sort().join(', ')}`] : [];
  return parseOk(read.value, warnings);
}

export const verbatimJsonFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'Verbatim JSON',
  extensions: ['json', 'verbatim'],
  detect: (_text, parsedJson) => (isJsonObject(parsedJson) && parsedJson.format === VERBATIM_JSON_FORMAT ? 1 : 0),
  parse: parseVerbatimJson,
};
