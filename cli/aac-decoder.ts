/**
 * AAC frames to planar float samples through aac.js (npm `aac`, LGPL-3.0,
 * pure JavaScript, on the Aurora.js framework `av`, MIT). The GPL decoders
 * (faad2 and FFmpeg builds) are what the usual npm packages ship; aac.js is
 * the permissive-enough one, but its last release (0.1.3) decodes AAC-LC
 * wrongly in four places, fixed in its source by patches/aac+0.1.3.patch, which
 * `patch-package` applies after every `npm install` / `npm ci` (the postinstall
 * script); this module refuses an aac.js without it:
 *
 * - the previous frame's window shape is forgotten (every frame builds new
 *   channel streams), so overlaps after a KBD window used the sine window;
 * - temporal noise shaping never ran (its band range was computed from the
 *   wrong variable, and the filter applied was the encoder's, not the decoder's);
 * - perceptual noise substitution filled bands from a random generator that
 *   sticks at zero, which turned whole frames into NaN;
 * - pulse data threw (now added as the standard says; no encoder at hand
 *   writes pulses, so only addPulse's unit test checks it).
 *
 * The patch is a file rather than a fork because aac.js has had no release
 * since 2014: there is no upstream to follow, and a patch shows the four
 * changes to the LGPL source in one reviewable diff.
 *
 * With these, its output matches FFmpeg's decoder to float rounding on
 * FFmpeg-encoded AAC-LC (118 dB SNR over a 3-minute file; aac-decoder.test.ts
 * checks it against a 16-bit reference). HE-AAC (SBR, PS) is decoded as its
 * AAC-LC core: half the sample rate, so nothing above the SBR crossover (about
 * 5-8 kHz), which costs 16 kHz speech alignment little; no HE-AAC encoder was at
 * hand to test that path on real streams. AAC Main, LTP and the low-delay
 * profiles are refused.
 */
import { createRequire } from 'node:module';
import type { AudioChunk } from './audio-chunk.ts';

/** MPEG-4 audio object types (ISO/IEC 14496-3, 1.5.1.1). */
const AOT_AAC_LC = 2;
const AOT_SBR = 5;
const AOT_PS = 29;
const AOT_ESCAPE = 31;
const AOT_NAMES: Record<number, string> = { 1: 'AAC Main', 3: 'AAC SSR', 4: 'AAC LTP', 23: 'AAC-LD', 39: 'AAC-ELD', 42: 'xHE-AAC (USAC)' };

export const AAC_SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** Samples per channel in one AAC-LC frame. */
export const AAC_FRAME_LENGTH = 1024;

export interface AacConfig {
  /** The object type the stream declares (2 AAC-LC, 5 HE-AAC, 29 HE-AAC v2...). */
  objectType: number;
  /** The rate of the AAC-LC core, which is what this decoder outputs. */
  sampleRate: number;
  channels: number;
  /** An AAC-LC AudioSpecificConfig for the core, as aac.js reads it. */
  coreConfig: Uint8Array;
}

/** Reads an AudioSpecificConfig (the `esds` decoder-specific info of an MP4, or built from an ADTS header). */
export function parseAudioSpecificConfig(bytes: Uint8Array): AacConfig {
  const bits = new BitReader(bytes);
  const readObjectType = () => {
    const type = bits.read(5);
    return type === AOT_ESCAPE ? 32 + bits.read(6) : type;
  };
  const readSampleRate = (): { index: number; rate: number } => {
    const index = bits.read(4);
    if (index === 15) {
      const rate = bits.read(24);
      return { index: AAC_SAMPLE_RATES.indexOf(rate), rate };
    }
    const rate = AAC_SAMPLE_RATES[index];
    if (rate === undefined) throw new Error(`the AAC stream declares an invalid sample rate index ${index}`);
    return { index, rate };
  };
  const objectType = readObjectType();
  const core = readSampleRate();
  const channels = bits.read(4);
  let coreType = objectType;
  if (objectType === AOT_SBR || objectType === AOT_PS) {
    // Explicitly signalled HE-AAC: the extension's output rate, then the core's own type.
    readSampleRate();
    coreType = readObjectType();
  }
  if (coreType !== AOT_AAC_LC) throw new Error(`${AOT_NAMES[coreType] ?? `AAC object type ${coreType}`} is not supported (only AAC-LC and HE-AAC)`);
  if (channels === 0) throw new Error('AAC streams that describe their channels in a program config element are not supported');
  if (channels > 6) throw new Error(`AAC channel configuration ${channels} is not supported (up to 5.1)`);
  if (core.index < 0) throw new Error(`the AAC sample rate ${core.rate} Hz is not one of the standard rates`);
  // Two bytes: object type (5 bits), rate index (4), channel configuration (4), then 3 zero flags.
  const coreConfig = new Uint8Array([(AOT_AAC_LC << 3) | (core.index >> 1), ((core.index & 1) << 7) | (channels << 3)]);
  return { objectType, sampleRate: core.rate, channels, coreConfig };
}

/** Decodes raw AAC frames (one raw_data_block each, no ADTS header) of one stream. */
export class AacDecoder {
  readonly config: AacConfig;
  private readonly decoder: AacJsDecoder;
  private readonly aurora: Aurora;

  constructor(audioSpecificConfig: Uint8Array) {
    this.config = parseAudioSpecificConfig(audioSpecificConfig);
    const { aurora, Decoder } = aacJs();
    this.aurora = aurora;
    this.decoder = new Decoder(new aurora.EventEmitter(), {});
    this.decoder.setCookie(new aurora.Buffer(this.config.coreConfig));
  }

  /** The frame's samples, one array per channel; throws on a frame it cannot decode. */
  decodeFrame(frame: Uint8Array): Float32Array[] {
    const { aurora } = this;
    this.decoder.bitstream = new aurora.Bitstream(aurora.Stream.fromBuffer(new aurora.Buffer(frame)));
    const interleaved = this.decoder.readChunk();
    const channels = this.decoder.data.length;
    const length = interleaved.length / channels;
    const planar = Array.from({ length: channels }, () => new Float32Array(length));
    for (let i = 0, at = 0; i < length; i++) for (let channel = 0; channel < channels; channel++) planar[channel]![i] = interleaved[at++]!;
    return planar;
  }

  /** Silence in place of a frame that would not decode, so what follows keeps its time. */
  silentFrame(): Float32Array[] {
    return Array.from({ length: this.decoder.data?.length || this.config.channels }, () => new Float32Array(AAC_FRAME_LENGTH));
  }
}

/**
 * Raw `.aac` files: ADTS frames, each with a 7- or 9-byte header, fed a slice
 * at a time. Frames split across slices are carried over. ADTS has no field
 * for the encoder's priming, but every encoder primes with at least one
 * frame, so the first frame is dropped (as faad2 does).
 */
export class AdtsDecoder {
  private pending = new Uint8Array(0);
  private decoder: AacDecoder | undefined;
  private failed = 0;
  private decoded = 0;
  private seen = 0;

  decode(slice: Uint8Array): AudioChunk {
    const bytes = this.pending.length === 0 ? slice : concat(this.pending, slice);
    const frames: Float32Array[][] = [];
    let offset = 0;
    while (offset + 7 <= bytes.length) {
      if (bytes[offset] !== 0xff || (bytes[offset + 1]! & 0xf6) !== 0xf0) {
        // Lost sync (junk or a damaged frame): look for the next header.
        offset++;
        continue;
      }
      const header = readAdtsHeader(bytes.subarray(offset, offset + 7));
      if (header.frameLength < header.headerLength) {
        offset++;
        continue;
      }
      if (offset + header.frameLength > bytes.length) break;
      this.decoder ??= new AacDecoder(header.audioSpecificConfig);
      const samples = this.frame(bytes.subarray(offset + header.headerLength, offset + header.frameLength));
      if (this.seen++ > 0) frames.push(samples);
      offset += header.frameLength;
    }
    this.pending = bytes.slice(offset);
    return joinFrames(frames, this.decoder?.config.sampleRate ?? 0);
  }

  flush(): AudioChunk {
    this.pending = new Uint8Array(0);
    if (this.decoded === 0 && this.failed > 0) throw new Error('no AAC frame could be decoded');
    return { channelData: [], sampleRate: this.decoder?.config.sampleRate ?? 0 };
  }

  private frame(frame: Uint8Array): Float32Array[] {
    try {
      const samples = this.decoder!.decodeFrame(frame);
      this.decoded++;
      return samples;
    } catch {
      this.failed++;
      return this.decoder!.silentFrame();
    }
  }
}

interface AdtsHeader {
  headerLength: number;
  frameLength: number;
  audioSpecificConfig: Uint8Array;
}

function readAdtsHeader(bytes: Uint8Array): AdtsHeader {
  const bits = new BitReader(bytes);
  bits.read(12); // sync word
  bits.read(3); // MPEG version, layer
  const protectionAbsent = bits.read(1);
  const objectType = bits.read(2) + 1;
  const rateIndex = bits.read(4);
  bits.read(1); // private
  const channels = bits.read(3);
  bits.read(4); // originality, home, copyright bits
  const frameLength = bits.read(13);
  bits.read(11); // buffer fullness
  if (bits.read(2) !== 0) throw new Error('ADTS frames holding several raw data blocks are not supported');
  const audioSpecificConfig = new Uint8Array([(objectType << 3) | (rateIndex >> 1), ((rateIndex & 1) << 7) | (channels << 3)]);
  return { headerLength: protectionAbsent ? 7 : 9, frameLength, audioSpecificConfig };
}

/** Concatenates decoded frames into one chunk per call, the shape the collector takes. */
export function joinFrames(frames: readonly Float32Array[][], sampleRate: number): AudioChunk {
  const first = frames[0];
  if (first === undefined) return { channelData: [], sampleRate };
  const length = frames.reduce((sum, frame) => sum + (frame[0]?.length ?? 0), 0);
  const channelData = first.map(() => new Float32Array(length));
  let at = 0;
  for (const frame of frames) {
    channelData.forEach((channel, index) => channel.set(frame[index] ?? new Float32Array(frame[0]!.length), at));
    at += frame[0]!.length;
  }
  return { channelData, sampleRate };
}

/** Big-endian bit reader over a byte array; reads past the end give zeros. */
class BitReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  read(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++, this.position++) {
      const byte = this.bytes[this.position >> 3] ?? 0;
      value = value * 2 + ((byte >> (7 - (this.position & 7))) & 1);
    }
    return value;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

// --- aac.js, loaded once, checked for its patch ---------------------------------------------------------

interface Aurora {
  Buffer: new (data: Uint8Array) => unknown;
  Stream: { fromBuffer(buffer: unknown): unknown };
  Bitstream: new (stream: unknown) => unknown;
  EventEmitter: new () => unknown;
}

interface AacJsDecoder {
  bitstream: unknown;
  /** One array per output channel, set by readChunk. */
  data: Float32Array[];
  setCookie(buffer: unknown): void;
  /** Decodes one raw_data_block from `bitstream`: interleaved samples, scaled to -1..1. */
  readChunk(): Float32Array;
}

/** aac.js's channel stream class, with what patches/aac+0.1.3.patch adds to it. */
interface IcStreamClass {
  VERBATIM_FIXES?: number;
  addPulse?: (dequantized: number, amplitude: number) => number;
}

let loaded: { aurora: Aurora; Decoder: new (demuxer: unknown, format: object) => AacJsDecoder; ICStream: IcStreamClass } | undefined;

function aacJs(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const ICStream = require('aac/src/ics.js') as IcStreamClass;
  if (ICStream.VERBATIM_FIXES !== 1) {
    throw new Error('aac.js in node_modules is missing its fixes (patches/aac+0.1.3.patch): run `npx patch-package` or reinstall with scripts enabled');
  }
  const aurora = require('av') as Aurora;
  const Decoder = require('aac') as new (demuxer: unknown, format: object) => AacJsDecoder;
  loaded = { aurora, Decoder, ICStream };
  return loaded;
}

/**
 * A pulse adds `amplitude` to the magnitude of a quantized value before it is
 * dequantized; the value here is already dequantized (sign(q)·|q|^(4/3)).
 * This is the patched aac.js's own function, exported for its unit test.
 */
export function addPulse(dequantized: number, amplitude: number): number {
  const { addPulse: patched } = aacJs().ICStream;
  if (patched === undefined) throw new Error('aac.js is missing its pulse fix');
  return patched(dequantized, amplitude);
}
