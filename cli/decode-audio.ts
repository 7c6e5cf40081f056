/**
 * Audio files to the aligner's input in Node: MP3, WAV, OGG Vorbis, Opus,
 * FLAC and M4A/AAC through `audio-decode` (WebAssembly decoders, no system
 * ffmpeg), mixed down to mono and resampled to 16 kHz as they stream.
 *
 * Streaming matters for long recordings: a 3-hour MP3 is ~2 GB as 44.1 kHz
 * stereo floats, but ~700 MB as the 16 kHz mono the aligner needs, and the
 * container formats that allow it are decoded a slice at a time so the full
 * rate copy never exists.
 */
import { readFile } from 'node:fs/promises';
import decode, { type AudioData, type StreamDecoder } from 'audio-decode';
import type { AlignAudio } from '../src/align/align-outcome.ts';
import { Resampler } from '../src/align/resample.ts';

export const DECODED_SAMPLE_RATE = 16000;

/** Formats whose decoders accept the file in arbitrary slices; others (M4A) are decoded whole. */
const SLICE_BYTES = 1 << 20;
/** Headroom on the predicted length: variable bit rates make the first slices a rough guide. */
const SIZE_MARGIN = 1.3;

type FormatName = 'mp3' | 'wav' | 'flac' | 'opus' | 'oga';

/** The container, from the first bytes; null when it is none of the streamable ones (the whole-file decoder then detects it). */
function streamableFormat(bytes: Uint8Array): FormatName | null {
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') return ascii(28, 8) === 'OpusHead' ? 'opus' : 'oga';
  if (ascii(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame sync: 11 set bits, layer III.
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2) return 'mp3';
  return null;
}

function mono(data: AudioData): Float32Array {
  const channels = data.channelData;
  const first = channels[0];
  if (first === undefined) return new Float32Array(0);
  if (channels.length === 1) return first;
  const out = new Float32Array(first.length);
  for (const channel of channels) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (channel[i] ?? 0) / channels.length;
  return out;
}

/**
 * Collects the 16 kHz output into one buffer sized ahead from the share of
 * the file decoded so far (with a margin), growing only if that guess was
 * short. Pages of the buffer that are never written are never touched, so the
 * margin costs address space, not memory; collecting pieces and joining them
 * at the end would need twice the memory of the result (1.7 GB for 3 hours).
 */
class Collector {
  private buffer = new Float32Array(0);
  private length = 0;
  private resampler: Resampler | undefined;
  private rate = 0;

  /** `fraction`: how much of the input has been consumed once this data is added (0..1), for sizing. */
  add(data: AudioData, fraction: number): void {
    const samples = mono(data);
    if (samples.length === 0) return;
    if (this.resampler === undefined) {
      this.rate = data.sampleRate;
      this.resampler = new Resampler(data.sampleRate, DECODED_SAMPLE_RATE);
    } else if (data.sampleRate !== this.rate) {
      throw new Error(`the sample rate changes inside the file (${this.rate} Hz, then ${data.sampleRate} Hz)`);
    }
    this.append(this.rate === DECODED_SAMPLE_RATE ? samples : this.resampler.push(samples), fraction);
  }

  private append(piece: Float32Array, fraction: number): void {
    const needed = this.length + piece.length;
    if (needed > this.buffer.length) {
      const predicted = fraction > 0 ? Math.ceil((needed / Math.min(1, fraction)) * SIZE_MARGIN) : needed;
      const grown = new Float32Array(Math.max(needed, predicted, Math.ceil(this.buffer.length * 1.25)));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(piece, this.length);
    this.length = needed;
  }

  finish(): Float32Array {
    if (this.resampler && this.rate !== DECODED_SAMPLE_RATE) this.append(this.resampler.flush(), 1);
    return this.buffer.subarray(0, this.length);
  }
}

/** Decodes audio bytes to mono 16 kHz; throws an Error with a readable message on anything it cannot decode. */
export async function decodeAudioBytes(bytes: Uint8Array, name = 'the audio file'): Promise<AlignAudio> {
  const format = streamableFormat(bytes);
  const collector = new Collector();
  try {
    if (format !== null) {
      const decoder: StreamDecoder = await (decode as unknown as Record<FormatName, () => Promise<StreamDecoder>>)[format]();
      try {
        for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
          collector.add(await decoder(bytes.subarray(offset, offset + SLICE_BYTES)), Math.min(1, (offset + SLICE_BYTES) / bytes.length));
        }
        collector.add(await decoder(), 1);
      } catch (error) {
        decoder.free();
        throw error;
      }
    } else {
      collector.add(await decode(bytes), 1);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} is not an audio file this tool can read (MP3, WAV, OGG, Opus, FLAC or M4A): ${reason}`, { cause: error });
  }
  const samples = collector.finish();
  if (samples.length === 0) throw new Error(`${name} contains no audio samples`);
  return { samples, sampleRate: DECODED_SAMPLE_RATE };
}

export async function decodeAudioFile(path: string): Promise<AlignAudio> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `audio file not found: ${path}` : `cannot read audio file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return decodeAudioBytes(bytes, path);
}
