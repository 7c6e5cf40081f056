import type { AlignAudio } from './align-outcome.ts';

/** The acoustic models' rate; decoding straight to it spares the worker a resampling pass. */
export const ALIGN_SAMPLE_RATE = 16000;

/** Samples copied per main-thread task when a caller's buffer must be copied (~3 ms each). */
const COPY_SLICE = 1 << 19;

/**
 * Decodes an audio file (anything the browser plays: MP3, Opus, AAC, WAV, FLAC)
 * to mono PCM for the aligner.
 *
 * `decodeAudioData` exists only on the main thread, but Chromium and Firefox
 * decode and resample on a background thread, and a downmix runs on an
 * OfflineAudioContext's render thread. The samples returned are the decoded
 * buffer's own memory, not a copy (copying 260 s costs ~20 ms of main thread
 * in one piece), so transferring them to the worker is free. An ArrayBuffer
 * argument is detached by decoding.
 */
export async function decodeAudioFile(file: Blob | ArrayBuffer, sampleRate = ALIGN_SAMPLE_RATE): Promise<AlignAudio> {
  const bytes = file instanceof ArrayBuffer ? file : await file.arrayBuffer();
  // The context's rate is the rate decodeAudioData resamples to; its length does not matter.
  const decoded = await new OfflineAudioContext(1, 1, sampleRate).decodeAudioData(bytes);
  const mono = await monoBuffer(decoded, sampleRate);
  return { samples: mono.getChannelData(0), sampleRate };
}

/**
 * Mono PCM at `sampleRate` from a decoded buffer (e.g. the one the waveform
 * was drawn from). The caller's buffer is left intact: when it already has
 * the right shape its samples are copied, in slices that keep every
 * main-thread task short.
 */
export async function audioBufferToMono(buffer: AudioBuffer, sampleRate = ALIGN_SAMPLE_RATE): Promise<AlignAudio> {
  const mono = await monoBuffer(buffer, sampleRate);
  if (mono !== buffer) return { samples: mono.getChannelData(0), sampleRate };
  const samples = new Float32Array(buffer.length);
  for (let offset = 0; offset < samples.length; offset += COPY_SLICE) {
    if (offset > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    buffer.copyFromChannel(samples.subarray(offset, offset + COPY_SLICE), 0, offset);
  }
  return { samples, sampleRate };
}

/** `buffer` itself when it is mono at `sampleRate`, else a new buffer rendered off the main thread. */
async function monoBuffer(buffer: AudioBuffer, sampleRate: number): Promise<AudioBuffer> {
  if (buffer.numberOfChannels === 1 && buffer.sampleRate === sampleRate) return buffer;
  const length = Math.max(1, Math.ceil((buffer.length * sampleRate) / buffer.sampleRate));
  const context = new OfflineAudioContext(1, length, sampleRate);
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(context.destination);
  source.start();
  return context.startRendering();
}
