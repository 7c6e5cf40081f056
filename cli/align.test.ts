// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../src/transcript/model.ts';
import { type AlignmentJson, alignmentJson, MISMATCH_EXIT, parseAlignArgs, progressPrinter, runAlign } from './align.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/align/${name}`, import.meta.url));
const onsets = JSON.parse(readFileSync(fixture('clip.onsets.json'), 'utf8')) as { entries: number[] };

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) }, out, err };
}

describe('parseAlignArgs', () => {
  it('takes the audio, the transcript and the options', () => {
    expect(parseAlignArgs(['a.mp3', 't.txt', '--out', 'x.vtt', '--language', 'fr'])).toEqual({
      ok: true,
      value: { audio: 'a.mp3', transcript: 't.txt', out: 'x.vtt', language: 'fr' },
    });
  });

  it('rejects wrong command lines with a reason', () => {
    expect(parseAlignArgs(['a.mp3'])).toMatchObject({ ok: false, error: 'expected an audio file and a transcript file' });
    expect(parseAlignArgs(['a.mp3', 't.txt', '--out'])).toMatchObject({ ok: false, error: '--out needs a value' });
    expect(parseAlignArgs(['a.mp3', 't.txt', '--out', 'x.docx'])).toMatchObject({ ok: false });
    expect(parseAlignArgs(['a.mp3', 't.txt', '--fast'])).toMatchObject({ ok: false, error: 'unknown option --fast' });
  });
});

describe('alignmentJson', () => {
  it('writes speakers by display name, null when unlabelled, times in seconds with 3 decimals', () => {
    const transcript: Transcript = {
      speakers: [{ id: 'ana', name: 'Ana Ruiz' }],
      entries: [
        { kind: 'speech', speakerId: 'ana', start: 1.23456, end: 2, words: [{ text: 'Hi', start: 1.23456, end: 1.5 }, { text: 'there.', start: 1.5, end: 2 }] },
        { kind: 'event', text: '(MUSIC)', start: 2.1, end: 3 },
        { kind: 'speech', speakerId: null, words: [{ text: 'Untimed' }] },
      ],
    };
    expect(alignmentJson(transcript)).toEqual({
      turns: [
        { kind: 'speech', speaker: 'Ana Ruiz', start: 1.235, end: 2, text: 'Hi there.', words: [{ text: 'Hi', start: 1.235, end: 1.5 }, { text: 'there.', start: 1.5, end: 2 }] },
        { kind: 'event', text: '(MUSIC)', start: 2.1, end: 3 },
        { kind: 'speech', speaker: null, start: null, end: null, text: 'Untimed', words: [{ text: 'Untimed', start: null, end: null }] },
      ],
    });
  });
});

describe('runAlign', () => {
  it('aligns the fixture clip and prints the JSON, progress on standard error', async () => {
    const { io, out, err } = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: fixture('clip.txt') }, io)).toBe(0);
    const json = JSON.parse(out.join('')) as AlignmentJson;
    expect(json.turns.map((turn) => turn.kind)).toEqual(['speech', 'speech', 'event', 'speech']);
    expect(json.turns.map((turn) => (turn.kind === 'speech' ? turn.speaker : turn.text))).toEqual([
      'Dana Whitfield',
      'Marcus Bell',
      '(SOUNDBITE OF DOOR CLOSING)',
      'Dana Whitfield',
    ]);
    json.turns.forEach((turn, i) => expect(Math.abs((turn.start as number) - (onsets.entries[i] as number))).toBeLessThan(0.1));
    for (const turn of json.turns) if (turn.kind === 'speech') expect(turn.words.every((word) => word.start !== null && word.end !== null)).toBe(true);
    expect(err.join('')).toMatch(/aligning/u);
  }, 60_000);

  it('writes WebVTT and SRT by the extension of --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-cli-'));
    for (const extension of ['vtt', 'srt']) {
      const out = join(dir, `clip.${extension}`);
      expect(await runAlign({ audio: fixture('clip.opus'), transcript: fixture('clip.txt'), out }, capture().io)).toBe(0);
      const text = readFileSync(out, 'utf8');
      if (extension === 'vtt') expect(text.startsWith('WEBVTT')).toBe(true);
      else expect(text).toMatch(/^1\r?\n00:00:0\d,\d{3} --> /u);
      expect(text).toContain('nobody here expected it');
    }
  }, 120_000);

  it('fails with a clear message on bad audio, an empty transcript or a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-cli-'));
    const notAudio = join(dir, 'clip.mp3');
    writeFileSync(notAudio, 'this is text, not sound');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    const bad = capture();
    expect(await runAlign({ audio: notAudio, transcript: fixture('clip.txt') }, bad.io)).toBe(1);
    expect(bad.err.join('')).toMatch(/is not an audio file this tool can read/u);
    const none = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: empty }, none.io)).toBe(1);
    expect(none.err.join('')).toMatch(/empty/u);
    const missing = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: join(dir, 'nope.txt') }, missing.io)).toBe(1);
    expect(missing.err.join('')).toMatch(/transcript file not found/u);
  });

  it('fails when the transcript plainly belongs to other audio', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-cli-'));
    const other = join(dir, 'other.txt');
    writeFileSync(
      other,
      Array.from({ length: 8 }, (_, i) => `READER: Line ${i + 1} of a poem about forty winters and deep trenches in a field of roses.`).join('\n'),
    );
    const run = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: other, language: 'en' }, run.io)).toBe(MISMATCH_EXIT);
    expect(run.err.join('')).toMatch(/refused: the transcript does not seem to (match|be of) the audio/u);
    expect(run.out.join('')).toBe('');
    // --force gives times anyway, estimated from the speech pauses and marked so.
    const forced = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: other, language: 'en', force: true }, forced.io)).toBe(0);
    expect(forced.err.join('')).toMatch(/--force: giving times estimated/u);
    const json = JSON.parse(forced.out.join('')) as AlignmentJson;
    expect(json.turns.every((turn) => turn.start !== null)).toBe(true);
  }, 300_000);

  it('takes the language from the text when none is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'align-cli-'));
    const spanish = join(dir, 'es.txt');
    writeFileSync(spanish, 'Buenos días a todos. Hoy hablamos de las noticias de la ciudad y de lo que significan para nuestros vecinos.\n');
    const run = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: spanish }, run.io)).toBe(0);
    expect(run.err.join('')).toMatch(/language es \(detected from the text/u);
    expect(run.err.join('')).toMatch(/estimated from speech pauses/u);
  }, 60_000);

  it('parses --force', () => {
    expect(parseAlignArgs(['a.mp3', 't.txt', '--force'])).toEqual({ ok: true, value: { audio: 'a.mp3', transcript: 't.txt', force: true } });
  });

  it('parses --jobs and refuses what is not a thread count', () => {
    expect(parseAlignArgs(['a.mp3', 't.txt', '--jobs', '2'])).toEqual({ ok: true, value: { audio: 'a.mp3', transcript: 't.txt', jobs: 2 } });
    for (const bad of ['0', '1.5', 'all']) expect(parseAlignArgs(['a.mp3', 't.txt', '--jobs', bad])).toMatchObject({ ok: false, error: `--jobs must be a whole number from 1 to 256, not ${bad}` });
  });

  it('logs progress at every new stage and at least every 5 s of audio', () => {
    const run = capture();
    // 200 s of audio: 5 s is 2.5 %, so a line at least every 2 %.
    const progress = progressPrinter(run.io, 200);
    progress(0.01, 'finding speech');
    progress(0.05, 'finding speech');
    for (let percent = 6; percent < 100; percent++) progress((percent + 0.5) / 100, 'aligning');
    progress(1, 'aligning');
    const lines = run.err.join('').trim().split('\n');
    expect(lines[0]).toBe('align: finding speech 1%');
    expect(lines[1]).toBe('align: finding speech 5%');
    const aligning = lines.filter((line) => line.includes('aligning')).map((line) => Number(/(\d+)%/u.exec(line)?.[1]));
    expect(aligning[0]).toBe(6);
    expect(aligning.at(-1)).toBe(100);
    for (let i = 1; i < aligning.length; i++) expect((aligning[i] as number) - (aligning[i - 1] as number)).toBeLessThanOrEqual(2);
    // 30 minutes: 5 s is 0.28 %, so tenths of a percent.
    const long = capture();
    const printer = progressPrinter(long.io, 1800);
    for (let k = 0; k < 1000; k++) printer((k + 0.5) / 1000, 'finding speech');
    printer(1, 'finding speech');
    const tenths = long.err.join('').trim().split('\n').map((line) => Number(/([\d.]+)%/u.exec(line)?.[1]) * 10);
    expect(tenths.at(-1)).toBe(1000);
    for (let i = 1; i < tenths.length; i++) expect(Math.round((tenths[i] as number) - (tenths[i - 1] as number))).toBeLessThanOrEqual(2);
  });

  it('estimates, with a warning, for a language without a model', async () => {
    const run = capture();
    expect(await runAlign({ audio: fixture('clip.opus'), transcript: fixture('clip.txt'), language: 'es' }, run.io)).toBe(0);
    expect(run.err.join('')).toMatch(/no acoustic model for language "es"/u);
    const json = JSON.parse(run.out.join('')) as AlignmentJson;
    expect(json.turns.every((turn) => turn.start !== null)).toBe(true);
  }, 60_000);
});
