import { describe, expect, it } from 'vitest';
import { readTranscript } from '../transcript/read-transcript.ts';
import { decodeText } from '../transcript/decode-text.ts';
import { packTranscript } from '../transcript/packed-transcript.ts';
import { fnv1a64, projectKey } from './project-key.ts';
import { createFileParser } from './parse-client.ts';
import type { ParseRequest, ParseResponse } from './parse-messages.ts';

const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there.\n\n00:02.000 --> 00:04.000\n<v Bob>General Kenobi.\n';
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A stand-in for the parse worker: records what it is sent and answers when the test says. */
function fakeWorkers() {
  const made: { requests: ParseRequest[]; transfers: Transferable[][]; terminated: boolean; answer: (response: ParseResponse) => void }[] = [];
  const create = () => {
    const record = {
      requests: [] as ParseRequest[],
      transfers: [] as Transferable[][],
      terminated: false,
      answer: (response: ParseResponse) => worker.onmessage?.({ data: response } as MessageEvent<ParseResponse>),
    };
    const worker = {
      onmessage: null as ((event: MessageEvent<ParseResponse>) => void) | null,
      onerror: null,
      postMessage(request: ParseRequest, transfer: Transferable[]) {
        record.requests.push(request);
        record.transfers.push(transfer);
      },
      terminate() {
        record.terminated = true;
      },
    };
    made.push(record);
    return worker as unknown as Worker;
  };
  return { made, create };
}

/** What the real worker sends for a file of `bytes`, message by message (it runs these same functions). */
function workerAnswer(id: number, bytes: Uint8Array, hash?: string): ParseResponse[] {
  const decoded = decodeText(bytes);
  const read = readTranscript(decoded.text, { fileName: 'a.vtt' });
  if (!read.ok) throw new Error('fixture does not parse');
  const textSkip = decoded.bom ? (decoded.encoding === 'utf-8' ? 3 : 2) : 0;
  const packed = packTranscript(read.transcript);
  const pieces = packed.text.map((piece): ParseResponse => ({ type: 'text-piece', id, piece }));
  return [...pieces, {
    type: 'transcript',
    id,
    packed: { ...packed, text: [] },
    formatId: read.formatId,
    formatLabel: read.formatLabel,
    warnings: read.warnings,
    textBytes: bytes.slice().buffer,
    textEncoding: decoded.encoding,
    textSkip,
    hash: hash ?? fnv1a64(decoded.text),
  }];
}

describe('file parser', () => {
  it('reads a small file on the main thread, without starting a worker', async () => {
    const workers = fakeWorkers();
    const parser = createFileParser({ createWorker: workers.create, thresholdBytes: 1000 });
    const result = await parser.transcript(bytesOf(VTT), { name: 'a.vtt' });
    expect(workers.made).toHaveLength(0);
    const expected = readTranscript(VTT);
    expect(result.ok && expected.ok && result.value.transcript).toEqual(expected.ok && expected.transcript);
  });

  it('hands a large file to a worker (its bytes moved, not copied), rebuilds the same transcript and keeps the worker’s hash for the project key', async () => {
    const workers = fakeWorkers();
    const parser = createFileParser({ createWorker: workers.create, thresholdBytes: 10 });
    const stages: string[] = [];
    const pending = parser.transcript(bytesOf(VTT), { name: 'a.vtt', duration: 60 }, { onStage: (stage) => stages.push(stage.stage) });
    const [worker] = workers.made;
    const request = worker!.requests[0]!;
    expect(request).toMatchObject({ type: 'transcript', name: 'a.vtt', duration: 60 });
    expect(worker!.transfers[0]).toEqual([request.type === 'transcript' ? request.bytes : null]);
    for (const message of workerAnswer(request.id, bytesOf(VTT), 'feedfacefeedface')) worker!.answer(message);
    const result = await pending;
    expect(worker!.terminated).toBe(true);
    expect(stages[0]).toBe('parsing');
    const expected = readTranscript(VTT);
    expect(result.ok && expected.ok && result.value.transcript).toEqual(expected.ok && expected.transcript);
    expect(result.ok && result.value.text).toBe(VTT);
    expect(projectKey('audio', VTT)).toBe('audio#feedfacefeedface');
  });

  it('decodes the text it keeps from the bytes handed back, as the worker did (UTF-16 with a byte-order mark)', async () => {
    const workers = fakeWorkers();
    const parser = createFileParser({ createWorker: workers.create, thresholdBytes: 10 });
    const text = VTT.replace('WEBVTT', 'WEBVTT\n\nNOTE café ☕');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) [utf16[2 + 2 * i], utf16[3 + 2 * i]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    const pending = parser.transcript(utf16, { name: 'a.vtt' });
    const [worker] = workers.made;
    for (const message of workerAnswer(worker!.requests[0]!.id, utf16)) worker!.answer(message);
    const result = await pending;
    expect(result.ok && result.value.text).toBe(text);
  });

  it('cancelling terminates the worker at once and answers aborted', async () => {
    const workers = fakeWorkers();
    const parser = createFileParser({ createWorker: workers.create, thresholdBytes: 10 });
    const controller = new AbortController();
    const pending = parser.transcript(bytesOf(VTT), { name: 'a.vtt' }, { signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(workers.made[0]!.terminated).toBe(true);
  });

  it('says what the worker’s reader refused, naming the file and the line', async () => {
    const workers = fakeWorkers();
    const parser = createFileParser({ createWorker: workers.create, thresholdBytes: 10 });
    const pending = parser.transcript(bytesOf(VTT), { name: 'a.vtt' });
    workers.made[0]!.answer({ type: 'failed', id: workers.made[0]!.requests[0]!.id, message: 'turn 2 ends before it starts', line: 7 });
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'parse', message: 'a.vtt, line 7: turn 2 ends before it starts.' } });
  });

  it('reads peaks in the worker too and draws from its Float32Arrays and overview', async () => {
    const workers = fakeWorkers();
    const parser = createFileParser({ createWorker: workers.create, thresholdBytes: 10 });
    const pending = parser.peaks(bytesOf('{"sample_rate":100,"samples_per_pixel":1,"bits":8,"length":1,"data":[-64,64]}'));
    const peaks = [Float32Array.of(-0.5, 0.5)];
    const overview = peaks;
    workers.made[0]!.answer({ type: 'peaks', id: workers.made[0]!.requests[0]!.id, peaks, overview, duration: 0.01 });
    expect(await pending).toEqual({ ok: true, value: { peaks, overview, duration: 0.01 } });
  });
});
