// Entry of the speech detector's worker threads (node-vad.ts). The worker is TypeScript: under tsx
// (the CLI, the benchmark) the thread inherits the loader; elsewhere (vitest) it registers tsx itself.
if (!process.execArgv.some((arg) => arg.includes('tsx'))) (await import('tsx/esm/api')).register();
await import('./node-vad-worker.ts');
