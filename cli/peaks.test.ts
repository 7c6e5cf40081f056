import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePeaks } from '../src/player/peaks.ts';
import { audioFormat } from './decode-audio.ts';
import { PeaksAccumulator, computePeaks, defaultPeaksPath, parsePeaksArgs, runPeaks } from './peaks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'verbatim-peaks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A 16-bit PCM WAV file of the given samples (interleaved when stereo). */
function wav(samples: number[], sampleRate: number, channels = 1): Uint8Array {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), index * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe('parsePeaksArgs', () => {
  it('reads the audio path and options in either spelling, with defaults', () => {
    expect(parsePeaksArgs(['talk.mp3'])).toEqual({
      ok: true,
      value: { input: 'talk.mp3', out: 'talk.peaks.json', pixelsPerSecond: 50, bits: 8, splitChannels: false },
    });
    expect(parsePeaksArgs(['a/b.opus', '--out=x.json', '--pixels-per-second', '20', '--bits', '16', '--split-channels'])).toEqual({
      ok: true,
      value: { input: 'a/b.opus', out: 'x.json', pixelsPerSecond: 20, bits: 16, splitChannels: true },
    });
  });

  it.each([
    [[], 'name the audio file'],
    [['a.mp3', 'b.mp3'], 'one audio file at a time (got a.mp3, b.mp3)'],
    [['a.mp3', '--out'], '--out needs a value'],
    [['a.mp3', '--bits', '12'], '--bits must be 8 or 16, not 12'],
    [['a.mp3', '--pixels-per-second', '0'], '--pixels-per-second must be a number above 0, not 0'],
    [['a.mp3', '--zoom', '3'], 'unknown option --zoom'],
  ])('%j → %s', (argv, error) => {
    expect(parsePeaksArgs(argv)).toEqual({ ok: false, error });
  });

  it('puts the peaks beside the audio by default', () => {
    expect(defaultPeaksPath('/media/show/ep1.final.mp3')).toBe('/media/show/ep1.final.peaks.json');
  });
});

describe('PeaksAccumulator', () => {
  it('keeps each point’s min and max across chunk boundaries, the last point partial', () => {
    const accumulator = new PeaksAccumulator({ pixelsPerSecond: 2, bits: 8, splitChannels: false });
    // 8 Hz at 2 points per second: 4 samples per point.
    accumulator.push({ sampleRate: 8, channelData: [Float32Array.from([0.5, -0.25, 0.125])] });
    accumulator.push({ sampleRate: 8, channelData: [Float32Array.from([0, 1, -1, 0.25, 0.5, -0.5])] });
    const peaks = accumulator.finish();
    expect(peaks).toEqual({ version: 2, channels: 1, sample_rate: 8, samples_per_pixel: 4, bits: 8, length: 3, data: [-32, 64, -128, 127, -64, -64] });
    const read = parsePeaks(JSON.stringify(peaks));
    expect(read.ok && read.value.duration).toBe(1.5);
  });

  it('mixes channels down by default and keeps them apart with splitChannels', () => {
    const left = Float32Array.from([1, 1]);
    const right = Float32Array.from([-1, 0]);
    const mixed = new PeaksAccumulator({ pixelsPerSecond: 1, bits: 16, splitChannels: false });
    mixed.push({ sampleRate: 2, channelData: [left, right] });
    expect(mixed.finish().data).toEqual([0, 16384]);
    const split = new PeaksAccumulator({ pixelsPerSecond: 1, bits: 16, splitChannels: true });
    split.push({ sampleRate: 2, channelData: [left, right] });
    expect(split.finish()).toMatchObject({ channels: 2, data: [32767, 32767, -32768, 0] });
  });

  it('refuses a sample rate change and an empty stream', () => {
    const accumulator = new PeaksAccumulator({ pixelsPerSecond: 1, bits: 8, splitChannels: false });
    accumulator.push({ sampleRate: 8000, channelData: [new Float32Array(10)] });
    expect(() => accumulator.push({ sampleRate: 16000, channelData: [new Float32Array(10)] })).toThrow(/sample rate changes/);
    expect(() => new PeaksAccumulator({ pixelsPerSecond: 1, bits: 8, splitChannels: false }).finish()).toThrow(/no audio samples/);
  });
});

describe('computePeaks and runPeaks on real files', () => {
  it('streams a WAV file into peaks that the app reads back with the same duration', async () => {
    const rate = 8000;
    // One second of silence, then one second of a full-scale square wave.
    const samples = [...new Array<number>(rate).fill(0), ...Array.from({ length: rate }, (_, i) => (i % 20 < 10 ? 0.9 : -0.9))];
    const path = join(work, 'square.wav');
    writeFileSync(path, wav(samples, rate));
    expect(audioFormat(readFileSync(path))).toBe('wav');
    const { peaks, streamed } = await computePeaks(path, { pixelsPerSecond: 10, bits: 8, splitChannels: false });
    expect(streamed).toBe(true);
    expect(peaks.length).toBe(20);
    expect(peaks.samples_per_pixel).toBe(800);
    expect(peaks.data.slice(0, 20).every((value) => value === 0)).toBe(true);
    expect(peaks.data.slice(20)).toEqual(new Array<number>(10).fill(0).flatMap(() => [-115, 115]));
    const read = parsePeaks(JSON.stringify(peaks));
    expect(read.ok && read.value.duration).toBe(2);
  });

  it('decodes the demo Opus file as a stream and writes the JSON file', { timeout: 30_000 }, async () => {
    const out = join(work, 'seed.peaks.json');
    const lines: string[] = [];
    expect(await runPeaks([join(root, 'public/demo/seed.opus'), '--out', out], (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toMatch(/seed\.peaks\.json: \d+ points × 1 channel for \d+\.\d s of audio \(48000 Hz, 960 samples per point, 8 bits\)/);
    const read = parsePeaks(readFileSync(out, 'utf8'));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.duration).toBeGreaterThan(60);
  });

  it.each(['tone.mp3', 'tone.flac', 'tone.ogg', 'tone.opus', 'tone.aac', 'tone.m4a', 'tone-frag.m4a'])(
    'reads %s with the CLI decoders, tone where the tone is',
    async (name) => {
      const path = join(root, 'test/fixtures/decode-audio', name);
      const { peaks, streamed } = await computePeaks(path, { pixelsPerSecond: 100, bits: 16, splitChannels: false });
      expect(streamed).toBe(!name.endsWith('.m4a'));
      // The fixtures hold a 0.5-amplitude 440 Hz tone; every point of its middle reaches it both ways.
      const middle = peaks.data.slice(Math.floor(peaks.length / 2) * 2, Math.floor(peaks.length / 2) * 2 + 20);
      for (let i = 0; i < middle.length; i += 2) {
        expect(middle[i]! / 32768).toBeLessThan(-0.4);
        expect(middle[i + 1]! / 32768).toBeGreaterThan(0.4);
      }
    },
  );

  it('explains a missing file, a file that is not audio and a bad command line', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    expect(await runPeaks([join(work, 'nothing.mp3')], log)).toBe(1);
    expect(lines.pop()).toMatch(/^peaks: audio file not found: .*nothing\.mp3$/);
    const text = join(work, 'notes.mp3');
    writeFileSync(text, 'WEBVTT\n\nnot audio at all');
    expect(await runPeaks([text, '--out', join(work, 'x.json')], log)).toBe(1);
    expect(lines.pop()).toMatch(/^peaks: .*notes\.mp3 is not audio this tool can read/);
    expect(await runPeaks(['--bits', '3'], log)).toBe(2);
    expect(lines[0]).toBe('peaks: name the audio file');
  });
});
