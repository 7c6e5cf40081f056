/**
 * A worker thread of `loadParallelNodeVad` (node-vad.ts): runs its share of
 * the detector's streams and posts the frames back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type StreamRequest, loadNodeVad } from './node-vad.ts';

const request = workerData as StreamRequest;
const vad = await loadNodeVad();
const { layout, first, count } = request;
const frames = new Float32Array(Math.min(layout.frames, (first + count) * layout.length) - first * layout.length);
await vad.runStreams(request.samples, request.origin, layout, first, count, frames);
parentPort?.postMessage(frames, [frames.buffer]);
