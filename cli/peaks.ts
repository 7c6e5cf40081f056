/**
 * Writes waveform peaks for an audio file in BBC audiowaveform's JSON format
 * (version 2), for `?peaks=URL`: the app then draws the waveform of a long
 * recording without decoding it in the browser.
 *
 *   npm run peaks -- AUDIO [--out FILE] [--pixels-per-second N] [--bits 8|16] [--split-channels] [--help]
 *
 * Decoded by cli/decode-audio.ts, the CLI's own MIT-licensed decoders: MP3, WAV,
 * FLAC, Ogg Vorbis, Opus and raw AAC are decoded as they are read, a slice at a
 * time, so memory stays at the size of the peaks whatever the length of the
 * audio; an M4A/MP4 file is read whole (its index may sit at the end) and
 * decoded a batch of frames at a time, so its decoded samples are never held whole.
 *
 * Exit status: 0 done, 1 the audio could not be read or decoded, 2 the command line is wrong.
 */
import { open, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AudiowaveformJson } from '../src/player/peaks.ts';
import type { AudioChunk } from './audio-chunk.ts';
import { type OptionTable, type Outcome, asksForHelp, optionLines, parseCommandLine } from './command-line.ts';
import { type AudioFormat, SUPPORTED_AUDIO, audioFormat, decodeAudioFileChunks } from './decode-audio.ts';

export interface PeaksArgs {
  input: string;
  out: string;
  pixelsPerSecond: number;
  bits: 8 | 16;
  splitChannels: boolean;
}

export type { Outcome };

export const DEFAULT_PIXELS_PER_SECOND = 50;

/** Every option of `npm run peaks`, one line each (read by node:util parseArgs). */
export const PEAKS_OPTIONS = {
  out: { type: 'string', value: 'FILE', help: 'FILE to write (default: AUDIO with .peaks.json in place of its extension)' },
  'pixels-per-second': {
    type: 'string',
    value: 'N',
    help: `waveform points per second of audio (default ${DEFAULT_PIXELS_PER_SECOND}; 3 hours at 50 is about 4 MB)`,
  },
  bits: { type: 'string', value: '8|16', help: '8 (default, smaller) or 16' },
  'split-channels': { type: 'boolean', help: 'one waveform per channel instead of one mixed-down waveform' },
  help: { type: 'boolean', short: 'h', help: 'print this text' },
} as const satisfies OptionTable;

export function usage(): string {
  return ['usage: npm run peaks -- AUDIO [options]', '', '  Writes BBC audiowaveform JSON (version 2) for ?peaks=URL.', ...optionLines(PEAKS_OPTIONS)].join('\n');
}

/** `talk.mp3` -> `talk.peaks.json`, beside it. */
export function defaultPeaksPath(audioPath: string): string {
  return join(dirname(audioPath), `${basename(audioPath, extname(audioPath))}.peaks.json`);
}

export function parsePeaksArgs(argv: readonly string[]): Outcome<PeaksArgs> {
  const parsed = parseCommandLine(argv, PEAKS_OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  if (positionals.length === 0) return { ok: false, error: 'name the audio file' };
  if (positionals.length > 1) return { ok: false, error: `one audio file at a time (got ${positionals.join(', ')})` };
  const input = positionals[0]!;
  const splitChannels = values['split-channels'] === true;
  const pixelsPerSecond = values['pixels-per-second'] === undefined ? DEFAULT_PIXELS_PER_SECOND : Number(values['pixels-per-second']);
  if (!Number.isFinite(pixelsPerSecond) || pixelsPerSecond <= 0 || pixelsPerSecond > 48000) {
    return { ok: false, error: `--pixels-per-second must be a number above 0, not ${values['pixels-per-second']}` };
  }
  const bits = values.bits === undefined ? 8 : Number(values.bits);
  if (bits !== 8 && bits !== 16) return { ok: false, error: `--bits must be 8 or 16, not ${values.bits}` };
  return { ok: true, value: { input, out: values.out ?? defaultPeaksPath(input), pixelsPerSecond, bits, splitChannels } };
}

/**
 * Min and max per point over decoded chunks of any size: a point may span
 * chunks, so its running extremes carry over. Memory is the peaks only.
 */
export class PeaksAccumulator {
  private readonly data: number[] = [];
  private sampleRate = 0;
  private samplesPerPixel = 0;
  private channels = 0;
  private min: number[] = [];
  private max: number[] = [];
  /** Samples already in the current point. */
  private filled = 0;
  private points = 0;

  constructor(private readonly options: { pixelsPerSecond: number; bits: 8 | 16; splitChannels: boolean }) {}

  push(chunk: AudioChunk): void {
    const input = chunk.channelData;
    const frames = input[0]?.length ?? 0;
    if (frames === 0) return;
    if (this.sampleRate === 0) {
      this.sampleRate = chunk.sampleRate;
      this.samplesPerPixel = Math.max(1, Math.round(chunk.sampleRate / this.options.pixelsPerSecond));
      this.channels = this.options.splitChannels ? input.length : 1;
      this.startPoint();
    } else if (chunk.sampleRate !== this.sampleRate) {
      throw new Error(`the sample rate changes inside the file (${this.sampleRate} Hz, then ${chunk.sampleRate} Hz)`);
    } else if (this.options.splitChannels && input.length !== this.channels) {
      throw new Error(`the number of channels changes inside the file (${this.channels}, then ${input.length})`);
    }
    const split = this.options.splitChannels;
    const scale = 1 / input.length;
    for (let frame = 0; frame < frames; frame++) {
      if (split) {
        for (let channel = 0; channel < this.channels; channel++) this.take(channel, input[channel]![frame]!);
      } else {
        let sum = 0;
        for (const samples of input) sum += samples[frame]!;
        this.take(0, sum * scale);
      }
      if (++this.filled === this.samplesPerPixel) this.endPoint();
    }
  }

  finish(): AudiowaveformJson {
    if (this.filled > 0) this.endPoint();
    if (this.points === 0) throw new Error('it contains no audio samples');
    return {
      version: 2,
      channels: this.channels,
      sample_rate: this.sampleRate,
      samples_per_pixel: this.samplesPerPixel,
      bits: this.options.bits,
      length: this.points,
      data: this.data,
    };
  }

  private take(channel: number, sample: number): void {
    if (sample < this.min[channel]!) this.min[channel] = sample;
    if (sample > this.max[channel]!) this.max[channel] = sample;
  }

  private startPoint(): void {
    this.min = new Array<number>(this.channels).fill(Infinity);
    this.max = new Array<number>(this.channels).fill(-Infinity);
    this.filled = 0;
  }

  private endPoint(): void {
    const limit = this.options.bits === 8 ? 128 : 32768;
    const quantize = (value: number) => Math.max(-limit, Math.min(limit - 1, Math.round(value * limit)));
    for (let channel = 0; channel < this.channels; channel++) this.data.push(quantize(this.min[channel]!), quantize(this.max[channel]!));
    this.points++;
    this.startPoint();
  }
}

export interface PeaksRun {
  peaks: AudiowaveformJson;
  /** False for MP4/M4A, which is read whole (its index may sit at the end). */
  streamed: boolean;
}

/** Decodes `path` as it is read and returns its peaks; throws an Error with a readable message. */
export async function computePeaks(path: string, options: Omit<PeaksArgs, 'input' | 'out'>): Promise<PeaksRun> {
  const format = await fileFormat(path);
  const accumulator = new PeaksAccumulator(options);
  try {
    for await (const chunk of decodeAudioFileChunks(path)) accumulator.push(chunk);
    return { peaks: accumulator.finish(), streamed: format !== 'mp4' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${path} is not audio this tool can read (${SUPPORTED_AUDIO}): ${reason}`, { cause: error });
  }
}

/** The file's format from its first bytes, after checking it can be read and is not empty. */
async function fileFormat(path: string): Promise<AudioFormat | null> {
  let head: Uint8Array;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(64);
      const { bytesRead } = await file.read(buffer, 0, 64, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `audio file not found: ${path}` : `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (head.length === 0) throw new Error(`${path} is empty`);
  return audioFormat(head);
}

/** Integers only, so the compact form is also the readable one. */
export function peaksJson(peaks: AudiowaveformJson): string {
  return `${JSON.stringify(peaks)}\n`;
}

export async function runPeaks(argv: readonly string[], log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
  if (asksForHelp(argv)) {
    log(usage());
    return 0;
  }
  const parsed = parsePeaksArgs(argv);
  if (!parsed.ok) {
    log(`peaks: ${parsed.error}`);
    log(usage());
    return 2;
  }
  const args = parsed.value;
  const started = performance.now();
  let run: PeaksRun;
  try {
    run = await computePeaks(args.input, args);
  } catch (error) {
    log(`peaks: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const text = peaksJson(run.peaks);
  try {
    await writeFile(args.out, text);
  } catch (error) {
    log(`peaks: cannot write ${args.out}: ${(error as Error).message}`);
    return 1;
  }
  const { peaks } = run;
  const seconds = (peaks.length * peaks.samples_per_pixel) / peaks.sample_rate;
  log(
    `${args.out}: ${peaks.length} points × ${peaks.channels} channel${peaks.channels === 1 ? '' : 's'} for ${seconds.toFixed(1)} s of audio ` +
      `(${peaks.sample_rate} Hz, ${peaks.samples_per_pixel} samples per point, ${peaks.bits} bits), ${(text.length / 1024).toFixed(1)} KB, ` +
      `${((performance.now() - started) / 1000).toFixed(2)} s${run.streamed ? '' : ' (read whole: an MP4 index may sit at its end)'}`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runPeaks(process.argv.slice(2));
}
