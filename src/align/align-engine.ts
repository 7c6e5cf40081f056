import type { Decoder } from 'soundswallower';
import type { SpeechDetector } from './silero-vad.ts';

/**
 * What the aligner needs from its environment. The aligner itself is pure
 * TypeScript + WebAssembly and never touches files, URLs or the DOM; an engine
 * knows where the soundswallower module and its acoustic models live (Node:
 * `node_modules/soundswallower/model`; browser worker: a URL) and how to load
 * a letter-to-sound converter.
 *
 * Node implementation: `createNodeEngine()` in `node-engine.ts`.
 */
export interface AlignEngine {
  /**
   * Creates and initializes (`await decoder.initialize()`) a soundswallower
   * Decoder for one model. `config` comes from the aligner (sample rate, beams,
   * filler probabilities) and must be passed to `new Decoder(...)` unchanged,
   * plus `hmm` (the model directory or URL) and anything the environment needs
   * (e.g. `loglevel`). The aligner calls `decoder.delete()` when it is done.
   *
   * `words`, when given, are the only words the aligner will look up
   * (`lookup_word`, with their `word(2)`... variants): an engine may load just
   * their entries of the model's dictionary, which answers those lookups as
   * the whole one would (parsing all 135,000 English entries costs ~250 ms).
   */
  createDecoder(model: AcousticModelId, config: DecoderConfig, words?: ReadonlySet<string>): Promise<Decoder>;
  /**
   * Letter-to-sound for English words missing from the model's dictionary
   * (names such as `Gallyamov`): ARPABET phones separated by spaces, stress
   * digits allowed, as `phonemize`'s `toARPABET` returns them. The aligner maps
   * them onto the model's phone set. Optional: without it such words get a
   * spelled-out or garbage pronunciation.
   */
  toArpabet?: (word: string) => string;
  /**
   * The speech detector (Silero VAD through onnxruntime-web), loaded once.
   * With it, audio that is not speech is silenced for the decoder and turn
   * starts go to speech onsets; without it only signal energy tells sound
   * from pause.
   */
  loadSpeechDetector?: () => Promise<SpeechDetector>;
}

/** The acoustic models soundswallower ships (directory names under `model/`). */
export type AcousticModelId = 'en-us' | 'fr-fr';

export type DecoderConfig = Record<string, string | number | boolean>;

/**
 * The model for a BCP-47 language tag (`en`, `en-GB`, `fr-CA`, ...), or `null`
 * when no acoustic model exists for it (the aligner then estimates timings).
 */
export function acousticModelFor(language: string): AcousticModelId | null {
  const primary = language.trim().toLowerCase().split(/[-_]/u)[0];
  if (primary === 'en') return 'en-us';
  if (primary === 'fr') return 'fr-fr';
  return null;
}
