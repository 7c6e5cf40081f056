import type { Transcript } from '../model.ts';
import type { CaptionOptions } from '../writers/caption-cues.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';

/** One importer: how to recognise a format from content and how to read it. */
export interface ImportFormat {
  /** Stable id used on the CLI and in the "read as …" override, e.g. `whisper-json`. */
  id: string;
  /** Human label, e.g. `OpenAI Whisper JSON`. */
  label: string;
  /** Lower-case extensions without the dot, used only as a tie-breaker. */
  extensions: string[];
  /**
   * 0 = certainly not this format, 1 = certainly this format. Must be cheap and must never throw.
   * `parsedJson` is the already-parsed JSON value when the text is JSON (parsed once for all detectors).
   */
  detect(text: string, parsedJson: unknown): number;
  /** Never throws on bad input: returns `{ ok: false, error }`. */
  parse(text: string, options?: ParseOptions): ParseResult;
}

/** One writer. */
export interface ExportFormat {
  id: string;
  label: string;
  /** File extension without the dot. */
  extension: string;
  mimeType: string;
  write(transcript: Transcript, options?: WriteOptions): string;
}

export interface WriteOptions {
  /** Include inline word timestamps where the format supports them (WebVTT). */
  wordTimestamps?: boolean;
  /** Audio URL or file name, for formats that embed or link the audio (interactive HTML). */
  audioUrl?: string;
  title?: string;
  /** How WebVTT and SRT cut turns into cues (limits, or one cue per turn). */
  captions?: CaptionOptions;
  /** The interactive HTML page's inlined `<verbatim-player>` script and its base64 SHA-256 (for the CSP). */
  player?: { script: string; sha256: string };
}

/** A writer of a binary document (Word); asynchronous, and loaded only when used. */
export interface DocumentExportFormat {
  id: string;
  label: string;
  extension: string;
  mimeType: string;
  write(transcript: Transcript, options?: WriteOptions & { timestamps?: boolean; markLowConfidence?: boolean }): Promise<Uint8Array>;
}
