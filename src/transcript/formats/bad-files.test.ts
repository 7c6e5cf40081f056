/**
 * The malformed-file corpus: every file in test/fixtures/bad must fail to read with the
 * message (and line) listed for it in expected.json, and a file without an entry fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeParseError } from '../parse-result.ts';
import { readTranscript } from '../read-transcript.ts';

const dir = new URL('../../../test/fixtures/bad/', import.meta.url);

interface Expected {
  format: string;
  line?: number;
  message: string;
}

const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, Expected>;
const files = readdirSync(dir).filter((name) => name !== 'expected.json').sort();

describe('malformed files', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  for (const name of files) {
    it(`${name} fails with its expected message`, () => {
      const want = expected[name];
      if (!want) throw new Error(`no expectation for ${name} in expected.json`);
      const result = readTranscript(readFileSync(new URL(name, dir), 'utf8'), { fileName: name });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.formatId).toBe(want.format);
      expect(result.error.message).toContain(want.message);
      expect(result.error.fileName).toBe(name);
      expect(result.error.line).toBe(want.line);
      expect(describeParseError(result.error)).toMatch(new RegExp(`^${name.replace(/\./gu, '\\.')}(, line ${want.line})?: `, 'u'));
    });
  }
});
