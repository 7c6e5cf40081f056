import { execFileSync } from 'node:child_process';
import { decodeWav, type MonoAudio } from './wav-file.ts';

/** Decodes any file ffmpeg reads to mono 16-bit PCM at `sampleRate`, honouring the codec's pre-skip. */
export function decodeWithFfmpeg(path: string, sampleRate: number): MonoAudio {
  const wav = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-ac', '1', '-ar', String(sampleRate), '-f', 'wav', '-'], {
    maxBuffer: 1 << 30,
  });
  return decodeWav(wav);
}

/**
 * The lag (in samples) of `decoded` against `reference` that best lines them up, searched
 * over ±maxLag around several loud windows; 0 means the decoded file is on the same
 * timeline as the reference.
 */
export function measureLag(reference: MonoAudio, decoded: MonoAudio, maxLag = 400, windows = 6): number[] {
  const window = Math.round(0.5 * reference.sampleRate);
  const lags: number[] = [];
  for (let w = 1; w <= windows; w++) {
    const at = Math.floor((reference.samples.length * w) / (windows + 1));
    let best = 0;
    let bestScore = -Infinity;
    for (let lag = -maxLag; lag <= maxLag; lag++) {
      let score = 0;
      for (let i = 0; i < window; i++) score += (reference.samples[at + i] ?? 0) * (decoded.samples[at + i + lag] ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    lags.push(best);
  }
  return lags;
}
