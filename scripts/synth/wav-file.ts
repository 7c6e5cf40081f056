import { readFileSync, writeFileSync } from 'node:fs';

/** Mono audio as floats in -1..1; every module in scripts/synth passes sound around in this shape. */
export interface MonoAudio {
  samples: Float32Array;
  sampleRate: number;
}

/** 16-bit PCM mono RIFF/WAVE bytes; samples are clipped to -1..1. */
export function encodeWav(audio: MonoAudio): Buffer {
  const { samples, sampleRate } = audio;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length * 2, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length * 2, 40);
  const body = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const clipped = Math.max(-1, Math.min(1, samples[i] ?? 0));
    body.writeInt16LE(Math.round(clipped * 32767), i * 2);
  }
  return Buffer.concat([header, body]);
}

/** Reads 16-bit PCM WAVE (mono, or the first channel of several). Throws on anything else. */
export function decodeWav(bytes: Buffer): MonoAudio {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (bytes.readUInt16LE(body) !== 1 || bytes.readUInt16LE(body + 14) !== 16) {
        throw new Error('only 16-bit PCM WAVE is supported');
      }
      channels = bytes.readUInt16LE(body + 2);
      sampleRate = bytes.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (sampleRate === 0) throw new Error('WAVE data chunk before fmt chunk');
      // Streams piped from ffmpeg/sox carry a 0xFFFFFFFF placeholder size.
      const end = Math.min(bytes.length, body + size);
      const frames = Math.floor((end - body) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(body + i * 2 * channels) / 32768;
      return { samples, sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAVE file has no data chunk');
}

export function writeWav(path: string, audio: MonoAudio): void {
  writeFileSync(path, encodeWav(audio));
}

export function readWav(path: string): MonoAudio {
  return decodeWav(readFileSync(path));
}
