// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AAC_SAMPLE_RATES, AacDecoder, AdtsDecoder, addPulse, parseAudioSpecificConfig } from './aac-decoder.ts';
import type { AudioChunk } from './audio-chunk.ts';
import { readMp4AudioTrack } from './mp4-audio-track.ts';
import { WavDecoder } from './wav-decoder.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../test/fixtures/decode-audio/${name}`, import.meta.url)));

/** Every frame of an M4A fixture through AacDecoder, joined per channel (priming included). */
function decodeM4a(name: string): { channels: Float32Array[]; sampleRate: number; priming: number } {
  const track = readMp4AudioTrack(fixture(name));
  const decoder = new AacDecoder(track.decoderConfig);
  const frames = [...track.frames()].map((frame) => decoder.decodeFrame(frame));
  return { channels: join(frames), sampleRate: decoder.config.sampleRate, priming: Math.round((track.edit?.start ?? 0) * decoder.config.sampleRate) };
}

function join(frames: readonly (readonly Float32Array[])[]): Float32Array[] {
  const channels = frames[0]?.length ?? 0;
  return Array.from({ length: channels }, (_, channel) => {
    const out = new Float32Array(frames.reduce((sum, frame) => sum + frame[channel]!.length, 0));
    let at = 0;
    for (const frame of frames) {
      out.set(frame[channel]!, at);
      at += frame[channel]!.length;
    }
    return out;
  });
}

/** FFmpeg's decoding of the same file (priming already trimmed), from the fixture's WAV. */
function reference(name: string): AudioChunk {
  const decoder = new WavDecoder();
  const chunk = decoder.decode(fixture(name));
  decoder.flush();
  return chunk;
}

/** Signal-to-noise ratio of `actual` against `expected` in dB, over all channels. */
function snr(expected: AudioChunk, actual: Float32Array[], offset: number): number {
  let signal = 0;
  let noise = 0;
  expected.channelData.forEach((channel, index) => {
    for (let i = 0; i < channel.length; i++) {
      const error = channel[i]! - (actual[index]![i + offset] ?? 0);
      signal += channel[i]! ** 2;
      noise += error ** 2;
    }
  });
  return 10 * Math.log10(signal / noise);
}

/** Root mean square of the first difference: loudness weighted toward the highs, where noise substitution works. */
function highRms(channels: readonly Float32Array[], from: number, to: number): number {
  let sum = 0;
  let count = 0;
  for (const channel of channels) {
    for (let i = Math.max(1, from); i < Math.min(to, channel.length); i++) {
      sum += (channel[i]! - channel[i - 1]!) ** 2;
      count++;
    }
  }
  return Math.sqrt(sum / count);
}

describe('parseAudioSpecificConfig', () => {
  it('reads AAC-LC and keeps it as the core config', () => {
    const config = parseAudioSpecificConfig(new Uint8Array([0x12, 0x10]));
    expect(config).toMatchObject({ objectType: 2, sampleRate: 44100, channels: 2 });
    expect([...config.coreConfig]).toEqual([0x12, 0x10]);
  });

  it('turns explicitly signalled HE-AAC into its AAC-LC core at half the rate', () => {
    // Object type 5 (SBR), core 22050 Hz stereo, extension 44100 Hz, then type 2.
    const config = parseAudioSpecificConfig(new Uint8Array([0x2b, 0x92, 0x08, 0x00]));
    expect(config).toMatchObject({ objectType: 5, sampleRate: 22050, channels: 2 });
    expect(parseAudioSpecificConfig(config.coreConfig)).toMatchObject({ objectType: 2, sampleRate: 22050, channels: 2 });
  });

  it('names the profiles it does not decode', () => {
    expect(() => parseAudioSpecificConfig(new Uint8Array([0x0a, 0x10]))).toThrow('AAC Main is not supported');
    expect(() => parseAudioSpecificConfig(new Uint8Array([0x22, 0x10]))).toThrow('AAC LTP is not supported');
    expect(() => parseAudioSpecificConfig(new Uint8Array([0x12, 0x00]))).toThrow('program config element');
  });

  it('knows the standard rates by index', () => {
    expect(AAC_SAMPLE_RATES[3]).toBe(48000);
    expect(AAC_SAMPLE_RATES[11]).toBe(8000);
  });
});

describe('addPulse', () => {
  it('adds the pulse to the quantized magnitude, away from zero', () => {
    expect(addPulse(3 ** (4 / 3), 2)).toBeCloseTo(5 ** (4 / 3), 9);
    expect(addPulse(-(3 ** (4 / 3)), 2)).toBeCloseTo(-(5 ** (4 / 3)), 9);
    expect(addPulse(0, 1)).toBeCloseTo(-1, 9);
  });
});

describe('AacDecoder', () => {
  it('matches FFmpeg sample for sample on AAC-LC with TNS, mid/side and intensity stereo', () => {
    const { channels, sampleRate, priming } = decodeM4a('speech.m4a');
    const expected = reference('speech.ref.wav');
    expect(sampleRate).toBe(44100);
    expect(priming).toBe(1024);
    // The reference is 16-bit, so ~90 dB is the ceiling; a wrong window shape or missing TNS gives ~20 dB.
    expect(snr(expected, channels, priming)).toBeGreaterThan(70);
  });

  it('fills noise-substituted bands with noise of the coded energy, never NaN', () => {
    const { channels, priming } = decodeM4a('speech-pns.m4a');
    expect(channels.every((channel) => channel.every(Number.isFinite))).toBe(true);
    const expected = reference('speech-pns.ref.wav');
    const length = expected.channelData[0]!.length;
    // Noise is random, so compare loudness per 100 ms rather than samples.
    const trimmed = channels.map((channel) => channel.subarray(priming));
    for (let from = 0; from + 4410 <= length; from += 4410) {
      const want = highRms(expected.channelData, from, from + 4410);
      if (want > 1e-3) expect(Math.abs(20 * Math.log10(highRms(trimmed, from, from + 4410) / want))).toBeLessThan(0.2);
    }
  });

  it('decodes raw ADTS in slices of any size as it decodes the same frames from an M4A, less the priming frame', () => {
    const track = readMp4AudioTrack(fixture('speech.m4a'));
    // Wrap each MP4 frame in an ADTS header (AAC-LC, 44.1 kHz, stereo, no CRC).
    const frames = [...track.frames()];
    const adts = new Uint8Array(frames.reduce((sum, frame) => sum + frame.length + 7, 0));
    let at = 0;
    for (const frame of frames) {
      const length = frame.length + 7;
      adts.set([0xff, 0xf1, (1 << 6) | (4 << 2), (2 << 6) | (length >> 11), (length >> 3) & 0xff, ((length & 7) << 5) | 0x1f, 0xfc], at);
      adts.set(frame, at + 7);
      at += length;
    }
    const decoder = new AdtsDecoder();
    const chunks: AudioChunk[] = [];
    for (let offset = 0, size = 1; offset < adts.length; offset += size, size = (size * 7) % 997) chunks.push(decoder.decode(adts.subarray(offset, offset + size)));
    chunks.push(decoder.flush());
    const fromAdts = join(chunks.filter((chunk) => chunk.channelData.length > 0).map((chunk) => chunk.channelData));
    const channels = decodeM4a('speech.m4a').channels.map((channel) => channel.subarray(1024));
    expect(fromAdts[0]).toHaveLength(channels[0]!.length);
    expect(snr({ channelData: channels, sampleRate: 44100 }, fromAdts, 0)).toBeGreaterThan(100);
  });
});
