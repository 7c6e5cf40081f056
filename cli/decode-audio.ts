/**
 * Audio files to the aligner's input in Node, with no system ffmpeg: MP3
 * (mpg123-decoder), FLAC (@wasm-audio-decoders/flac), Ogg Vorbis
 * (@wasm-audio-decoders/ogg-vorbis), Ogg Opus (ogg-opus-decoder), all
 * WebAssembly builds under MIT; WAV (wav-decoder.ts); and AAC in M4A/MP4 or
 * raw ADTS (aac-decoder.ts, on aac.js). Mixed down to mono and resampled to
 * 16 kHz as they stream.
 *
 * Streaming matters for long recordings: a 3-hour MP3 is ~2 GB as 44.1 kHz
 * stereo floats, but ~700 MB as the 16 kHz mono the aligner needs. Every
 * format but MP4 is read from disk and decoded a slice at a time, so neither
 * the file nor the full-rate audio is ever held whole; an MP4 is read whole
 * (its index may sit at the end) and decoded a frame batch at a time.
 */
import { open } from 'node:fs/promises';
import type { AlignAudio } from '../src/align/align-outcome.ts';
import { Resampler } from '../src/align/resample.ts';
import { AAC_FRAME_LENGTH, AacDecoder, AdtsDecoder, joinFrames, parseAudioSpecificConfig } from './aac-decoder.ts';
import type { AudioChunk } from './audio-chunk.ts';
import { readMp4AudioTrack, type Mp4AudioTrack, type Mp4Edit } from './mp4-audio-track.ts';
import { WavDecoder } from './wav-decoder.ts';

export const DECODED_SAMPLE_RATE = 16000;

/** A chunk and how much of the file has been read once it is decoded (0..1). */
export interface DecodedChunk extends AudioChunk {
  progress: number;
}

export type AudioFormat = 'mp3' | 'wav' | 'flac' | 'vorbis' | 'opus' | 'adts' | 'mp4';

export const SUPPORTED_AUDIO = 'MP3, WAV, OGG, Opus, FLAC or M4A';
/** Bytes read and decoded at a time: 256 KiB of 64 kbit/s MP3 is 32 s, whose full-rate floats (~20 MB) are garbage a slice later. */
const SLICE_BYTES = 1 << 18;
/** MP4 frames decoded per chunk (~6 s of AAC at 44.1 kHz). */
const MP4_BATCH = 256;
/** Headroom on the predicted length: variable bit rates make the first slices a rough guide. */
const SIZE_MARGIN = 1.3;

/** Random access to the bytes of the file being decoded. */
interface ByteSource {
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** The container or stream format, from the first bytes after any ID3 tags; null when it is none this tool reads. */
export function audioFormat(head: Uint8Array): AudioFormat | null {
  const ascii = (from: number, length: number) => String.fromCharCode(...head.subarray(from, from + length));
  if ((ascii(0, 4) === 'RIFF' || ascii(0, 4) === 'RF64') && ascii(8, 4) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') {
    if (ascii(28, 8) === 'OpusHead') return 'opus';
    if (ascii(28, 7) === '\x01vorbis') return 'vorbis';
    if (ascii(28, 5) === '\x7fFLAC') return 'flac';
    return null;
  }
  if (['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(ascii(4, 4))) return 'mp4';
  const [first = 0, second = 0] = head;
  // An MPEG audio sync word (11 set bits): ADTS has layer 0, MP3/MP2 layers 1-3.
  if (first === 0xff && (second & 0xf6) === 0xf0) return 'adts';
  if (first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return 'mp3';
  return null;
}

/** Where the audio starts after any ID3v2 tags (MP3 and raw AAC files carry them), and its format. */
async function sniff(source: ByteSource): Promise<{ format: AudioFormat | null; start: number }> {
  let start = 0;
  for (;;) {
    const head = await source.read(start, 64);
    if (String.fromCharCode(...head.subarray(0, 3)) !== 'ID3' || head.length < 10) return { format: audioFormat(head), start };
    // The tag size is "synchsafe": 7 bits per byte; a footer adds 10 bytes.
    const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    const next = start + 10 + size + ((head[5]! & 0x10) !== 0 ? 10 : 0);
    const after = audioFormat(await source.read(next, 64));
    // Padding or junk after the tag: an ID3-tagged file is nearly always MP3, and mpg123 finds the frames.
    if (after === null) return { format: 'mp3', start };
    start = next;
  }
}

/** What a decoder made of one slice; the WebAssembly decoders also list the frames they had to skip. */
interface DecodedSlice extends AudioChunk {
  errors?: readonly { message: string }[];
}

/** One format's decoder, fed the file a slice at a time. */
interface SliceDecoder {
  decode(slice: Uint8Array): DecodedSlice | Promise<DecodedSlice>;
  /** The end of the file: whatever is still buffered. */
  flush(): AudioChunk | Promise<AudioChunk>;
  free(): void;
}

const EMPTY: AudioChunk = { channelData: [], sampleRate: 0 };

async function sliceDecoder(format: Exclude<AudioFormat, 'mp4'>): Promise<SliceDecoder> {
  switch (format) {
    case 'wav': {
      const decoder = new WavDecoder();
      return { decode: (slice) => decoder.decode(slice), flush: () => decoder.flush(), free: () => undefined };
    }
    case 'adts': {
      const decoder = new AdtsDecoder();
      return { decode: (slice) => decoder.decode(slice), flush: () => decoder.flush(), free: () => undefined };
    }
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      const decoder = new MPEGDecoder();
      await decoder.ready;
      // mpg123 keeps an incomplete last frame until more bytes come; at the end there is nothing to flush.
      return { decode: async (slice) => decoder.decode(slice), flush: () => EMPTY, free: () => decoder.free() };
    }
    case 'flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      const decoder = new FLACDecoder();
      await decoder.ready;
      return { decode: (slice) => decoder.decode(slice), flush: () => decoder.flush(), free: () => decoder.free() };
    }
    case 'vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      const decoder = new OggVorbisDecoder();
      await decoder.ready;
      return { decode: (slice) => decoder.decode(slice), flush: () => decoder.flush(), free: () => decoder.free() };
    }
    case 'opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      const decoder = new OggOpusDecoder();
      await decoder.ready;
      return { decode: async (slice) => decoder.decode(slice), flush: () => decoder.flush(), free: () => decoder.free() };
    }
  }
}

async function* decodeSlices(source: ByteSource, format: Exclude<AudioFormat, 'mp4'>, start: number): AsyncGenerator<DecodedChunk> {
  const decoder = await sliceDecoder(format);
  let samples = 0;
  let firstError: string | undefined;
  try {
    for (let offset = start; offset < source.size; offset += SLICE_BYTES) {
      const decoded = await decoder.decode(await source.read(offset, SLICE_BYTES));
      firstError ??= decoded.errors?.[0]?.message;
      samples += decoded.channelData[0]?.length ?? 0;
      yield { channelData: decoded.channelData, sampleRate: decoded.sampleRate, progress: Math.min(1, (offset + SLICE_BYTES) / source.size) };
    }
    const last = await decoder.flush();
    samples += last.channelData[0]?.length ?? 0;
    yield { channelData: last.channelData, sampleRate: last.sampleRate, progress: 1 };
  } finally {
    decoder.free();
  }
  if (samples === 0 && firstError !== undefined) throw new Error(`no ${format.toUpperCase()} audio could be decoded (${firstError})`);
}

/** MPEG-4 object types of AAC (MPEG-4 audio, MPEG-2 Main/LC/SSR) and of MP3 in `mp4a` entries. */
const AAC_OBJECT_TYPES = [0x40, 0x66, 0x67, 0x68];
const MP3_OBJECT_TYPES = [0x69, 0x6b];
/** Share of AAC frames that may fail (each becomes silence) before the file counts as unreadable. */
const MAX_FAILED_SHARE = 0.1;

async function* decodeMp4(bytes: Uint8Array): AsyncGenerator<DecodedChunk> {
  const track = readMp4AudioTrack(bytes);
  const mp3 = track.format === 'mp4a' && MP3_OBJECT_TYPES.includes(track.objectType);
  const trim = new EditTrim(track.edit ?? (mp3 ? NO_EDIT : assumedAacPriming(track)));
  const batches = mp3 ? mp3Batches(track) : aacBatches(track);
  let frames = 0;
  for await (const { chunk, count } of batches) {
    frames += count;
    yield { ...trim.apply(chunk), progress: frames / Math.max(1, track.frameCount) };
  }
}

async function* aacBatches(track: Mp4AudioTrack): AsyncGenerator<{ chunk: AudioChunk; count: number }> {
  if (track.format !== 'mp4a') throw new Error(`${track.format.trim()} audio in MP4 is not supported (only AAC and MP3)`);
  if (!AAC_OBJECT_TYPES.includes(track.objectType)) throw new Error(`MP4 audio of object type 0x${track.objectType.toString(16)} is not supported (only AAC and MP3)`);
  const decoder = new AacDecoder(track.decoderConfig);
  const rate = decoder.config.sampleRate;
  let batch: Float32Array[][] = [];
  let failed = 0;
  let firstError: unknown;
  for (const frame of track.frames()) {
    try {
      batch.push(decoder.decodeFrame(frame));
    } catch (error) {
      failed++;
      firstError ??= error;
      batch.push(decoder.silentFrame());
    }
    if (batch.length === MP4_BATCH) {
      yield { chunk: joinFrames(batch, rate), count: batch.length };
      batch = [];
    }
  }
  yield { chunk: joinFrames(batch, rate), count: batch.length };
  if (failed > track.frameCount * MAX_FAILED_SHARE) {
    const reason = firstError instanceof Error ? firstError.message : String(firstError);
    throw new Error(`${failed} of ${track.frameCount} AAC frames could not be decoded (${reason})`, { cause: firstError });
  }
}

async function* mp3Batches(track: Mp4AudioTrack): AsyncGenerator<{ chunk: AudioChunk; count: number }> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    let batch: Uint8Array[] = [];
    for (const frame of track.frames()) {
      batch.push(frame);
      if (batch.length === MP4_BATCH) {
        yield { chunk: decoder.decodeFrames(batch), count: batch.length };
        batch = [];
      }
    }
    yield { chunk: decoder.decodeFrames(batch), count: batch.length };
  } finally {
    decoder.free();
  }
}

const NO_EDIT: Mp4Edit = { delay: 0, start: 0, duration: undefined };

/**
 * AAC in an MP4 that says nothing of its priming (FFmpeg's fragmented files,
 * for one): every AAC encoder primes with at least a frame, so skip one, as
 * for raw ADTS.
 */
function assumedAacPriming(track: Mp4AudioTrack): Mp4Edit {
  if (track.format !== 'mp4a' || !AAC_OBJECT_TYPES.includes(track.objectType)) return NO_EDIT;
  return { delay: 0, start: AAC_FRAME_LENGTH / parseAudioSpecificConfig(track.decoderConfig).sampleRate, duration: undefined };
}

/** Applies an MP4 edit list to the decoded stream: leading silence, then the presented span only. */
class EditTrim {
  private skip: number | undefined;
  private left = Infinity;
  private delayed = false;

  constructor(private readonly edit: Mp4Edit) {}

  apply(chunk: AudioChunk): AudioChunk {
    const rate = chunk.sampleRate;
    if (this.skip === undefined && rate > 0) {
      this.skip = Math.round(this.edit.start * rate);
      if (this.edit.duration !== undefined) this.left = Math.round(this.edit.duration * rate);
    }
    const length = chunk.channelData[0]?.length ?? 0;
    const from = Math.min(length, this.skip ?? 0);
    const to = Math.min(length, from + this.left);
    this.skip = (this.skip ?? 0) - from;
    this.left -= to - from;
    const delay = !this.delayed && this.edit.delay > 0 && rate > 0 ? Math.round(this.edit.delay * rate) : 0;
    if (delay > 0) this.delayed = true;
    const channelData = chunk.channelData.map((channel) => {
      if (delay === 0) return channel.subarray(from, to);
      const padded = new Float32Array(delay + to - from);
      padded.set(channel.subarray(from, to), delay);
      return padded;
    });
    return { channelData, sampleRate: rate };
  }
}

/** The decoded audio of `source`, chunk by chunk at its own rate and channels. */
async function* decodeSource(source: ByteSource): AsyncGenerator<DecodedChunk> {
  if (source.size === 0) throw new Error('the file is empty');
  const { format, start } = await sniff(source);
  if (format === null) throw new Error('its format is not one of these');
  if (format === 'mp4') yield* decodeMp4(await source.read(0, source.size));
  else yield* decodeSlices(source, format, start);
}

function mono(chunk: AudioChunk): Float32Array {
  const channels = chunk.channelData;
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
  add(chunk: AudioChunk, fraction: number): void {
    const samples = mono(chunk);
    if (samples.length === 0) return;
    if (this.resampler === undefined) {
      this.rate = chunk.sampleRate;
      this.resampler = new Resampler(chunk.sampleRate, DECODED_SAMPLE_RATE);
    } else if (chunk.sampleRate !== this.rate) {
      throw new Error(`the sample rate changes inside the file (${this.rate} Hz, then ${chunk.sampleRate} Hz)`);
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

async function decodeToAlignAudio(source: ByteSource, name: string): Promise<AlignAudio> {
  const collector = new Collector();
  try {
    for await (const chunk of decodeSource(source)) collector.add(chunk, chunk.progress);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} is not an audio file this tool can read (${SUPPORTED_AUDIO}): ${reason}`, { cause: error });
  }
  const samples = collector.finish();
  if (samples.length === 0) throw new Error(`${name} contains no audio samples`);
  return { samples, sampleRate: DECODED_SAMPLE_RATE };
}

function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** Opens `path` for reads at any offset; a missing or unreadable file is reported by name. */
async function openFile(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  let file;
  try {
    file = await open(path, 'r');
    const { size } = await file.stat();
    const handle = file;
    const read = async (offset: number, length: number) => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    };
    return { source: { size, read }, close: () => handle.close() };
  } catch (error) {
    await file?.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `audio file not found: ${path}` : `cannot read audio file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Decodes audio bytes to mono 16 kHz; throws an Error with a readable message on anything it cannot decode. */
export async function decodeAudioBytes(bytes: Uint8Array, name = 'the audio file'): Promise<AlignAudio> {
  return decodeToAlignAudio(bytesSource(bytes), name);
}

/** Decodes an audio file to mono 16 kHz, reading it a slice at a time where the format allows. */
export async function decodeAudioFile(path: string): Promise<AlignAudio> {
  const file = await openFile(path);
  try {
    return await decodeToAlignAudio(file.source, path);
  } finally {
    await file.close();
  }
}

/**
 * The audio of a file as it decodes, at its own rate and channels, for tools
 * that reduce it as they go (waveform peaks): slices for every format but MP4,
 * frame batches for MP4. Throws the decoder's own message on bad audio.
 */
export async function* decodeAudioFileChunks(path: string): AsyncGenerator<DecodedChunk> {
  const file = await openFile(path);
  try {
    yield* decodeSource(file.source);
  } finally {
    await file.close();
  }
}
