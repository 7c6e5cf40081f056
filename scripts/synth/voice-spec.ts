import { espeakSpeak, type EspeakVoiceOptions } from './espeak-engine.ts';
import { fliteSpeak, type FliteVoiceOptions } from './flite-engine.ts';
import type { EngineUtterance } from './phone-segment.ts';

/** A synthetic speaker: which engine, which of its voices, how fast and how high. */
export type VoiceSpec = ({ engine: 'espeak' } & EspeakVoiceOptions) | ({ engine: 'flite' } & FliteVoiceOptions);

export function engineSpeak(voice: VoiceSpec, words: readonly string[]): EngineUtterance {
  return voice.engine === 'espeak' ? espeakSpeak(voice, words) : fliteSpeak(voice, words);
}

/** `espeak:en+m3@150wpm`, for notes and manifests. */
export function describeVoice(voice: VoiceSpec): string {
  if (voice.engine === 'espeak') {
    const extras = [
      voice.wordsPerMinute !== undefined ? `${voice.wordsPerMinute}wpm` : '',
      voice.pitch !== undefined ? `pitch ${voice.pitch}` : '',
    ].filter(Boolean);
    return `espeak-ng:${voice.name}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  }
  const extras = [
    voice.durationStretch !== undefined ? `stretch ${voice.durationStretch}` : '',
    voice.pitchHz !== undefined ? `${voice.pitchHz} Hz` : '',
  ].filter(Boolean);
  return `flite:${voice.name}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}
