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

/** Collects 16 kHz output pieces and joins them once at the end. */
class Collector {
  private pieces: Float32Array[] = [];
  private resampler: Resampler | undefined;
  private rate = 0;

  add(data: AudioData): void {
    const samples = mono(data);
    if (samples.length === 0) return;
    if (this.resampler === undefined) {
      this.rate = data.sampleRate;
      this.resampler = new Resampler(data.sampleRate, DECODED_SAMPLE_RATE);
    } else if (data.sampleRate !== this.rate) {
      throw new Error(`the sample rate changes inside the file (${this.rate} Hz, then ${data.sampleRate} Hz)`);
    }
    this.pieces.push(this.rate === DECODED_SAMPLE_RATE ? samples.slice() : this.resampler.push(samples));
  }

  finish(): Float32Array {
    if (this.resampler && this.rate !== DECODED_SAMPLE_RATE) this.pieces.push(this.resampler.flush());
    const total = this.pieces.reduce((sum, piece) => sum + piece.length, 0);
    const out = new Float32Array(total);
    let offset = 0;
    // Release each piece as soon as it is copied, so the joined copy does not double the peak.
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i] as Float32Array;
      out.set(piece, offset);
      offset += piece.length;
      this.pieces[i] = new Float32Array(0);
    }
    this.pieces = [];
    return out;
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
        for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) collector.add(await decoder(bytes.subarray(offset, offset + SLICE_BYTES)));
        collector.add(await decoder());
      } catch (error) {
        decoder.free();
        throw error;
      }
    } else {
      collector.add(await decode(bytes));
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
