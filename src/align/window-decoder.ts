import type { Decoder, Segment } from 'soundswallower';
import type { AlignToken } from './align-tokens.ts';
import { addDither } from './dither.ts';
import { type LevelPlan, applyLevels } from './level-speech.ts';
import { type SpeechIsland, firstEndingAfter } from './speech-islands.ts';
import type { TokenLexicon } from './token-lexicon.ts';

export const MODEL_SAMPLE_RATE = 16000;

/** Where the decoder put one token, in seconds from the start of the audio. */
export interface TokenSegment {
  start: number;
  end: number;
  /** The decoder's posterior for the word, 0..1. */
  probability: number;
}

/**
 * The garbage word: any one of a few broad phones (open, central and close
 * vowels, a fricative, a nasal, a stop, liquids). Measured on a station break:
 * a loop of these nine beat the misplaced words as well as all 39 phones
 * did, at a fraction of the cost; eight phones without the central vowel and
 * liquids did not, and the full set made the search blow up in long windows.
 */
const GARBAGE_PHONES: Record<'en-us' | 'fr-fr', string[]> = {
  'en-us': ['AA', 'AH', 'IY', 'UW', 'S', 'N', 'T', 'L', 'R'],
  'fr-fr': ['aa', 'ee', 'ii', 'ou', 'ss', 'nn', 'tt', 'll', 'rr'],
};
const GARBAGE_WORD = 'gbg';
/** The word beam of a second pass over a window where the first found no path (see decode). */
const WIDE_WORD_BEAM = 1e-60;

export interface DecodeOptions {
  /** Any amount of untranscribed audio may follow the last token (a loop of garbage phones, not one). */
  tailGap?: boolean;
  /** When no path is found, decode once more with a wider word beam. */
  widenBeam?: boolean;
  /**
   * Speech as the detector heard it: everything further than SPEECH_LEAD
   * before or SPEECH_TAIL after it is faded out of the window, so no word can
   * sit on noise, music or a jingle.
   */
  speechOnly?: readonly SpeechIsland[];
}

/** Seconds kept before a speech island (the detector starts quiet voices late) and after it (decays). */
const SPEECH_LEAD = 0.2;
const SPEECH_TAIL = 0.25;
/** Fades in and out at the edges of what is kept, seconds. */
const SPEECH_RAMP = 0.05;

/** `window` (audio from sample `first` on) with what is not near speech faded to silence, in place. */
export function keepSpeechOnly(window: Float32Array, first: number, islands: readonly SpeechIsland[]): Float32Array {
  const gain = new Float32Array(window.length);
  const ramp = Math.max(1, Math.round(SPEECH_RAMP * MODEL_SAMPLE_RATE));
  const begin = first / MODEL_SAMPLE_RATE;
  for (let k = firstEndingAfter(islands, begin - SPEECH_TAIL); k < islands.length; k++) {
    const island = islands[k] as SpeechIsland;
    const a = Math.round((island.start - SPEECH_LEAD) * MODEL_SAMPLE_RATE) - first;
    if (a >= window.length) break;
    const b = Math.round((island.end + SPEECH_TAIL) * MODEL_SAMPLE_RATE) - first;
    for (let i = Math.max(0, a); i < Math.min(window.length, b); i++) gain[i] = Math.max(gain[i] as number, Math.min(1, (i - a + 1) / ramp, (b - i) / ramp));
  }
  for (let i = 0; i < window.length; i++) window[i] = (window[i] as number) * (gain[i] as number);
  return window;
}

/**
 * Forced alignment of a run of tokens inside one window of audio.
 *
 * Each token is a decoder word of its own (`t17`) carrying all its
 * pronunciations, so the result maps back to tokens one-to-one. The grammar
 * is `[gbg] t1 t2 ... tn [gbg]`, with the decoder's optional silence between
 * all words: the garbage word (one of a few single phones) and silence take
 * what is not the tokens' speech at the window's edges — the tail of the
 * previous speaker, a breath, the start of the next turn. Without the leading
 * one the first words were dragged into a music intro (measured: 4.9 s
 * early). Where longer untranscribed audio may sit, a loop of garbage phones
 * takes its place (see `decode`).
 */
export class WindowDecoder {
  private readonly registered = new Set<number>();
  /** Seconds of audio decoded so far, retries included. */
  decodedSeconds = 0;
  /** Above this many decoded seconds windows are no longer widened or decoded again (see overBudget). */
  budgetSeconds = Infinity;
  /** Gains evening out speech levels that jump inside the recording (level-speech.ts), applied to every window. */
  levels: LevelPlan | null = null;
  /** Called before every decoder pass with its audio's seconds and the time its window ends at. */
  onPass: ((audioSeconds: number, windowEnd: number) => void) | null = null;
  /** The decoder's own word beam, restored after a wide pass. */
  private readonly wordBeam: number;

  constructor(
    private readonly decoder: Decoder,
    private readonly lexicon: TokenLexicon,
    model: 'en-us' | 'fr-fr',
    /** Peak of the noise floor added to every window (see dither.ts). */
    private readonly ditherAmplitude: number,
  ) {
    this.wordBeam = Number(decoder.get_config('wbeam'));
    const phones = GARBAGE_PHONES[model];
    decoder.add_words(...phones.map((phone, i): [string, string] => [i === 0 ? GARBAGE_WORD : `${GARBAGE_WORD}(${i + 1})`, phone]));
  }

  /** The decoder word of token `index`, or null when it has no pronunciation. */
  private wordFor(index: number, token: AlignToken): string | null {
    const name = `t${index}`;
    if (this.registered.has(index)) return name;
    const pronunciations = this.lexicon.tokenPronunciations(token.readings);
    if (pronunciations.length === 0) return null;
    try {
      this.decoder.add_words(...pronunciations.map((phones, k): [string, string] => [k === 0 ? name : `${name}(${k + 1})`, phones]));
    } catch {
      // One pronunciation the model cannot take (a phone it lacks) made soundswallower throw
      // (a ReferenceError from its own error message, on the French FLEURS reading): add them one
      // by one and keep those it accepts.
      let added = 0;
      for (const phones of pronunciations) {
        try {
          this.decoder.add_words([added === 0 ? name : `${name}(${added + 1})`, phones]);
          added += 1;
        } catch {
          // skipped: not pronounceable with this model
        }
      }
      if (added === 0) return null;
    }
    this.registered.add(index);
    return name;
  }

  /**
   * True once retries have cost more than the budget: a file the model fits
   * badly then still aligns in bounded time, with what does not fit at once
   * left to the estimate.
   */
  overBudget(): boolean {
    return this.decodedSeconds > this.budgetSeconds;
  }

  /** Whether a token can be aligned at all (has a pronunciation). */
  pronounceable(index: number, token: AlignToken): boolean {
    return this.wordFor(index, token) !== null;
  }

  /**
   * Aligns tokens `indices` (pronounceable ones, in order) inside
   * `samples` (16 kHz, not dithered) from `from` to `to` seconds. Returns a
   * segment per token, or null when the decoder found no path through the
   * whole sequence.
   *
   * `gapBefore` marks tokens that may be preceded by any amount of
   * non-speech or untranscribed audio (after a stage direction, at the start
   * of a file): there the grammar gets a loop of garbage phones rather than
   * a single one. A phone loop out-scores misplaced words on untranscribed
   * speech, where silence does not (measured: a station break of speech over
   * music took the next three turns without it); it is kept to those places
   * because everywhere else it only costs time.
   */
  decode(
    samples: Float32Array,
    from: number,
    to: number,
    tokens: readonly AlignToken[],
    indices: readonly number[],
    gapBefore: (index: number) => boolean = () => false,
    options: DecodeOptions = {},
  ): Map<number, TokenSegment> | null {
    const parts: string[] = [];
    let loops = false;
    indices.forEach((index, position) => {
      const word = this.wordFor(index, tokens[index] as AlignToken);
      if (word === null) throw new Error('decode() needs pronounceable tokens');
      if (gapBefore(index)) {
        parts.push('[<gap>]');
        loops = true;
      } else if (position === 0) {
        parts.push(`[${GARBAGE_WORD}]`);
      }
      parts.push(word);
    });
    if (parts.length === 0) throw new Error('decode() needs at least one token');
    if (options.tailGap) {
      parts.push('[<gap>]');
      loops = true;
    } else {
      parts.push(`[${GARBAGE_WORD}]`);
    }
    const rules = loops ? `<gap> = ${GARBAGE_WORD}+;\n` : '';
    const grammar = `#JSGF V1.0;\ngrammar window;\npublic <window> = ${parts.join(' ')};\n${rules}`;
    const first = Math.max(0, Math.round(from * MODEL_SAMPLE_RATE));
    const last = Math.min(samples.length, Math.round(to * MODEL_SAMPLE_RATE));
    const slice = samples.slice(first, last);
    if (this.levels) applyLevels(slice, first, this.levels);
    const audio = addDither(options.speechOnly ? keepSpeechOnly(slice, first, options.speechOnly) : slice, first, this.ditherAmplitude);
    const found = this.run(grammar, audio, first, indices);
    if (found || !options.widenBeam || this.overBudget()) return found;
    // No path: under noise the word beam prunes the right word exits (a street-noise mix of the
    // Praat sentences: a turn lost at 1e-40 was found at 1e-60). Widening it costs only where
    // it is needed: once more, for this window.
    this.decoder.set_config('wbeam', WIDE_WORD_BEAM);
    try {
      return this.run(grammar, audio, first, indices);
    } finally {
      this.decoder.set_config('wbeam', this.wordBeam);
    }
  }

  /** One decoding pass of `audio` (starting at sample `first`) with `grammar`. */
  private run(grammar: string, audio: Float32Array, first: number, indices: readonly number[]): Map<number, TokenSegment> | null {
    this.decoder.set_grammar(grammar);
    this.decodedSeconds += audio.length / MODEL_SAMPLE_RATE;
    this.onPass?.(audio.length / MODEL_SAMPLE_RATE, (first + audio.length) / MODEL_SAMPLE_RATE);
    this.decoder.start();
    this.decoder.process_audio(audio, false, true);
    this.decoder.stop();
    const result: Segment = this.decoder.get_alignment();
    const offset = first / MODEL_SAMPLE_RATE;
    const segments = new Map<number, TokenSegment>();
    for (const segment of result.w ?? []) {
      const match = /^t(\d+)(?:\(\d+\))?$/u.exec(segment.t);
      if (!match) continue;
      segments.set(Number(match[1]), { start: offset + segment.b, end: offset + segment.b + segment.d, probability: segment.p });
    }
    return indices.every((index) => segments.has(index)) ? segments : null;
  }
}
