// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECODER_CONFIG } from './align-transcript.ts';
import { createNodeEngine, dictionaryEntries } from './node-engine.ts';

const scratch = mkdtempSync(join(tmpdir(), 'node-engine-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('dictionaryEntries', () => {
  it('keeps every variant of the wanted words, whatever their case, and nothing else', async () => {
    const path = join(scratch, 'dict.txt');
    writeFileSync(path, [';; a comment', "'bout B AW T", 'read R IY D', 'read(2) R EH D', 'reader R IY D ER', 'Bread B R EH D', 'the DH AH', 'the(2) DH IY', ''].join('\n'));
    const entries = await dictionaryEntries(path, new Set(['read', 'bread', "'bout", 'absent']));
    expect(entries).toEqual([
      ["'bout", 'B AW T'],
      ['read', 'R IY D'],
      ['read(2)', 'R EH D'],
      ['Bread', 'B R EH D'],
    ]);
  });
});

describe('createNodeEngine().createDecoder with words', () => {
  it('answers lookups of those words as the whole dictionary does', async () => {
    const engine = createNodeEngine();
    const words = new Set(['the', 'read', 'a', 'gallyamov', "don't", 'u.']);
    const whole = await engine.createDecoder('en-us', DECODER_CONFIG);
    const subset = await engine.createDecoder('en-us', DECODER_CONFIG, words);
    try {
      for (const word of words) {
        for (const key of [word, `${word}(2)`, `${word}(3)`]) expect(subset.lookup_word(key), key).toBe(whole.lookup_word(key));
      }
      expect(whole.lookup_word('table')).not.toBeNull();
      expect(subset.lookup_word('table')).toBeNull();
    } finally {
      whole.delete();
      subset.delete();
    }
  }, 30_000);
});
