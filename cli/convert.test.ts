import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { convertText, parseConvertArgs, runConvert, type ConvertArgs, type ConvertIo } from './convert.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string): string => join(root, 'test/fixtures/formats', name);

/** Real files and captured output streams. */
function captureIo(): ConvertIo & { out: string; err: string; files: Map<string, string> } {
  const io = {
    out: '',
    err: '',
    files: new Map<string, string>(),
    readFile: (path: string) => readFileSync(path, 'utf8'),
    readStdin: () => 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Sam>From stdin.\n',
    writeFile: (path: string, text: string) => void io.files.set(path, text),
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

const args = (overrides: Partial<ConvertArgs>): ConvertArgs => ({ input: 'x', to: 'srt', wordTimestamps: false, ...overrides });

describe('parseConvertArgs', () => {
  it('reads the input, the formats and the options in either spelling', () => {
    expect(parseConvertArgs(['in.vtt', '--to', 'srt', '--out=o.srt', '--from', 'webvtt', '--word-times'])).toEqual({
      ok: true,
      value: { input: 'in.vtt', to: 'srt', out: 'o.srt', from: 'webvtt', wordTimestamps: true, title: undefined, audio: undefined, captions: {} },
    });
  });

  it('reads the caption options: --cue-per-turn and the limits', () => {
    const parsed = parseConvertArgs(['in.json', '--to', 'srt', '--cue-per-turn', '--max-chars', '37', '--max-lines=1', '--max-duration', '6']);
    expect(parsed.ok && parsed.value.captions).toEqual({ cuePerTurn: true, maxChars: 37, maxLines: 1, maxDuration: 6 });
    const bad = parseConvertArgs(['in.json', '--to', 'srt', '--max-chars', 'wide']);
    expect(bad.ok ? '' : bad.error).toBe('--max-chars needs a positive number (got "wide")');
  });

  it('explains what is wrong with a command line', () => {
    const error = (argv: string[]) => {
      const parsed = parseConvertArgs(argv);
      return parsed.ok ? 'ok' : parsed.error;
    };
    expect(error(['--to', 'srt'])).toBe('no input file given');
    expect(error(['a', 'b', '--to', 'srt'])).toContain('one input file at a time');
    expect(error(['a'])).toBe('say which format to write with --to');
    expect(error(['a', '--to'])).toBe('--to needs a value');
    expect(error(['a', '--to', 'odt'])).toContain('unknown output format "odt"');
    expect(error(['a', '--to', 'srt', '--from', 'word'])).toContain('unknown input format "word"');
    expect(error(['a', '--to', 'srt', '--colour'])).toBe('unknown option --colour');
  });
});

describe('convertText', () => {
  it('converts by detected format and accepts an extension for --to', () => {
    const converted = convertText(readFileSync(fixture('podcast-namespace.srt'), 'utf8'), 'ep.srt', args({ to: 'vtt' }));
    if (!converted.ok) throw new Error(converted.error);
    expect(converted.value.formatLabel).toBe('SubRip subtitles (SRT)');
    expect(converted.value.output).toMatch(/^WEBVTT\n/u);
    expect(converted.value.output).toContain('<v Sarah>In today');
  });

  it('gives the parse error with file name and line', () => {
    const converted = convertText('1\n00:01:05,000 --> 00:01:02,000\nx\n', 'notes.srt', args({ to: 'json' }));
    expect(converted).toEqual({ ok: false, error: 'notes.srt, line 2: end time 00:01:02,000 is before start time 00:01:05,000' });
  });

  it('warns when a caption format leaves untimed entries out', () => {
    const converted = convertText(readFileSync(fixture('verbatim.json'), 'utf8'), 'v.json', args({ to: 'srt' }));
    expect(converted.ok && converted.value.warnings).toEqual(['1 entry has no time and was left out of the SubRip subtitles (SRT)']);
  });
});

describe('runConvert', () => {
  it('writes to standard output, or to --out with a note on standard error', () => {
    const io = captureIo();
    expect(runConvert([fixture('podcast-words.json'), '--to', 'txt'], io)).toBe(0);
    expect(io.out).toBe("[00:00:00] Darth Vader: I am your father.\n\n[00:00:02] Luke: Nooooo that's impossible!\n");
    const toFile = captureIo();
    expect(runConvert([fixture('podcast-words.json'), '--to', 'md', '--out', 'o.md'], toFile)).toBe(0);
    expect(toFile.files.get('o.md')).toContain('**Darth Vader** (00:00:00): I am your father.');
    expect(toFile.err).toContain('as Podcasting 2.0 JSON, wrote o.md');
  });

  it('reads standard input for -', () => {
    const io = captureIo();
    expect(runConvert(['-', '--to', 'srt'], io)).toBe(0);
    expect(io.out).toBe('1\n00:00:01,000 --> 00:00:02,000\nSam: From stdin.\n');
  });

  it('fails with status 1 for a missing file and 2 for a bad command line', () => {
    const missing = captureIo();
    expect(runConvert(['no-such-file.vtt', '--to', 'srt'], missing)).toBe(1);
    expect(missing.err).toBe('convert: cannot read no-such-file.vtt: no such file\n');
    const bad = captureIo();
    expect(runConvert([fixture('podcast-words.json'), '--to', 'pdf'], bad)).toBe(2);
    expect(bad.out).toBe('');
  });
});

describe('convert as a command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-convert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs under tsx with the documented exit statuses', () => {
    const tsx = join(root, 'node_modules/.bin/tsx');
    const out = join(dir, 'out.vtt');
    const ok = spawnSync(tsx, ['cli/convert.ts', fixture('dpe-transcript.json'), '--to', 'vtt', '--out', out], { cwd: root, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<v Kate Darling>About ten years ago.');
    const bad = spawnSync(tsx, ['cli/convert.ts', fixture('../bad/srt-end-before-start.srt'), '--to', 'vtt'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('end time');
  }, 30_000);
});

describe('runConvert --to docx', () => {
  it('writes a Word document (a zip with word/document.xml) to --out', async () => {
    const written: Uint8Array[] = [];
    const io: ConvertIo = {
      readFile: (path) => readFileSync(path, 'utf8'),
      readStdin: () => '',
      writeFile: (_path, data) => void written.push(typeof data === 'string' ? new TextEncoder().encode(data) : data),
      stdout: () => undefined,
      stderr: () => undefined,
    };
    expect(await runConvert([fixture('podcast-words.json'), '--to', 'docx', '--out', 'o.docx'], io)).toBe(0);
    const bytes = written[0]!;
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(new TextDecoder('latin1').decode(bytes)).toContain('word/document.xml');
  });
});
