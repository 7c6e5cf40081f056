/**
 * JSON helpers for the JSON importers: parse once with a located syntax error, check
 * shapes with path-named errors (`entries[3].words[2].start must be a number`) and
 * map such a path back to the line it sits on, so every error can name a line.
 */
import type { ParseError, ParseOptions } from '../parse-result.ts';

export type JsonPath = (string | number)[];

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: ParseError };

/** `entries[3].words[2].start`; the root is `the file`. */
export function describeJsonPath(path: JsonPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text.length === 0 ? part : `.${part}`;
  }
  return text.length > 0 ? text : 'the file';
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;

/** Index just past a JSON string starting at `index`, or the index of the character that breaks it. */
function scanJsonString(text: string, index: number): { end: number; ok: boolean } {
  let at = index + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return { end: at + 1, ok: true };
    if (code < 0x20) return { end: at, ok: false };
    if (code === 0x5c) {
      const escape = text[at + 1] ?? '';
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(at + 2, at + 6))) return { end: at, ok: false };
        at += 6;
      } else if ('"\\/bfnrt'.includes(escape) && escape !== '') at += 2;
      else return { end: at, ok: false };
    } else at += 1;
  }
  return { end: text.length, ok: false };
}

/**
 * Offset of the first character that breaks the JSON grammar; V8 does not always say where
 * (`Unexpected token 'o', "…" is not valid JSON`). Iterative, so nesting depth costs nothing.
 */
export function jsonErrorOffset(text: string): number {
  type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' | 'end';
  const stack: string[] = [];
  let expect = 'value' as Expect;
  let at = 0;
  const afterValue = (): Expect => (stack.length > 0 ? 'after' : 'end');
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
    if (at >= text.length) return at;
    const char = text[at] ?? '';
    if (expect === 'end') return at;
    if (expect === 'colon') {
      if (char !== ':') return at;
      at += 1;
      expect = 'value';
    } else if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (char === ',') {
        at += 1;
        expect = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && char === '}') || (top === '[' && char === ']')) {
        stack.pop();
        at += 1;
        expect = afterValue();
      } else return at;
    } else if (expect === 'key' || expect === 'keyOrClose') {
      if (expect === 'keyOrClose' && char === '}') {
        stack.pop();
        at += 1;
        expect = afterValue();
        continue;
      }
      if (char !== '"') return at;
      const string = scanJsonString(text, at);
      if (!string.ok) return string.end;
      at = string.end;
      expect = 'colon';
    } else {
      if (expect === 'valueOrClose' && char === ']') {
        stack.pop();
        at += 1;
        expect = afterValue();
        continue;
      }
      if (char === '{' || char === '[') {
        stack.push(char);
        at += 1;
        expect = char === '{' ? 'keyOrClose' : 'valueOrClose';
        continue;
      }
      if (char === '"') {
        const string = scanJsonString(text, at);
        if (!string.ok) return string.end;
        at = string.end;
      } else {
        JSON_NUMBER.lastIndex = at;
        const number = JSON_NUMBER.exec(text);
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, at));
        if (number) at += number[0].length;
        else if (literal) at += literal.length;
        else return at;
      }
      expect = afterValue();
    }
  }
}

/** Parses JSON text, reporting a syntax error with its line and column instead of throwing. */
export function parseJsonText(text: string, format: string, options?: ParseOptions): JsonParse {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const reason = raw
      .replace(/\s*\(line \d+ column \d+\)/u, '')
      .replace(/\s*in JSON at position \d+/u, '')
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/su, '')
      .trim();
    const located = lineAndColumn(source, jsonErrorOffset(source));
    return {
      ok: false,
      error: {
        format,
        fileName: options?.fileName,
        line: located.line,
        position: located.column,
        message: `not valid JSON: ${reason}`,
      },
    };
  }
}

/** A shape problem found while reading parsed JSON; importers turn it into a ParseError. */
export class JsonShapeError extends Error {
  constructor(
    readonly path: JsonPath,
    readonly detail: string,
  ) {
    super(`${describeJsonPath(path)} ${detail}`);
  }
}

function missing(value: unknown, path: JsonPath, kind: string): void {
  if (value === undefined) throw new JsonShapeError(path, `is missing (it must be ${kind})`);
}

function preview(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return `the text ${JSON.stringify(short)}`;
  }
  return String(value);
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: JsonPath): Record<string, unknown> {
  missing(value, path, 'an object');
  if (!isJsonObject(value)) throw new JsonShapeError(path, `must be an object, not ${preview(value)}`);
  return value;
}

export function expectArray(value: unknown, path: JsonPath): unknown[] {
  missing(value, path, 'a list');
  if (!Array.isArray(value)) throw new JsonShapeError(path, `must be a list, not ${preview(value)}`);
  return value;
}

export function expectString(value: unknown, path: JsonPath): string {
  missing(value, path, 'a string');
  if (typeof value !== 'string') throw new JsonShapeError(path, `must be a string, not ${preview(value)}`);
  return value;
}

/** A finite number; JSON cannot hold NaN, but JS callers of the same checks can. */
export function expectNumber(value: unknown, path: JsonPath): number {
  missing(value, path, 'a number');
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new JsonShapeError(path, `must be a number, not ${preview(value)}`);
  }
  return value;
}

/** A time in seconds: a number that is not negative. */
export function expectTime(value: unknown, path: JsonPath): number {
  const time = expectNumber(value, path);
  if (time < 0) throw new JsonShapeError(path, `must not be negative (it is ${time})`);
  return time;
}

/** Turns a shape error into the importer's ParseError, locating the line of the offending value. */
export function shapeErrorToParseError(
  error: JsonShapeError,
  text: string,
  format: string,
  options?: ParseOptions,
): ParseError {
  // A missing field has no offset of its own; point at the nearest enclosing value instead.
  let offset: number | undefined;
  for (let length = error.path.length; offset === undefined && length >= 0; length -= 1) {
    offset = offsetOfJsonPath(text, error.path.slice(0, length));
  }
  return {
    format,
    fileName: options?.fileName,
    line: offset === undefined ? undefined : lineAndColumn(text, offset).line,
    position: describeJsonPath(error.path),
    message: error.message,
  };
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
    if (error instanceof JsonShapeError) {
      return { ok: false, error: shapeErrorToParseError(error, text, format, options) };
    }
    throw error;
  }
}

function skipSpace(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09 && code !== 0xfeff) break;
    at += 1;
  }
  return at;
}

/** Index just past the string literal starting at `index` (which holds the opening quote). */
function skipString(text: string, index: number): number {
  let at = index + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === '\\') at += 2;
    else if (char === '"') return at + 1;
    else at += 1;
  }
  return at;
}

/** Index just past the value starting at `index`; iterative so deep nesting cannot overflow. */
function skipValue(text: string, index: number): number {
  let at = index;
  let depth = 0;
  do {
    const char = text[at];
    if (char === '"') at = skipString(text, at);
    else if (char === '{' || char === '[') {
      depth += 1;
      at += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      at += 1;
    } else if (depth > 0) at += 1;
    else {
      while (at < text.length && !/[\s,}\]]/u.test(text[at] ?? '')) at += 1;
    }
    if (depth > 0) at = skipSpace(text, at);
  } while (depth > 0 && at < text.length);
  return at;
}

/**
 * Character offset of the value at `path` in JSON `text` (which must be valid JSON),
 * or `undefined` when the path does not exist. Only walks along the path.
 */
export function offsetOfJsonPath(text: string, path: JsonPath): number | undefined {
  let at = skipSpace(text, 0);
  for (const step of path) {
    const open = text[at];
    if (typeof step === 'number') {
      if (open !== '[') return undefined;
      at = skipSpace(text, at + 1);
      for (let index = 0; index < step; index += 1) {
        if (text[at] === ']') return undefined;
        at = skipSpace(text, skipValue(text, at));
        if (text[at] !== ',') return undefined;
        at = skipSpace(text, at + 1);
      }
      if (text[at] === ']') return undefined;
    } else {
      if (open !== '{') return undefined;
      at = skipSpace(text, at + 1);
      let found = false;
      while (at < text.length && text[at] === '"') {
        const keyEnd = skipString(text, at);
        let key: unknown;
        try {
          key = JSON.parse(text.slice(at, keyEnd));
        } catch {
          return undefined;
        }
        at = skipSpace(text, keyEnd);
        if (text[at] !== ':') return undefined;
        at = skipSpace(text, at + 1);
        if (key === step) {
          found = true;
          break;
        }
        at = skipSpace(text, skipValue(text, at));
        if (text[at] === ',') at = skipSpace(text, at + 1);
      }
      if (!found) return undefined;
    }
  }
  return at;
}
