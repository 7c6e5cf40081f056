/**
 * The one validation layer every JSON importer reads through: one error type
 * (`JsonShapeError`, carrying the JSON path of the offending value), one wording
 * (`segments[2].start must be a number, not the text "4.2"`), and one runner that turns
 * syntax and shape errors into a `ParseError` naming the file, the line and the path.
 *
 * Validators come in two spellings of the path because importers build paths two ways:
 * `expect*` take a path list (`['entries', 3, 'start']`), `read*` a path string built with
 * `child()` (`entries[3].start`). Both throw the same error with the same sentence.
 */
import type { Transcript } from '../model.ts';
import { parseFail, parseOk, type ParseError, type ParseOptions, type ParseResult } from '../parse-result.ts';
import { describeJsonPath, lineAndColumn, offsetOfJsonPath, parseJsonText, type JsonPath } from './json-text.ts';

/** A value of the wrong shape; `readJsonShape` / `runJsonImport` turn it into a ParseError. */
export class JsonShapeError extends Error {
  readonly path: JsonPath;
  /** The sentence after the path, e.g. `must be a number, not the text "x"`. */
  readonly detail: string;
  /** `whole`: `detail` is a sentence of its own (a service's status report), not about the path. */
  constructor(path: JsonPath | string, detail: string, whole = false) {
    const list = typeof path === 'string' ? splitPath(path) : path;
    super(whole ? detail : `${describeJsonPath(list)} ${detail}`);
    this.path = list;
    this.detail = detail;
  }
}

export type JsonObject = Record<string, unknown>;

/** `results.items[12].start_time` -> `['results', 'items', 12, 'start_time']` (our keys hold no `.` or `[`). */
function splitPath(path: string): JsonPath {
  const parts: JsonPath = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/gu)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

/** `child('results', 'items')` -> `results.items`; `child('results.items', 12)` -> `results.items[12]`. */
export function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** How a value is named in messages: `the text "…"`, `a list`, `null`, `true`, `4`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return `the text ${JSON.stringify(short)}`;
  }
  return String(value);
}

function wrongShape(path: JsonPath | string, kind: string, value: unknown): JsonShapeError {
  if (value === undefined) return new JsonShapeError(path, `is missing (it must be ${kind})`);
  return new JsonShapeError(path, `must be ${kind}, not ${describeValue(value)}`);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only, so a key such as `constructor` never reads Object.prototype. */
export function field(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function object(value: unknown, path: JsonPath | string): JsonObject {
  if (!isJsonObject(value)) throw wrongShape(path, 'an object', value);
  return value;
}

function array(value: unknown, path: JsonPath | string): unknown[] {
  if (!Array.isArray(value)) throw wrongShape(path, 'a list', value);
  return value;
}

function string(value: unknown, path: JsonPath | string): string {
  if (typeof value !== 'string') throw wrongShape(path, 'a string', value);
  return value;
}

/** A finite number; JSON cannot hold NaN, but JS callers of the same checks can. */
function number(value: unknown, path: JsonPath | string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongShape(path, 'a number', value);
  return value;
}

/** A time in seconds: a finite number, not negative. */
function seconds(value: unknown, path: JsonPath | string): number {
  const time = number(value, path);
  if (time < 0) throw new JsonShapeError(path, `must not be negative (it is ${time})`);
  return time;
}

export const expectObject: (value: unknown, path: JsonPath) => JsonObject = object;
export const expectArray: (value: unknown, path: JsonPath) => unknown[] = array;
export const expectString: (value: unknown, path: JsonPath) => string = string;
export const expectNumber: (value: unknown, path: JsonPath) => number = number;
export const expectTime: (value: unknown, path: JsonPath) => number = seconds;

export const readObject: (value: unknown, path: string) => JsonObject = object;
export const readArray: (value: unknown, path: string) => unknown[] = array;
export const readString: (value: unknown, path: string) => string = string;
export const readNumber: (value: unknown, path: string) => number = number;
export const readSeconds: (value: unknown, path: string) => number = seconds;

/** `undefined`/`null` mean "not given"; any other non-matching value is an error. */
export function readOptional<T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : read(value, path);
}

/** Milliseconds as a number, returned in seconds. */
export function readMilliseconds(value: unknown, path: string): number {
  return seconds(value, path) / 1000;
}

/** AWS writes numbers as strings (`"4.87"`); a plain number is accepted too. */
export function readNumericString(value: unknown, path: string): number {
  if (typeof value === 'number') return number(value, path);
  if (typeof value !== 'string' || value.trim() === '') throw wrongShape(path, 'a number', value);
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw wrongShape(path, 'a number', value);
  return parsed;
}

/** A 0..1 confidence; services occasionally round past the ends, so it is clamped, not rejected. */
export function readConfidence(value: unknown, path: string, read = readNumber): number | undefined {
  const confidence = readOptional(value, path, read);
  if (confidence === undefined) return undefined;
  return Math.min(1, Math.max(0, confidence));
}

/** An item's optional times and confidence, as the services give them on words, utterances and segments. */
export interface ItemTimes {
  start?: number;
  end?: number;
  confidence?: number;
}

/**
 * Reads the optional `startKey`/`endKey` times of `object` (seconds unless `readTime` says otherwise)
 * and, when a key is named, its confidence (`confidenceFrom` when the confidence sits on another
 * object, such as an alternative).
 */
export function readTimes(
  object: JsonObject,
  path: string,
  keys: { start: string; end: string; confidence?: string },
  readTime: (value: unknown, path: string) => number = seconds,
  confidenceFrom: { object: JsonObject; path: string; read?: (value: unknown, path: string) => number } = { object, path },
): ItemTimes {
  const times: ItemTimes = {};
  const start = readOptional(field(object, keys.start), child(path, keys.start), readTime);
  const end = readOptional(field(object, keys.end), child(path, keys.end), readTime);
  if (start !== undefined) times.start = start;
  if (end !== undefined) times.end = end;
  if (keys.confidence !== undefined) {
    const { object: from, path: fromPath, read } = confidenceFrom;
    const confidence = readConfidence(field(from, keys.confidence), child(fromPath, keys.confidence), read);
    if (confidence !== undefined) times.confidence = confidence;
  }
  return times;
}

/** Reads every item of an array with its own path (`words[3]`). */
export function readEach<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): T[] {
  return array(value, path).map((item, index) => read(item, child(path, index)));
}

/**
 * Detectors get the already-parsed JSON from `detectFormat` (parsed once for all of them; broken
 * JSON arrives as `BROKEN_JSON`, so no detector parses it again). Called on their own (tests, CLI)
 * they parse text that looks like a JSON object themselves.
 */
export function jsonForDetection(text: string, parsedJson: unknown): unknown {
  if (parsedJson === BROKEN_JSON) return undefined;
  if (parsedJson !== undefined) return parsedJson;
  if (typeof text !== 'string' || !/^\uFEFF?\s*\{/u.test(text)) return undefined;
  const parsed = parseJsonText(text, 'json');
  return parsed.ok ? parsed.value : undefined;
}

/** What `detectFormat` hands detectors for text that looks like JSON but does not parse. */
export const BROKEN_JSON: unique symbol = Symbol('broken JSON');

/** Turns a shape error into the importer's ParseError, locating the line of the offending value. */
export function shapeErrorToParseError(error: JsonShapeError, text: string, format: string, options?: ParseOptions): ParseError {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A missing field has no offset of its own; point at the nearest enclosing value instead.
  let offset: number | undefined;
  for (let length = error.path.length; offset === undefined && length >= 0; length -= 1) {
    offset = offsetOfJsonPath(body, error.path.slice(0, length));
  }
  const parseError: ParseError = { format, message: error.message };
  if (options?.fileName !== undefined) parseError.fileName = options.fileName;
  if (offset !== undefined) parseError.line = lineAndColumn(body, offset).line;
  if (error.path.length > 0) parseError.position = describeJsonPath(error.path);
  return parseError;
}

/** Runs a shape-reading function, converting its JsonShapeError (and only that) into a ParseError. */
export function readJsonShape<T>(
  read: () => T,
  text: string,
  format: string,
  options?: ParseOptions,
): { ok: true; value: T } | { ok: false; error: ParseError } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof JsonShapeError) return { ok: false, error: shapeErrorToParseError(error, text, format, options) };
    throw error;
  }
}

/**
 * Parses `text` as JSON and runs one importer's builder over it; every failure (syntax, shape,
 * or a bug in the builder) becomes a `ParseError`: importers built on this never throw.
 */
export function runJsonImport(
  format: string,
  text: string,
  options: ParseOptions | undefined,
  build: (json: unknown, warnings: string[]) => Transcript,
): ParseResult {
  const withFile = options?.fileName === undefined ? {} : { fileName: options.fileName };
  if (typeof text !== 'string') return parseFail({ format, ...withFile, message: 'the input is not text' });
  const parsed = parseJsonText(text, format, options);
  if (!parsed.ok) return parseFail(parsed.error);
  const warnings: string[] = [];
  try {
    const read = readJsonShape(() => build(parsed.value, warnings), text, format, options);
    return read.ok ? parseOk(read.value, warnings) : parseFail(read.error);
  } catch (error) {
    // A bug in an importer must still surface as a readable error, not a crash of the caller.
    const reason = error instanceof Error ? error.message : String(error);
    return parseFail({ format, ...withFile, message: `could not be read (${reason})` });
  }
}
