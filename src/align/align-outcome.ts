import type { Transcript } from '../transcript/model.ts';
import type { AlignEngine } from './align-engine.ts';
import type { TextSupport } from './text-support.ts';

/** Mono PCM at any sample rate; the aligner resamples to the model's 16 kHz itself. */
export interface AlignAudio {
  samples: Float32Array;
  sampleRate: number;
}

export interface AlignProgress {
  /** 0..1 of the whole run; grows monotonically. */
  fraction: number;
  /** What is happening, for a status line: `loading model`, `aligning`, ... */
  stage: string;
  /**
   * A decoder pass starts now: one synchronous call that reports nothing until it returns. It
   * decodes `audioSeconds` of audio, and the run is at about `fraction` once its window is
   * committed. A host that can tick while the aligner is busy (the browser's main thread) shows
   * progress inside the pass from this, paced by the decoding speed it measured on earlier passes.
   */
  pending?: PendingPass;
}

export interface PendingPass {
  fraction: number;
  audioSeconds: number;
}

export interface AlignOptions {
  /** BCP-47 tag; defaults to the transcript's language, then `en`. */
  language?: string;
  engine: AlignEngine;
  /**
   * Skip the acoustic model and place lines on the speech pauses by syllable
   * count (what a language without a model gets): for a transcript the
   * aligner refused as not matching the audio, when the user wants times anyway.
   */
  estimateOnly?: boolean;
  /** Checked between chunks; an aborted run rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each chunk (and at stage changes). */
  onProgress?: (progress: AlignProgress) => void;
}

export interface AlignOutcome {
  /**
   * A copy of the input in which every speech turn and every word has
   * `start`/`end` and `timing` `aligned` or `estimated` (times the input
   * marked `file` or `manual` are kept as they were and used as anchors);
   * every speech turn has `confidence` 0..1. Events get times too: the
   * non-speech gap they were placed in (`aligned`), or a guess between their
   * neighbours (`estimated`).
   */
  transcript: Transcript;
  /** Indices into `transcript.entries` of speech turns a person should check. */
  lowConfidence: number[];
  /** True when no acoustic model was used (unsupported language, or `estimateOnly`): every time is estimated from speech pauses and syllable counts. */
  estimated: boolean;
  /** How much of the text the audio supports (acoustic alignment only; a share below half is refused instead). */
  support?: TextSupport;
  /** Sentences a person can act on, e.g. `no acoustic model for "de"; timings are estimated`. */
  warnings: string[];
}
