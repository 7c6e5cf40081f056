import type { Transcript } from '../transcript/model.ts';
import type { AlignAudio, AlignOutcome, PendingPass } from './align-outcome.ts';

/**
 * The messages between the alignment client (main thread) and the alignment
 * worker. Every message carries the `id` of the request it belongs to, so one
 * worker can serve several requests and late messages of a cancelled one are
 * recognisably stale.
 */
export interface AlignRequestMap {
  /**
   * Start loading what `language` needs while the main thread still decodes
   * the audio; loading progress is reported under this id. A failure here is
   * not reported: the `align` request that follows loads again and reports it.
   */
  prepare: ModelRequest;
  /** Align `transcript` to `audio`; `audio.samples.buffer` is transferred, not copied. */
  align: ModelRequest & {
    audio: AlignAudio;
    transcript: Transcript;
    /** Times from the speech pauses only; no model is loaded. */
    estimateOnly?: boolean;
  };
  /** Stop the request with this id; the worker answers with a `cancelled` message. */
  cancel: Record<never, never>;
}

export interface AlignResponseMap {
  /** How far the request is. */
  progress: {
    stage: AlignStage;
    /** 0..1 within `stage`; grows monotonically. */
    fraction: number;
    /** A decoder pass starting now (see AlignProgress.pending); `fraction` within `stage`. */
    pending?: PendingPass;
  };
  /** The request finished. */
  done: { outcome: AlignOutcome };
  /** The request failed; `message` is a sentence a person can act on. */
  error: { message: string };
  /** The request stopped after a `cancel`. */
  cancelled: Record<never, never>;
}

/**
 * `loading model`: downloading (or reading from the offline cache) the wasm
 * and acoustic model, `fraction` by bytes. `aligning`: the aligner's own
 * progress, `fraction` as it reports it.
 */
export interface ModelRequest {
  /** BCP-47 tag, already resolved by the client (option, else the transcript's, else `en`). */
  language: string;
  /** Absolute URL of the directory holding the model manifest (`<base>align-model/`). */
  modelBaseUrl: string;
}

export type AlignStage = 'loading model' | 'aligning';

type Tagged<Map> = { [Type in keyof Map]: { type: Type; id: number } & Map[Type] }[keyof Map];

export type AlignRequest = Tagged<AlignRequestMap>;
export type AlignResponse = Tagged<AlignResponseMap>;
