import { decodeText, type TextEncodingName } from '../transcript/decode-text.ts';
import type { Transcript } from '../transcript/model.ts';
import { unpackTranscript, type PackedTranscript } from '../transcript/packed-transcript.ts';
import { describeParseError, type ParseError } from '../transcript/parse-result.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { parsePeaks, type DrawablePeaks } from '../player/peaks.ts';
import { ABORTED, failed, loaded, type Loaded } from './load-error.ts';
import type { ParseRequest, ParseResponse } from './parse-messages.ts';
import { rememberTextHash } from './project-key.ts';
import { timeSlicer } from './next-task.ts';
import { prepareTimeIndex } from '../store/derive-time-index.ts';

/** Files above this are read in the parse worker; below it the main thread is quicker than starting one. */
export const WORKER_THRESHOLD_BYTES = 1024 * 1024;

/** Longest stretch of main-thread work between yields while the page rebuilds a worker's result. */
const SLICE_MS = 8;

/** Bytes of the file's text decoded per step on the page (a quarter of a millisecond; a step now and then takes ten times that). */
const DECODE_STEP_BYTES = 1 << 18;

/**
 * The file's text from the bytes the worker handed back, decoded as it did, a step per
 * slice (the pieces join into one string without copying); null once `signal` aborts.
 */
async function decodeInSlices(buffer: ArrayBuffer, encoding: TextEncodingName, skip: number, slicer: ReturnType<typeof timeSlicer>, run: ParseRun): Promise<string | null> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const bytes = new Uint8Array(buffer, skip);
  let text = '';
  for (let at = 0; at < bytes.length; at += DECODE_STEP_BYTES) {
    text += decoder.decode(bytes.subarray(at, at + DECODE_STEP_BYTES), { stream: true });
    if (slicer.due()) {
      await slicer.yield();
      if (run.signal?.aborted) return null;
    }
  }
  text += decoder.decode();
  // The store write that opens the transcript (and its first rows) gets a task of its own.
  await slicer.yield();
  return run.signal?.aborted ? null : text;
}

export interface ParsedTranscript {
  transcript: Transcript;
  formatId: string;
  formatLabel: string;
  warnings: string[];
  text: string;
}

/** Where a parse is: `building` is the page rebuilding the worker's result, with its share done. */
export type ParseStage = { stage: 'parsing' } | { stage: 'building'; fraction: number };

export interface ParseRun {
  signal?: AbortSignal;
  onStage?: (stage: ParseStage) => void;
}

/** Reads transcripts and peaks from bytes; a large file in a Web Worker, so the page never waits on a parser. */
export interface FileParser {
  transcript(bytes: Uint8Array, options: { name: string; formatId?: string; duration?: number }, run?: ParseRun): Promise<Loaded<ParsedTranscript>>;
  /** `message` of a failure is without the file name. */
  peaks(bytes: Uint8Array, run?: ParseRun): Promise<Loaded<DrawablePeaks>>;
  /**
   * A file of `totalBytes` is on its way: when it will be read in a worker, that worker
   * starts now (its script loads and compiles while the bytes download).
   */
  expect(totalBytes: number): void;
}

/** A started worker nobody took is stopped after this long. */
const SPARE_WORKER_MS = 20_000;

export interface FileParserOptions {
  /** Tests pass a fake; none (no Worker in the environment): everything is read on the main thread. */
  createWorker?: (() => Worker) | null;
  thresholdBytes?: number;
}

const defaultWorker = () => new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'verbatim-parse' });

/**
 * Runs the unpacking a few steps per task, yielding between tasks, then builds the
 * transcript's time index the same way (cached for the store write that opens it);
 * null once `signal` aborts.
 */
async function rebuild(packed: PackedTranscript, run: ParseRun, slicer = timeSlicer(SLICE_MS)): Promise<Transcript | null> {
  const steps = unpackTranscript(packed);
  let transcript: Transcript;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      transcript = step.value;
      break;
    }
    if (slicer.due()) {
      run.onStage?.({ stage: 'building', fraction: step.value });
      await slicer.yield();
      if (run.signal?.aborted) return null;
    }
  }
  const indexing = prepareTimeIndex(transcript);
  while (!indexing.next().done) {
    if (slicer.due()) {
      await slicer.yield();
      if (run.signal?.aborted) return null;
    }
  }
  return transcript;
}

const parseFailure = (error: ParseError, name: string) => failed('parse', `${describeParseError({ ...error, fileName: name })}.`.replace(/\.\.$/u, '.'));

export function createFileParser(options: FileParserOptions = {}): FileParser {
  const createWorker = options.createWorker === undefined ? (typeof Worker === 'undefined' ? null : defaultWorker) : options.createWorker;
  const threshold = options.thresholdBytes ?? WORKER_THRESHOLD_BYTES;
  let nextId = 1;
  /** Workers started by `expect`, waiting for their file. */
  const spare: Worker[] = [];
  const takeWorker = () => spare.shift() ?? createWorker!();

  /** One worker per request: terminating it is the only way to stop a parser mid-file. */
  function inWorker(request: ParseRequest, run: ParseRun, onMessage: (response: ParseResponse, settle: (value: unknown) => void) => void): Promise<unknown> {
    if (run.signal?.aborted) return Promise.resolve(ABORTED);
    const worker = takeWorker();
    return new Promise((resolve) => {
      const settle = (value: unknown) => {
        worker.terminate();
        run.signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = () => settle(ABORTED);
      run.signal?.addEventListener('abort', onAbort);
      worker.onmessage = (event: MessageEvent<ParseResponse>) => {
        if (event.data.id === request.id) onMessage(event.data, settle);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        settle(failed('parse', `the file could not be read: the reader stopped (${event.message || 'the parse worker could not start'})`));
      };
      worker.postMessage(request, [request.bytes]);
    });
  }

  /** The buffer to move to the worker (callers hand their bytes over and do not use them again); a view into a larger one is copied out. */
  const ownBuffer = (bytes: Uint8Array): ArrayBuffer =>
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;

  return {
    expect(totalBytes) {
      if (!createWorker || totalBytes <= threshold) return;
      const worker = createWorker();
      spare.push(worker);
      setTimeout(() => {
        const index = spare.indexOf(worker);
        if (index < 0) return;
        spare.splice(index, 1);
        worker.terminate();
      }, SPARE_WORKER_MS);
    },
    async transcript(bytes, { name, formatId, duration }, run = {}) {
      const readOptions = { fileName: name, ...(formatId === undefined ? {} : { formatId }), ...(duration === undefined ? {} : { duration }) };
      if (!createWorker || bytes.byteLength <= threshold) {
        const text = decodeText(bytes).text;
        const result = readTranscript(text, readOptions);
        if (run.signal?.aborted) return ABORTED;
        if (!result.ok) return parseFailure(result.error, name);
        return loaded({ transcript: result.transcript, formatId: result.formatId, formatLabel: result.formatLabel, warnings: result.warnings, text });
      }
      run.onStage?.({ stage: 'parsing' });
      const request: ParseRequest = { type: 'transcript', id: nextId++, bytes: ownBuffer(bytes), name, ...(formatId === undefined ? {} : { formatId }), ...(duration === undefined ? {} : { duration }) };
      const pieces: string[] = [];
      const answer = (await inWorker(request, run, (response, settle) => {
        if (response.type === 'text-piece') pieces.push(response.piece);
        else if (response.type === 'failed') {
          const { message, line, position } = response;
          settle(parseFailure({ format: '', message, ...(line === undefined ? {} : { line }), ...(position === undefined ? {} : { position }) }, name));
        } else if (response.type === 'transcript') settle(response);
      })) as Loaded<never> | Extract<ParseResponse, { type: 'transcript' }>;
      if ('ok' in answer) return answer;
      const slicer = timeSlicer(SLICE_MS);
      const transcript = await rebuild({ ...answer.packed, text: pieces }, run, slicer);
      const text = transcript && (await decodeInSlices(answer.textBytes, answer.textEncoding, answer.textSkip, slicer, run));
      if (!transcript || text === null) return ABORTED;
      rememberTextHash(text, answer.hash);
      return loaded({ transcript, formatId: answer.formatId, formatLabel: answer.formatLabel, warnings: answer.warnings, text });
    },
    async peaks(bytes, run = {}) {
      if (!createWorker || bytes.byteLength <= threshold) {
        const result = parsePeaks(decodeText(bytes).text);
        return result.ok ? loaded(result.value) : failed('parse', result.message);
      }
      const request: ParseRequest = { type: 'peaks', id: nextId++, bytes: ownBuffer(bytes) };
      const answer = await inWorker(request, run, (response, settle) => {
        if (response.type === 'failed') settle(failed('parse', response.message));
        else if (response.type === 'peaks') settle(loaded({ peaks: response.peaks, overview: response.overview, duration: response.duration }));
      });
      return answer as Loaded<DrawablePeaks>;
    },
  };
}
