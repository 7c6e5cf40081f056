/**
 * The language of a transcript, from its text. The aligner has acoustic
 * models for English and French only; everything else must be recognised as
 * what it is so that neither model is run on it silently.
 *
 * eld (Efficient Language Detector, Apache-2.0), extra-small n-gram set:
 * 60 languages. Chosen by measurement over franc-min, franc, tinyld and
 * tinyld/light (scripts/bench-language.ts): 94.5 % right on 1167 translated
 * sentences in 31 languages, where the smaller franc-min reached 67 % (it has
 * no Danish, Norwegian, Finnish, Slovak, Catalan, Slovenian or Estonian); all
 * of LibriVox de/es/en, the seed and the real-dev transcripts right. It costs
 * about 285 KB gzipped, so the app loads this module lazily.
 */
import { eld } from 'eld/extrasmall';
import type { Transcript } from './model.ts';
import { DETECTION_CHARS, transcriptPlainText } from './plain-text.ts';

export interface DetectedLanguage {
  /** BCP-47 primary tag (`de`, `es`, `sv`, `zh`, ...). */
  language: string;
  /**
   * 0..1, how far to trust it: grows with the amount of text up to
   * {@link FULL_EVIDENCE_LETTERS} letters, halved when eld calls the result
   * unreliable (too few n-grams, a close second). eld's own scores do not
   * grow with evidence (two words score as high as a paragraph), so they are
   * not used for this.
   */
  confidence: number;
}

/** More text than this adds nothing but time; the start of a transcript is as telling as the rest. */
const MAX_CHARS = DETECTION_CHARS;
/** Fewer letters than this are no evidence of a language ("OK", "12:30"). */
const MIN_LETTERS = 12;
/** From this many letters on, a reliable result gets confidence 1 (about two sentences). */
const FULL_EVIDENCE_LETTERS = 100;

export function detectLanguage(text: string): DetectedLanguage | undefined {
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return undefined;
  const result = eld.detect(sample);
  if (!result.language) return undefined;
  const confidence = Math.min(1, letters / FULL_EVIDENCE_LETTERS) * (result.isReliable() ? 1 : 0.5);
  return { language: result.language, confidence: Math.round(confidence * 1000) / 1000 };
}

export function detectTranscriptLanguage(transcript: Transcript): DetectedLanguage | undefined {
  return detectLanguage(transcriptPlainText(transcript));
}
