/**
 * How much of a transcript the audio supports, after alignment. Forced
 * alignment always finds some path: given the wrong text it still spreads
 * every word over the recording, with confident-looking turn times. What
 * gives it away is the words themselves: on the right audio nearly every
 * word is decoded with a high posterior at a speaking pace; on the wrong
 * audio the posteriors drop and words are stretched over seconds.
 *
 * Pure: the aligned transcript in, a share and a decision out.
 */
import type { Transcript, Word } from '../transcript/model.ts';
import type { AcousticModelId } from './align-engine.ts';
import { countSyllables } from '../transcript/syllables.ts';

export interface TextSupport {
  /** Words the audio supports: aligned, with a high posterior, at a speakable pace. */
  supported: number;
  /** Words the aligner had to place (anchored and unpronounceable words excluded). */
  total: number;
  /** supported / total, 0..1 (1 when there was nothing to place). */
  share: number;
}

/**
 * A word's decoder posterior must reach this to count as found. English
 * (matching pairs measured: at least 90 % of words above 0.9; the demo with
 * an unrelated story: 41 %). The French model is less sure of itself on
 * matching audio: on the French FLEURS reading 39 % of words reached 0.9 and
 * 54 % reached 0.8, against 22 % for an unrelated (Swedish) text at 0.8.
 */
const MIN_POSTERIOR: Record<AcousticModelId, number> = { 'en-us': 0.9, 'fr-fr': 0.8 };
/** Longer than this per syllable (plus a fixed allowance) is a word stretched over audio that is not it. */
const MAX_SECONDS_PER_SYLLABLE = 0.6;
const WORD_ALLOWANCE = 0.4;
/** Below this share the transcript is refused as not being of this audio. */
export const MIN_SUPPORTED_SHARE = 0.5;
/** Too few words to judge: a caption or two is not refused. */
const MIN_WORDS = 8;

function supportedWord(word: Word, minPosterior: number): boolean {
  if (word.timing !== 'aligned' || word.start === undefined || word.end === undefined) return false;
  if ((word.confidence ?? 0) < minPosterior) return false;
  return word.end - word.start <= MAX_SECONDS_PER_SYLLABLE * Math.max(1, countSyllables(word.text)) + WORD_ALLOWANCE;
}

const anchored = (word: Word) => word.start !== undefined && word.end !== undefined && word.timing !== 'aligned' && word.timing !== 'estimated';

/** `aligned` is the aligner's result; `input` what it was given (its timed words were anchors, not evidence). */
export function textSupport(aligned: Transcript, input: Transcript, model: AcousticModelId = 'en-us'): TextSupport {
  const minPosterior = MIN_POSTERIOR[model];
  let supported = 0;
  let total = 0;
  aligned.entries.forEach((entry, i) => {
    const before = input.entries[i];
    if (entry.kind !== 'speech' || before?.kind !== 'speech') return;
    entry.words.forEach((word, j) => {
      const original = before.words[j];
      if ((original && anchored(original)) || countSyllables(word.text) === 0 || /^[([].*[)\]]$/u.test(word.text)) return;
      total += 1;
      if (supportedWord(word, minPosterior)) supported += 1;
    });
  });
  return { supported, total, share: total === 0 ? 1 : supported / total };
}

/** The refusal sentence, or null when the audio supports enough of the text. */
export function mismatchSentence(support: TextSupport): string | null {
  if (support.total < MIN_WORDS || support.share >= MIN_SUPPORTED_SHARE) return null;
  const percent = Math.round(support.share * 100);
  return `the transcript does not seem to be of this audio: only ${percent}% of its words (${support.supported} of ${support.total}) were found in the recording`;
}
