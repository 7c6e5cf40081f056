// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AudioChunk } from './audio-chunk.ts';
import { WavDecoder } from './wav-decoder.ts';

interface WavSpec {
  tag: number;
  bits: number;
  channels: number;
  sampleRate?: number;
  /** Writes one sample of `bytes` per call. */
  write: (view: DataView, at: number, value: number) => void;
  extensible?: boolean;
  /** Chunks put between `fmt ` and `data`. */
  extra?: Uint8Array;
  /** The size written in the data chunk header, when not the true one. */
  dataSize?: number;
}

/** A WAV file of `frames` frames whose sample (frame, channel) is `sample(frame, channel)`. */
function wav(spec: WavSpec, frames: number, sample: (frame: number, channel: number) => number): Uint8Array {
  const bytesPerSample = spec.bits / 8;
  const fmtSize = spec.extensible ? 40 : 16;
  const extra = spec.extra ?? new Uint8Array(0);
  const dataBytes = frames * spec.channels * bytesPerSample;
  const dataStart = 12 + 8 + fmtSize + extra.length + 8;
  const bytes = new Uint8Array(dataStart + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) => [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, spec.extensible ? 0xfffe : spec.tag, true);
  view.setUint16(22, spec.channels, true);
  view.setUint32(24, spec.sampleRate ?? 8000, true);
  view.setUint32(28, (spec.sampleRate ?? 8000) * spec.channels * bytesPerSample, true);
  view.setUint16(32, spec.channels * bytesPerSample, true);
  view.setUint16(34, spec.bits, true);
  if (spec.extensible) {
    view.setUint16(36, 22, true);
    view.setUint16(38, spec.bits, true);
    view.setUint32(40, 3, true);
    // KSDATAFORMAT_SUBTYPE_*: the format tag, then a fixed GUID tail.
    view.setUint16(44, spec.tag, true);
    bytes.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 46);
  }
  bytes.set(extra, 20 + fmtSize);
  text(dataStart - 8, 'data');
  view.setUint32(dataStart - 4, spec.dataSize ?? dataBytes, true);
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < spec.channels; channel++) {
      spec.write(view, dataStart + (frame * spec.channels + channel) * bytesPerSample, sample(frame, channel));
    }
  }
  return bytes;
}

/** Decodes `bytes` fed in slices of the given sizes (cycled), joined back into one array per channel. */
function decodeInSlices(bytes: Uint8Array, sizes: number[]): AudioChunk {
  const decoder = new WavDecoder();
  const pieces: AudioChunk[] = [];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(decoder.decode(bytes.subarray(offset, offset + size)));
    offset += size;
  }
  pieces.push(decoder.flush());
  const channels = Math.max(...pieces.map((piece) => piece.channelData.length));
  const channelData = Array.from({ length: channels }, (_, channel) => {
    const parts = pieces.map((piece) => piece.channelData[channel] ?? new Float32Array(0));
    const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  });
  return { channelData, sampleRate: pieces.find((piece) => piece.sampleRate > 0)?.sampleRate ?? 0 };
}

const wave = (frame: number, channel: number) => 0.9 * Math.sin(frame / (7 + channel * 3));

const ENCODINGS: { name: string; spec: Omit<WavSpec, 'channels'>; tolerance: number }[] = [
  { name: '8-bit unsigned', spec: { tag: 1, bits: 8, write: (v, at, x) => v.setUint8(at, Math.round(x * 127) + 128) }, tolerance: 1 / 50 },
  { name: '16-bit', spec: { tag: 1, bits: 16, write: (v, at, x) => v.setInt16(at, Math.round(x * 32767), true) }, tolerance: 1e-4 },
  {
    name: '24-bit',
    spec: {
      tag: 1,
      bits: 24,
      write: (v, at, x) => {
        const value = Math.round(x * 8388607);
        v.setUint8(at, value & 0xff);
        v.setUint8(at + 1, (value >> 8) & 0xff);
        v.setInt8(at + 2, value >> 16);
      },
    },
    tolerance: 1e-6,
  },
  { name: '32-bit', spec: { tag: 1, bits: 32, write: (v, at, x) => v.setInt32(at, Math.round(x * 2147483647), true) }, tolerance: 1e-6 },
  { name: '32-bit float', spec: { tag: 3, bits: 32, write: (v, at, x) => v.setFloat32(at, x, true) }, tolerance: 1e-7 },
  { name: '64-bit float', spec: { tag: 3, bits: 64, write: (v, at, x) => v.setFloat64(at, x, true) }, tolerance: 1e-7 },
];

describe('WavDecoder', () => {
  for (const { name, spec, tolerance } of ENCODINGS) {
    for (const extensible of [false, true]) {
      it(`decodes ${name} PCM${extensible ? ' in WAVE_FORMAT_EXTENSIBLE' : ''}, whatever the slice boundaries`, () => {
        const bytes = wav({ ...spec, channels: 2, extensible }, 500, wave);
        // Slices of 1, 3 and 7 bytes split headers, samples and frames everywhere.
        for (const sizes of [[bytes.length], [1], [3, 7, 1], [4096]]) {
          const { channelData, sampleRate } = decodeInSlices(bytes, sizes);
          expect(sampleRate).toBe(8000);
          expect(channelData).toHaveLength(2);
          for (let channel = 0; channel < 2; channel++) {
            expect(channelData[channel]).toHaveLength(500);
            for (let frame = 0; frame < 500; frame += 37) expect(Math.abs(channelData[channel]![frame]! - wave(frame, channel))).toBeLessThan(tolerance);
          }
        }
      });
    }
  }

  it('expands A-law and µ-law to the values of the G.711 tables', () => {
    const codes = [0x00, 0x80, 0x55, 0xd5, 0x2a, 0xaa, 0xff];
    const decode = (tag: number) =>
      decodeInSlices(wav({ tag, bits: 8, channels: 1, write: (v, at, code) => v.setUint8(at, code) }, codes.length, (frame) => codes[frame]!), [5]).channelData[0]!;
    // G.711 Tables 1a and 2a, as 16-bit linear values.
    expect([...decode(6)].map((x) => x * 32768)).toEqual([-5504, 5504, -8, 8, -32256, 32256, 848]);
    expect([...decode(7)].map((x) => x * 32768)).toEqual([-32124, 32124, -716, 716, -5372, 5372, 0]);
  });

  it('skips chunks before the data, padded to an even length, and reads to the end when the data size is unknown', () => {
    const list = new Uint8Array([0x4c, 0x49, 0x53, 0x54, 3, 0, 0, 0, 1, 2, 3, 0]);
    const spec = { tag: 1, bits: 16, channels: 1, extra: list, write: (v: DataView, at: number, x: number) => v.setInt16(at, Math.round(x * 32767), true) };
    for (const dataSize of [undefined, 0, 0xffffffff]) {
      const { channelData } = decodeInSlices(wav({ ...spec, dataSize }, 300, wave), [10]);
      expect(channelData[0]).toHaveLength(300);
      expect(channelData[0]![299]).toBeCloseTo(wave(299, 0), 4);
    }
  });

  it('stops at the end of the data chunk, before any chunk after it', () => {
    const bytes = wav({ tag: 1, bits: 16, channels: 1, write: (v, at, x) => v.setInt16(at, Math.round(x * 32767), true) }, 100, wave);
    const trailer = new Uint8Array([0x4c, 0x49, 0x53, 0x54, 4, 0, 0, 0, 9, 9, 9, 9]);
    const joined = new Uint8Array(bytes.length + trailer.length);
    joined.set(bytes);
    joined.set(trailer, bytes.length);
    expect(decodeInSlices(joined, [64]).channelData[0]).toHaveLength(100);
  });

  // FFmpeg's IMA decoder computes each step difference in one multiplication rather than the IMA
  // reference's sum of shifted steps, so its values differ by a few units; Microsoft ADPCM must match exactly.
  for (const [codec, tolerance] of [['ima', 64], ['ms', 0]] as const) {
    it(`decodes ${codec === 'ima' ? 'IMA' : 'Microsoft'} ADPCM as FFmpeg does, block by block across slices`, () => {
      const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/decode-audio/${name}`, import.meta.url)));
      const expected = decodeInSlices(fixture(`adpcm-${codec}.ref.wav`), [1 << 20]);
      for (const sizes of [[1 << 20], [333, 1]]) {
        const actual = decodeInSlices(fixture(`adpcm-${codec}.wav`), sizes);
        expect(actual.sampleRate).toBe(22050);
        expect(actual.channelData).toHaveLength(2);
        for (let channel = 0; channel < 2; channel++) {
          const want = expected.channelData[channel]!;
          const got = actual.channelData[channel]!;
          expect(got.length).toBe(want.length);
          let worst = 0;
          for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(Math.round(got[i]! * 32768) - Math.round(want[i]! * 32768)));
          expect(worst).toBeLessThanOrEqual(tolerance);
        }
      }
    });
  }

  it('names the compression it does not decode', () => {
    const gsm = wav({ tag: 0x31, bits: 8, channels: 1, write: () => undefined }, 10, () => 0);
    expect(() => new WavDecoder().decode(gsm)).toThrow('WAV with GSM 6.10 is not supported');
    const wide = wav({ tag: 3, bits: 16, channels: 1, write: () => undefined }, 10, () => 0);
    expect(() => new WavDecoder().decode(wide)).toThrow('WAV with 16-bit float is not supported');
  });

  it('reports a header cut short', () => {
    const bytes = wav({ tag: 1, bits: 16, channels: 1, write: () => undefined }, 10, () => 0);
    const decoder = new WavDecoder();
    decoder.decode(bytes.subarray(0, 30));
    expect(() => decoder.flush()).toThrow('the WAV header is incomplete');
  });
});
