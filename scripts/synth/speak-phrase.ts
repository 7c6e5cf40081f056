import { resample } from '../../src/align/resample.ts';
import { engineSpeak, type VoiceSpec } from './voice-spec.ts';
import type { MonoAudio } from './wav-file.ts';
import { wordExtents, type Extent } from './word-extents.ts';

export interface SpokenPhrase {
  audio: MonoAudio;
  /** One extent per written word, seconds from the start of `audio`. */
  words: Extent[];
}

/**
 * Voices written words as one phrase at `sampleRate` and says where each is audible.
 * Extents are measured at the engine's own rate, before resampling; the resampler has no
 * delay, so seconds carry over unchanged. A word that makes no sound (a lone `-`) gets
 * the zero-or-more-length gap between its neighbours.
 */
export function speakPhrase(voice: VoiceSpec, words: readonly string[], sampleRate: number): SpokenPhrase {
  if (words.length === 0) throw new Error('speakPhrase needs at least one word');
  const utterance = engineSpeak(voice, words);
  const native: MonoAudio = { samples: utterance.samples, sampleRate: utterance.sampleRate };
  const extents = wordExtents(native, utterance.segments, words.length);
  const silent = words.filter((word, index) => !extents[index] && /[\p{L}\p{N}]/u.test(word));
  if (silent.length > 0) throw new Error(`no sound was made for ${silent.map((word) => `"${word}"`).join(', ')}`);
  if (extents.every((extent) => !extent)) throw new Error(`nothing audible in "${words.join(' ')}"`);

  const filled: Extent[] = [];
  extents.forEach((extent, index) => {
    if (extent) {
      filled.push(extent);
      return;
    }
    const before = filled[index - 1]?.end;
    const after = extents.slice(index + 1).find((next) => next)?.start;
    const at = before ?? after ?? 0;
    filled.push({ start: at, end: Math.max(at, after ?? at) });
  });
  return {
    audio: { samples: resample(native.samples, native.sampleRate, sampleRate), sampleRate },
    words: filled,
  };
}
