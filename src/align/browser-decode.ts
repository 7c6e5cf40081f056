import type { AlignAudio } from './align-outcome.ts';

/** The acoustic models' rate; decoding straight to it spares the worker a resampling pass. */
export const ALIGN_SAMPLE_RATE = 16000;

/**
 * Decodes an audio file (anything the browser plays: MP3, Opus, AAC, WAV, FLAC)
 * to mono PCM for the aligner.
 *
 * `decodeAudioData` exists only on the main thread, but Chromium and Firefox
 * decode and resample on a background thread, and the downmix runs on an
 * OfflineAudioContext's render thread; the main thread only copies the
 * finished samples out once. An ArrayBuffer argument is detached by decoding.
 */
export async function decodeAudioFile(file: Blob | ArrayBuffer, sampleRate = ALIGN_SAMPLE_RATE): Promise<AlignAudio> {
  const bytes = file instanceof ArrayBuffer ? file : await file.arrayBuffer();
  // The context's rate is the rate decodeAudioData resamples to; its length does not matter.
  const decoded = await new OfflineAudioContext(1, 1, sampleRate).decodeAudioData(bytes);
  return audioBufferToMono(decoded, sampleRate);
}

/** Mono PCM at `sampleRate` from a decoded buffer (e.g. the one the waveform was drawn from). */
export async function audioBufferToMono(buffer: AudioBuffer, sampleRate = ALIGN_SAMPLE_RATE): Promise<AlignAudio> {
  let mono = buffer;
  if (buffer.numberOfChannels !== 1 || buffer.sampleRate !== sampleRate) {
    const length = Math.max(1, Math.ceil((buffer.length * sampleRate) / buffer.sampleRate));
    const context = new OfflineAudioContext(1, length, sampleRate);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    source.start();
    mono = await context.startRendering();
  }
  const samples = new Float32Array(mono.length);
  mono.copyFromChannel(samples, 0);
  return { samples, sampleRate };
}
