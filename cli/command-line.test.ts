import { describe, expect, it } from 'vitest';
import { type OptionTable, asksForHelp, optionLines, parseCommandLine } from './command-line.ts';

const TABLE = {
  out: { type: 'string', value: 'FILE', help: 'write FILE' },
  tag: { type: 'string', multiple: true, help: 'a tag, again for more' },
  fast: { type: 'boolean', short: 'f', help: 'go fast' },
  level: { type: 'string', default: '3', help: 'how much' },
} as const satisfies OptionTable;

describe('parseCommandLine', () => {
  it('reads both spellings, short flags, repeats, defaults and positionals after --', () => {
    expect(parseCommandLine(['a', '--out=x.json', '-f', '--tag', 'p', '--tag=q', '--', '--not-an-option'], TABLE)).toEqual({
      ok: true,
      value: { values: { out: 'x.json', fast: true, tag: ['p', 'q'], level: '3' }, positionals: ['a', '--not-an-option'] },
    });
  });

  it.each([
    [['--colour'], 'unknown option --colour'],
    [['--colour=red'], 'unknown option --colour'],
    [['-x'], 'unknown option -x'],
    [['--out'], '--out needs a value'],
    [['--out='], '--out needs a value'],
    [['--out', '--fast'], '--out needs a value'],
    [['--fast=yes'], '--fast takes no value'],
  ])('%j → %s', (argv, error) => {
    expect(parseCommandLine(argv, TABLE)).toEqual({ ok: false, error });
  });

  it('keeps `-` (standard input) as a positional and as a value', () => {
    expect(parseCommandLine(['-', '--out', '-'], TABLE)).toMatchObject({ ok: true, value: { values: { out: '-' }, positionals: ['-'] } });
  });
});

describe('optionLines', () => {
  it('lists every option in table order with its placeholder, aligned', () => {
    expect(optionLines(TABLE)).toEqual([
      '  --out FILE  write FILE',
      '  --tag       a tag, again for more',
      '  -f, --fast  go fast',
      '  --level     how much',
    ]);
  });
});

describe('asksForHelp', () => {
  it('sees --help and -h, but not after --', () => {
    expect(asksForHelp(['x', '-h'])).toBe(true);
    expect(asksForHelp(['--help', '--bogus'])).toBe(true);
    expect(asksForHelp(['--', '--help'])).toBe(false);
  });
});
