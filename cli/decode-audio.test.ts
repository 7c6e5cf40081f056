// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECODED_SAMPLE_RATE, decodeAudioBytes, decodeAudioFile } from './decode-audio.ts';

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
