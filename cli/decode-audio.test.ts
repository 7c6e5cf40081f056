// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioFormat, DECODED_SAMPLE_RATE, decodeAudioBytes, decodeAudioFile, decodeAudioFileChunks } from './decode-audio.ts';

const fixture = (name: string) => new URL(`../test/fixtures/decode-audio/${name}`, import.meta.url).pathname;

/** Where the 440 Hz tone of the tone.* fixtures starts: the first 5 ms whose level reaches half the tone's. */
function onsetSeconds(samples: Float32Array): number {
  const window = DECODED_SAMPLE_RATE / 200;
  for (let from = 0; from + window <= samples.length; from += window / 5) {
    let sum = 0;
    for (let i = from; i < from + window; i++) sum += samples[i]! ** 2;
    if (Math.sqrt(sum / window) > 0.5 * (0.5 / Math.SQRT2)) return from / DECODED_SAMPLE_RATE;
  }
  return NaN;
}

function zeroCrossings(samples: Float32Array, from: number, to: number): number {
  let count = 0;
  for (let i = from + 1; i < to; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) count++;
  return count;
}

function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / (to - from));
}

/** A 16-bit PCM WAV file of `channels` × `frames` samples. */
function wav(sampleRate: number, channels: number, sample: (frame: number, channel: number) => number, frames: number): Uint8Array {
  const bytes = new Uint8Array(44 + frames * channels * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + frames * channels * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, frames * channels * 2, true);
  for (let f = 0; f < frames; f++) for (let c = 0; c < channels; c++) view.setInt16(44 + (f * channels + c) * 2, Math.round(sample(f, c) * 32767), true);
  return bytes;
}

describe('decodeAudioBytes', () => {
  it('mixes stereo down to mono and resamples to 16 kHz', async () => {
    // Left and right in opposite phase cancel out; a DC offset on both survives the mix.
    const bytes = wav(44100, 2, (f, c) => 0.25 + (c === 0 ? 0.5 : -0.5) * Math.sin(f / 10), 44100);
    const audio = await decodeAudioBytes(bytes);
    expect(audio.sampleRate).toBe(DECODED_SAMPLE_RATE);
    expect(audio.samples.length).toBe(16000);
    expect(audio.samples[8000]).toBeCloseTo(0.25, 2);
  });

  it('says plainly when the bytes are not audio', async () => {
    await expect(decodeAudioBytes(new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nhi'), 'notes.vtt')).rejects.toThrow(
      /notes\.vtt is not an audio file this tool can read/u,
    );
  });
});

describe('decodeAudioFile', () => {
  it('decodes the Opus fixture', async () => {
    const audio = await decodeAudioFile(new URL('../test/fixtures/align/clip.opus', import.meta.url).pathname);
    const { duration } = JSON.parse(readFileSync(new URL('../test/fixtures/align/clip.onsets.json', import.meta.url), 'utf8')) as { duration: number };
    expect(audio.sampleRate).toBe(16000);
    expect(Math.abs(audio.samples.length / 16000 - duration)).toBeLessThan(0.05);
  });

  it('reports a missing file by name', async () => {
    await expect(decodeAudioFile('/no/such/file.mp3')).rejects.toThrow('audio file not found: /no/such/file.mp3');
  });
});

describe('decodeAudioFile on every format', () => {
  // tone.*: 0.4 s of silence, then 440 Hz at half scale to 1.0 s (make-fixtures.sh).
  for (const name of ['tone.mp3', 'tone.flac', 'tone.ogg', 'tone.opus', 'tone.m4a', 'tone-frag.m4a', 'tone.aac']) {
    it(`decodes ${name} with the tone in place, at its pitch and level`, async () => {
      const { samples, sampleRate } = await decodeAudioFile(fixture(name));
      expect(sampleRate).toBe(DECODED_SAMPLE_RATE);
      expect(onsetSeconds(samples)).toBeCloseTo(0.4, 2);
      const seconds = samples.length / DECODED_SAMPLE_RATE;
      expect(seconds).toBeGreaterThan(0.99);
      // Raw ADTS and FFmpeg's fragmented MP4 cannot say where the encoder's padding of the last frame starts.
      expect(seconds).toBeLessThan(name === 'tone.aac' || name === 'tone-frag.m4a' ? 1.03 : 1.01);
      // 0.4 s of 440 Hz: 352 zero crossings.
      const steady = [Math.round(0.5 * DECODED_SAMPLE_RATE), Math.round(0.9 * DECODED_SAMPLE_RATE)] as const;
      expect(Math.abs(zeroCrossings(samples, ...steady) - 352)).toBeLessThanOrEqual(3);
      expect(rms(samples, ...steady)).toBeCloseTo(0.5 / Math.SQRT2, 1);
      expect(rms(samples, 0, Math.round(0.35 * DECODED_SAMPLE_RATE))).toBeLessThan(0.01);
    });
  }

  it('reads a file larger than one slice, a slice at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'decode-audio-'));
    try {
      // 8 s of 44.1 kHz stereo 16-bit: 1.4 MB, more than the 1 MiB read at a time.
      const path = join(dir, 'long.wav');
      writeFileSync(path, wav(44100, 2, (f) => 0.5 * Math.sin((2 * Math.PI * 440 * f) / 44100), 8 * 44100));
      const { samples } = await decodeAudioFile(path);
      expect(samples.length).toBe(8 * DECODED_SAMPLE_RATE);
      expect(Math.abs(zeroCrossings(samples, 0, samples.length) - 8 * 880)).toBeLessThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('looks past ID3 tags for the format: raw AAC with a tag is still AAC', async () => {
    const aac = readFileSync(fixture('tone.aac'));
    const tag = new Uint8Array(10 + 300);
    tag.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 2, 300 - 256]);
    const tagged = new Uint8Array(tag.length + aac.length);
    tagged.set(tag);
    tagged.set(aac, tag.length);
    const plain = await decodeAudioBytes(aac);
    const fromTagged = await decodeAudioBytes(tagged);
    expect(fromTagged.samples.length).toBe(plain.samples.length);
    expect(onsetSeconds(fromTagged.samples)).toBeCloseTo(onsetSeconds(plain.samples), 3);
  });

  it('tells the formats apart from their first bytes', () => {
    const bytes = (text: string, at = 0) => {
      const out = new Uint8Array(64);
      [...text].forEach((c, i) => (out[at + i] = c.charCodeAt(0)));
      return out;
    };
    const ogg = (codec: string) => {
      const out = bytes('OggS');
      [...codec].forEach((c, i) => (out[28 + i] = c.charCodeAt(0)));
      return out;
    };
    expect(audioFormat(bytes('RIFF\0\0\0\0WAVE'))).toBe('wav');
    expect(audioFormat(bytes('fLaC'))).toBe('flac');
    expect(audioFormat(ogg('OpusHead'))).toBe('opus');
    expect(audioFormat(ogg('\x01vorbis'))).toBe('vorbis');
    expect(audioFormat(ogg('\x7fFLAC'))).toBe('flac');
    expect(audioFormat(ogg('Speex   '))).toBeNull();
    expect(audioFormat(bytes('ftypM4A ', 4))).toBe('mp4');
    expect(audioFormat(new Uint8Array([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(audioFormat(new Uint8Array([0xff, 0xf1, 0x50, 0x80]))).toBe('adts');
    expect(audioFormat(bytes('WEBVTT'))).toBeNull();
  });

  it('says what is wrong with an empty file or an unsupported codec', async () => {
    await expect(decodeAudioBytes(new Uint8Array(0), 'empty.mp3')).rejects.toThrow('empty.mp3 is not an audio file this tool can read (MP3, WAV, OGG, Opus, FLAC or M4A): the file is empty');
    const speex = new Uint8Array(64);
    speex.set([0x4f, 0x67, 0x67, 0x53]);
    await expect(decodeAudioBytes(speex, 'talk.spx')).rejects.toThrow(/talk\.spx is not an audio file this tool can read/u);
  });
});

describe('decodeAudioFileChunks', () => {
  it('hands on the audio at its own rate and channels, with progress up to the end', async () => {
    for (const name of ['tone.flac', 'tone.m4a']) {
      let frames = 0;
      let progress = 0;
      for await (const chunk of decodeAudioFileChunks(fixture(name))) {
        if (chunk.channelData.length === 0) continue;
        expect(chunk.sampleRate).toBe(44100);
        expect(chunk.channelData).toHaveLength(2);
        frames += chunk.channelData[0]!.length;
        expect(chunk.progress).toBeGreaterThanOrEqual(progress);
        progress = chunk.progress;
      }
      expect(frames).toBe(44100);
      expect(progress).toBe(1);
    }
  });

  it('reports a missing file by name', async () => {
    await expect(decodeAudioFileChunks('/no/such/file.flac').next()).rejects.toThrow('audio file not found: /no/such/file.flac');
  });
});

