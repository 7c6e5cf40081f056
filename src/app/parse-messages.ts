import type { PackedTranscript } from '../transcript/packed-transcript.ts';
import type { TextEncodingName } from '../transcript/decode-text.ts';

/**
 * The messages between the page and the parse worker (src/app/parse-worker.ts). One
 * worker serves one request and is terminated afterwards (or to cancel it: a parser is
 * one synchronous step and cannot be interrupted any other way). Each message carries
 * the request's `id`.
 */
export type ParseRequest =
  /** Decode and read a transcript file's bytes (moved, not copied). */
  | { type: 'transcript'; id: number; bytes: ArrayBuffer; name: string; formatId?: string; duration?: number }
  /** Read an audiowaveform JSON peaks file's bytes. */
  | { type: 'peaks'; id: number; bytes: ArrayBuffer };

export type ParseResponse =
  /**
   * One piece of the packed transcript's text (`PackedTranscript.text`), in order, before the
   * transcript itself: each piece is copied in by a task of its own.
   */
  | { type: 'text-piece'; id: number; piece: string }
  | {
      type: 'transcript';
      id: number;
      /** Its `text` is empty: the pieces came before it. */
      packed: PackedTranscript;
      formatId: string;
      formatLabel: string;
      warnings: string[];
      /**
       * The file's bytes, handed back (moved, not copied) with how they decode: the page decodes
       * the text it keeps (to read the file again as another format) a slice per task, where
       * a 60 MB string copied in with the message took one long task.
       */
      textBytes: ArrayBuffer;
      textEncoding: TextEncodingName;
      /** Bytes of the byte-order mark to skip. */
      textSkip: number;
      /** fnv1a64 of `text` (the project key's part), so the page never hashes the whole file. */
      hash: string;
    }
  | { type: 'peaks'; id: number; peaks: Float32Array[]; overview: Float32Array[]; duration: number }
  /** `message` is the sentence for the user, without the file name. */
  | { type: 'failed'; id: number; message: string; line?: number; position?: number | string };
