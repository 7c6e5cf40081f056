/**
 * WAV files to planar float samples, fed a slice at a time: integer PCM (8,
 * 16, 24 and 32 bits), IEEE float (32 and 64 bits), A-law and µ-law, plain or
 * as WAVE_FORMAT_EXTENSIBLE. Samples split across two slices are carried over,
 * so slices may be any size.
 */
import type { AudioChunk } from './audio-chunk.ts';

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_ALAW = 0x0006;
const FORMAT_MULAW = 0x0007;
const FORMAT_EXTENSIBLE = 0xfffe;

const FORMAT_NAMES: Record<number, string> = { 0x0001: 'PCM', 0x0002: 'Microsoft ADPCM', 0x0003: 'float', 0x0011: 'IMA ADPCM', 0x0031: 'GSM 6.10', 0x0055: 'MP3' };

type Encoding = 'int' | 'float' | 'alaw' | 'mulaw';

interface WavFormat {
  encoding: Encoding;
  channels: number;
  sampleRate: number;
  bytesPerSample: number;
}

export class WavDecoder {
  private pending = new Uint8Array(0);
  private format: WavFormat | undefined;
  /** Bytes of sample data still to come; Infinity when the header does not say (a file still being written). */
  private dataLeft = 0;
  private inData = false;
  private done = false;

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
        return offset + 8;
      }
      if (offset + 8 + size > bytes.length) return undefined;
      if (id === 'fmt ') this.format = parseFormat(new DataView(bytes.buffer, bytes.byteOffset + offset + 8, size));
      // Chunks are padded to an even length.
      offset += 8 + size + (size & 1);
    }
  }

  private samples(bytes: Uint8Array): AudioChunk {
    const format = this.format!;
    const frameBytes = format.bytesPerSample * format.channels;
    const available = this.done ? 0 : Math.min(bytes.length, this.dataLeft);
    const frames = Math.floor(available / frameBytes);
    const used = frames * frameBytes;
    this.dataLeft -= used;
    if (this.dataLeft < frameBytes) this.done = true;
    this.pending = this.done ? new Uint8Array(0) : bytes.slice(used);
    const channelData = Array.from({ length: format.channels }, () => new Float32Array(frames));
    const view = new DataView(bytes.buffer, bytes.byteOffset, used);
    const read = sampleReader(format, view);
    for (let frame = 0, at = 0; frame < frames; frame++) {
      for (let channel = 0; channel < format.channels; channel++, at += format.bytesPerSample) channelData[channel]![frame] = read(at);
    }
    return { channelData, sampleRate: format.sampleRate };
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
  const name = FORMAT_NAMES[tag] ?? `format 0x${tag.toString(16).padStart(4, '0')}`;
  throw new Error(`WAV with ${tag === FORMAT_PCM || tag === FORMAT_FLOAT ? `${bits}-bit ` : ''}${name} is not supported`);
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
