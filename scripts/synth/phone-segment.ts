/**
 * What a synthesizer engine reports about its own output: the waveform and, for every
 * phone it rendered, which written token it belongs to. Times are in seconds from the
 * start of that waveform.
 */
export interface PhoneSegment {
  /** Index into the words that were spoken; `null` for a pause the engine inserted. */
  token: number | null;
  start: number;
  end: number;
  /** The engine's own phone name, kept for debugging. */
  phone: string;
}

export interface EngineUtterance {
  samples: Float32Array;
  sampleRate: number;
  segments: PhoneSegment[];
}
