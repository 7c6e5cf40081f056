// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TooLargeError, readLimited } from './read-limited.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'verbatim-limit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const vtt = `WEBVTT\n\n${Array.from({ length: 100 }, (_, i) => `00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:00:${String(i % 60).padStart(2, '0')}.500\nLine ${i}.\n`).join('\n')}`;
const path = join(work, 'talk.vtt');
writeFileSync(path, vtt);

describe('readLimited', () => {
  it('reads a file up to the limit and refuses one over it without reading it', () => {
    expect(readLimited(path, vtt.length).toString('utf8')).toBe(vtt);
    expect(() => readLimited(path, vtt.length - 1)).toThrow(TooLargeError);
    expect(() => readLimited(path, 1024)).toThrow(/^.*talk\.vtt is \d\.\d KB, more than the 1 KB Verbatim reads for a transcript$/u);
  });
});

describe('--max-size on the command line', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');

  it('convert refuses a file and a pipe over the limit with a sentence naming it, exit 1', () => {
    const file = spawnSync(tsx, ['cli/convert.ts', path, '--to', 'srt', '--max-size', '1KB'], { cwd: root, encoding: 'utf8' });
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/^convert: .*talk\.vtt is \d\.\d KB, more than the 1 KB Verbatim reads for a transcript; --max-size SIZE \(for example --max-size 200MB\) raises the limit\n$/u);
    const pipe = spawnSync(tsx, ['cli/convert.ts', '-', '--to', 'srt', '--max-size=1k'], { cwd: root, encoding: 'utf8', input: vtt });
    expect(pipe.status).toBe(1);
    expect(pipe.stderr).toContain('convert: standard input is more than the 1 KB Verbatim reads for a transcript');
    const enough = spawnSync(tsx, ['cli/convert.ts', '-', '--to', 'srt', '--max-size', '8KB'], { cwd: root, encoding: 'utf8', input: vtt });
    expect(enough.status).toBe(0);
    expect(enough.stdout).toContain('Line 99.');
  }, 60_000);

  it('align refuses a transcript over the limit before decoding the audio, and a bad size is a command-line error', () => {
    const big = spawnSync(tsx, ['cli/align.ts', 'no-such-audio.mp3', path, '--max-size', '1KB'], { cwd: root, encoding: 'utf8' });
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/^align: .*talk\.vtt is \d\.\d KB, more than the 1 KB Verbatim reads for a transcript; --max-size/u);
    const wrong = spawnSync(tsx, ['cli/align.ts', 'a.mp3', path, '--max-size', 'huge'], { cwd: root, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^align: --max-size must be a size such as 200MB or 1\.5GB, not huge\n/u);
  }, 60_000);
});
