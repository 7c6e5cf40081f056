/**
 * WAV files to planar float samples, fed a slice at a time: integer PCM (8,
 * 16, 24 and 32 bits), IEEE float (32 and 64 bits), A-law and µ-law, IMA and
 * Microsoft ADPCM, plain or as WAVE_FORMAT_EXTENSIBLE. Samples (or ADPCM
 * blocks) split across two slices are carried over, so slices may be any size.
 */
import { decodeImaBlock, decodeMsBlock, MS_ADPCM_COEFFICIENTS } from './adpcm.ts';
import type { AudioChunk } from './audio-chunk.ts';

const FORMAT_PCM = 0x0001;
const FORMAT_MS_ADPCM = 0x0002;
const FORMAT_FLOAT = 0x0003;
const FORMAT_ALAW = 0x0006;
const FORMAT_MULAW = 0x0007;
const FORMAT_IMA_ADPCM = 0x0011;
const FORMAT_EXTENSIBLE = 0xfffe;

const FORMAT_NAMES: Record<number, string> = { 0x0001: 'PCM', 0x0002: 'Microsoft ADPCM', 0x0003: 'float', 0x0011: 'IMA ADPCM', 0x0031: 'GSM 6.10', 0x0055: 'MP3' };

type Encoding = 'int' | 'float' | 'alaw' | 'mulaw' | 'ima' | 'ms';

interface WavFormat {
  encoding: Encoding;
  channels: number;
  sampleRate: number;
  bytesPerSample: number;
  /** ADPCM only: bytes and samples (per channel) in one block, and Microsoft ADPCM's predictor pairs. */
  blockAlign?: number;
  samplesPerBlock?: number;
  coefficients?: readonly (readonly [number, number])[];
}

export class WavDecoder {
  private pending = new Uint8Array(0);
  private format: WavFormat | undefined;
  /** Bytes of sample data still to come; Infinity when the header does not say (a file still being written). */
  private dataLeft = 0;
  private inData = false;
  private done = false;
  /** Frames the `fact` chunk says the file holds, which ADPCM needs (it pads its last block); Infinity when it does not say. */
  private framesLeft = Infinity;

  /** Decodes the next slice of the file; returns the whole frames it completes (possibly none). */
  decode(slice: Uint8Array): AudioChunk {
    let bytes = this.pending.length === 0 ? slice : concat(this.pending, slice);
    if (!this.inData) {
      const start = this.readHeader(bytes);
      if (start === undefined) {
        this.pending = bytes.slice();
        return this.empty();
      }
      bytes = bytes.subarray(start);
      this.inData = true;
    }
    return this.samples(bytes);
  }

  /** The end of the file: an incomplete header is an error; a partial last frame is dropped. */
  flush(): AudioChunk {
    if (!this.inData) throw new Error(this.format === undefined ? 'the WAV header is incomplete' : 'the WAV file has no data chunk');
    this.pending = new Uint8Array(0);
    return this.empty();
  }

  private empty(): AudioChunk {
    return { channelData: [], sampleRate: this.format?.sampleRate ?? 0 };
  }

  /** Reads the chunks before the sample data; returns where the samples start, or undefined when more bytes are needed. */
  private readHeader(bytes: Uint8Array): number | undefined {
    if (bytes.length < 12) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const riff = ascii(bytes, 0, 4);
    if (riff === 'RF64') throw new Error('RF64 (WAV files over 4 GB) is not supported');
    if (riff !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') throw new Error('not a RIFF WAVE file');
    let offset = 12;
    for (;;) {
      if (offset + 8 > bytes.length) return undefined;
      const id = ascii(bytes, offset, 4);
      const size = view.getUint32(offset + 4, true);
      if (id === 'data') {
        if (this.format === undefined) throw new Error('the WAV data chunk comes before its format chunk');
        // Writers that stream without seeking back leave the size at 0 or at the maximum.
        this.dataLeft = size === 0 || size === 0xffffffff ? Infinity : size;
        // Writers of PCM and float files are careless with `fact`; only ADPCM needs it.
        if (this.format.samplesPerBlock === undefined) this.framesLeft = Infinity;
        return offset + 8;
      }
      if (offset + 8 + size > bytes.length) return undefined;
      if (id === 'fmt ') this.format = parseFormat(new DataView(bytes.buffer, bytes.byteOffset + offset + 8, size));
      if (id === 'fact' && size >= 4) this.framesLeft = view.getUint32(offset + 8, true);
      // Chunks are padded to an even length.
      offset += 8 + size + (size & 1);
    }
  }

  private samples(bytes: Uint8Array): AudioChunk {
    const format = this.format!;
    // The unit decoded at once: a frame of samples, or an ADPCM block.
    const unitBytes = format.blockAlign ?? format.bytesPerSample * format.channels;
    const available = this.done ? 0 : Math.min(bytes.length, this.dataLeft);
    const units = Math.floor(available / unitBytes);
    const used = units * unitBytes;
    this.dataLeft -= used;
    if (this.dataLeft < unitBytes) this.done = true;
    this.pending = this.done ? new Uint8Array(0) : bytes.slice(used);
    const channelData = format.samplesPerBlock === undefined ? this.pcm(bytes, units) : this.adpcm(bytes, units);
    const frames = Math.min(channelData[0]!.length, this.framesLeft);
    this.framesLeft -= frames;
    return { channelData: channelData.map((channel) => channel.subarray(0, frames)), sampleRate: format.sampleRate };
  }

  private pcm(bytes: Uint8Array, frames: number): Float32Array[] {
    const format = this.format!;
    const channelData = Array.from({ length: format.channels }, () => new Float32Array(frames));
    const read = sampleReader(format, new DataView(bytes.buffer, bytes.byteOffset, frames * format.bytesPerSample * format.channels));
    for (let frame = 0, at = 0; frame < frames; frame++) {
      for (let channel = 0; channel < format.channels; channel++, at += format.bytesPerSample) channelData[channel]![frame] = read(at);
    }
    return channelData;
  }

  private adpcm(bytes: Uint8Array, blocks: number): Float32Array[] {
    const { channels, blockAlign = 0, samplesPerBlock = 0, coefficients = MS_ADPCM_COEFFICIENTS, encoding } = this.format!;
    const channelData = Array.from({ length: channels }, () => new Float32Array(blocks * samplesPerBlock));
    for (let block = 0; block < blocks; block++) {
      const data = bytes.subarray(block * blockAlign, (block + 1) * blockAlign);
      if (encoding === 'ima') decodeImaBlock(data, channels, samplesPerBlock, channelData, block * samplesPerBlock);
      else decodeMsBlock(data, channels, samplesPerBlock, coefficients, channelData, block * samplesPerBlock);
    }
    return channelData;
  }
}

function parseFormat(view: DataView): WavFormat {
  if (view.byteLength < 16) throw new Error('the WAV format chunk is too short');
  let tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bits = view.getUint16(14, true);
  // The extensible form keeps the real format in the first two bytes of its sub-format GUID.
  if (tag === FORMAT_EXTENSIBLE && view.byteLength >= 26) tag = view.getUint16(24, true);
  if (channels === 0) throw new Error('the WAV file declares no channels');
  if (sampleRate === 0) throw new Error('the WAV file declares a sample rate of 0');
  // Containers of 24-bit samples padded to 32 bits say so through the block size.
  const bytesPerSample = blockAlign > 0 && blockAlign % channels === 0 ? blockAlign / channels : Math.ceil(bits / 8);
  if (tag === FORMAT_PCM && [1, 2, 3, 4].includes(bytesPerSample)) return { encoding: 'int', channels, sampleRate, bytesPerSample };
  if (tag === FORMAT_FLOAT && (bytesPerSample === 4 || bytesPerSample === 8)) return { encoding: 'float', channels, sampleRate, bytesPerSample };
  if ((tag === FORMAT_ALAW || tag === FORMAT_MULAW) && bytesPerSample === 1) {
    return { encoding: tag === FORMAT_ALAW ? 'alaw' : 'mulaw', channels, sampleRate, bytesPerSample };
  }
  if ((tag === FORMAT_IMA_ADPCM || tag === FORMAT_MS_ADPCM) && bits === 4 && blockAlign > 0) return adpcmFormat(view, tag, channels, sampleRate, blockAlign);
  const name = FORMAT_NAMES[tag] ?? `format 0x${tag.toString(16).padStart(4, '0')}`;
  throw new Error(`WAV with ${tag === FORMAT_PCM || tag === FORMAT_FLOAT ? `${bits}-bit ` : ''}${name} is not supported`);
}

/** ADPCM blocks: their sample count from the format chunk's extension, or from the block size when it is missing. */
function adpcmFormat(view: DataView, tag: number, channels: number, sampleRate: number, blockAlign: number): WavFormat {
  const extension = view.byteLength >= 20 ? view.getUint16(18, true) : 0;
  if (tag === FORMAT_IMA_ADPCM) {
    const samplesPerBlock = extension || ((blockAlign - 4 * channels) * 8) / (4 * channels) + 1;
    return { encoding: 'ima', channels, sampleRate, bytesPerSample: 0, blockAlign, samplesPerBlock };
  }
  const samplesPerBlock = extension || ((blockAlign - 7 * channels) * 8) / (4 * channels) + 2;
  const count = view.byteLength >= 22 ? view.getUint16(20, true) : 0;
  const coefficients = count > 0 && view.byteLength >= 22 + count * 4
    ? Array.from({ length: count }, (_, i) => [view.getInt16(22 + i * 4, true), view.getInt16(24 + i * 4, true)] as const)
    : MS_ADPCM_COEFFICIENTS;
  return { encoding: 'ms', channels, sampleRate, bytesPerSample: 0, blockAlign, samplesPerBlock, coefficients };
}

/** Sample values scaled to -1..1; integer PCM is little-endian, 8-bit is unsigned. */
function sampleReader(format: WavFormat, view: DataView): (at: number) => number {
  switch (format.encoding) {
    case 'float':
      return format.bytesPerSample === 4 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
    case 'alaw':
      return (at) => ALAW[view.getUint8(at)]!;
    case 'mulaw':
      return (at) => MULAW[view.getUint8(at)]!;
    case 'ima':
    case 'ms':
      throw new Error('ADPCM is decoded by block');
    case 'int':
      switch (format.bytesPerSample) {
        case 1:
          return (at) => (view.getUint8(at) - 128) / 128;
        case 2:
          return (at) => view.getInt16(at, true) / 32768;
        case 3:
          return (at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
        default:
          return (at) => view.getInt32(at, true) / 2147483648;
      }
  }
}

/** G.711 expansion (ITU-T G.711), as 16-bit values scaled to -1..1. */
const ALAW = Float32Array.from({ length: 256 }, (_, code) => {
  const value = code ^ 0x55;
  const exponent = (value >> 4) & 7;
  const mantissa = value & 15;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return ((value & 0x80) !== 0 ? magnitude : -magnitude) / 32768;
});

const MULAW = Float32Array.from({ length: 256 }, (_, code) => {
  const value = ~code & 0xff;
  const exponent = (value >> 4) & 7;
  const magnitude = ((((value & 15) << 3) + 0x84) << exponent) - 0x84;
  return ((value & 0x80) !== 0 ? -magnitude : magnitude) / 32768;
});

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
