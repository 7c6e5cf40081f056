import { decodeText } from '../transcript/decode-text.ts';
import { packTranscript, packedBuffers } from '../transcript/packed-transcript.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { parsePeaks } from '../player/peaks.ts';
import { reducePeaks } from '../player/peak-levels.ts';
import { fnv1a64 } from './project-key.ts';
import type { ParseRequest, ParseResponse } from './parse-messages.ts';

/**
 * The parse Web Worker: a thin shell over the same pure readers the page and the CLI
 * use (src/transcript/read-transcript.ts, src/player/peaks.ts), so a large file is
 * decoded, parsed, checked and hashed off the main thread. The result crosses as flat
 * columns (packed-transcript.ts) whose buffers are moved, not copied.
 */
declare const self: DedicatedWorkerGlobalScope;

const post = (message: ParseResponse, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'peaks') {
      const result = parsePeaks(decodeText(new Uint8Array(request.bytes)).text);
      if (!result.ok) post({ type: 'failed', id: request.id, message: result.message });
      else {
        const peaks = result.value.peaks.map((channel) => Float32Array.from(channel));
        // The page draws the whole file from this (peak-levels.ts): it never scans a million values to show one screen.
        const overview = peaks.map((channel) => reducePeaks(channel));
        const buffers = new Set([...peaks, ...overview].map((channel) => channel.buffer));
        post({ type: 'peaks', id: request.id, peaks, overview, duration: result.value.duration }, [...buffers]);
      }
      return;
    }
    const { id, name } = request;
    const decoded = decodeText(new Uint8Array(request.bytes));
    const { text } = decoded;
    const result = readTranscript(text, {
      fileName: name,
      ...(request.formatId === undefined ? {} : { formatId: request.formatId }),
      ...(request.duration === undefined ? {} : { duration: request.duration }),
    });
    if (!result.ok) {
      const { message, line, position } = result.error;
      post({ type: 'failed', id, message, ...(line === undefined ? {} : { line }), ...(position === undefined ? {} : { position }) });
      return;
    }
    const packed = packTranscript(result.transcript);
    const hash = fnv1a64(text);
    const textSkip = decoded.bom ? (decoded.encoding === 'utf-8' ? 3 : 2) : 0;
    for (const piece of packed.text) post({ type: 'text-piece', id, piece });
    post(
      { type: 'transcript', id, packed: { ...packed, text: [] }, formatId: result.formatId, formatLabel: result.formatLabel, warnings: result.warnings, textBytes: request.bytes, textEncoding: decoded.encoding, textSkip, hash },
      [...packedBuffers(packed), request.bytes],
    );
  } catch (error) {
    post({ type: 'failed', id: request.id, message: `the reader failed: ${error instanceof Error ? error.message : String(error)}` });
  }
};
