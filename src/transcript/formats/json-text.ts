/**
 * JSON syntax for the JSON importers: parse once with a located syntax error, and map a
 * JSON path back to the line it sits on, so every error can name a line. Shapes are
 * checked in json-shape.ts, the one validation layer.
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
  const where = options?.fileName === undefined ? {} : { fileName: options.fileName };
  if (source.trim() === '') return { ok: false, error: { format, ...where, message: 'the file is empty' } };
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    if (/end of JSON input|Unterminated string/u.test(raw) && jsonErrorOffset(source) >= source.trimEnd().length) {
      const located = lineAndColumn(source, source.trimEnd().length);
      return {
        ok: false,
        error: { format, ...where, line: located.line, position: located.column, message: 'not valid JSON: the file ends in the middle of a value (was it cut off?)' },
      };
    }
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
        ...where,
        line: located.line,
        position: located.column,
        message: `not valid JSON: ${reason}`,
      },
    };
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
