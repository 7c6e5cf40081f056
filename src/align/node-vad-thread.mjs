// Entry of the speech detector's worker threads (node-vad.ts). The worker is TypeScript, and a
// loader registered in the main thread (tsx's `--import`, vitest's) does not reach a worker thread
// on Node 20: without one, tsx is registered here and the worker imported again.
try {
  await import('./node-vad-worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  (await import('tsx/esm/api')).register();
  await import('./node-vad-worker.ts?with-tsx');
}
