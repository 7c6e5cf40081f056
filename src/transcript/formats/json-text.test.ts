import { describe, expect, it } from 'vitest';
import {
  expectNumber,
  JsonShapeError,
  readJsonShape,
} from './json-shape.ts';
import {
  describeJsonPath,
  jsonErrorOffset,
  offsetOfJsonPath,
  parseJsonText,
} from './json-text.ts';

describe('parseJsonText', () => {
  it('parses JSON, ignoring a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1]}', 'x')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('reports a syntax error with its line and the file name', () => {
    const result = parseJsonText('{\n  "a": 1,\n  "b": oops\n}', 'test', { fileName: 'f.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ format: 'test', fileName: 'f.json', line: 3 });
    expect(result.error.message).toMatch(/^not valid JSON/u);
    expect(result.error.message).not.toContain('oops\n');
  });
});

describe('jsonErrorOffset', () => {
  it('points at the first character that breaks the grammar', () => {
    const cases: [string, string][] = [
      ['{"a": oops}', 'oops}'],
      ['{"a": 1,}', '}'],
      ['[1 2]', '2]'],
      ['{"a" 1}', '1}'],
      ['{"a": "bad \\q escape"}', '\\q escape"}'],
      ['[01]', '1]'],
      ['{"a": 1} x', 'x'],
      ['{"a": [1, 2', ''],
    ];
    for (const [text, rest] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(text.slice(jsonErrorOffset(text)), text).toBe(rest);
    }
  });
});

describe('offsetOfJsonPath', () => {
  const text = '{\n "a": {"x": "}\\"]", "list": [\n  1,\n  {"deep": [true, {"k": null}]},\n  3\n ]}\n}';

  it('finds nested values past strings holding brackets and quotes', () => {
    const at = offsetOfJsonPath(text, ['a', 'list', 1, 'deep', 1, 'k']);
    expect(text.slice(at, (at ?? 0) + 4)).toBe('null');
    expect(text.slice(offsetOfJsonPath(text, ['a', 'list', 2]))).toMatch(/^3/u);
  });

  it('returns undefined for a path that is not there', () => {
    expect(offsetOfJsonPath(text, ['a', 'list', 3])).toBeUndefined();
    expect(offsetOfJsonPath(text, ['b'])).toBeUndefined();
    expect(offsetOfJsonPath(text, ['a', 0])).toBeUndefined();
  });
});

describe('shape errors', () => {
  it('names the path and the line of the offending value', () => {
    const text = '{\n  "items": [\n    {"start": 1},\n    {"start": "two"}\n  ]\n}';
    const value = JSON.parse(text) as { items: { start: unknown }[] };
    const read = readJsonShape(() => expectNumber(value.items[1]?.start, ['items', 1, 'start']), text, 'x', { fileName: 'a.json' });
    expect(read).toEqual({
      ok: false,
      error: {
        format: 'x',
        fileName: 'a.json',
        line: 4,
        position: 'items[1].start',
        message: 'items[1].start must be a number, not the text "two"',
      },
    });
  });

  it('describes paths', () => {
    expect(describeJsonPath([])).toBe('the file');
    expect(describeJsonPath(['entries', 3, 'words', 2, 'start'])).toBe('entries[3].words[2].start');
    expect(new JsonShapeError(['a'], 'is bad').message).toBe('a is bad');
  });
});
