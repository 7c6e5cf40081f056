/**
 * How many of six edits survive a crash, per delay between the last edit and the
 * crash: Chromium on a persistent profile is killed with SIGKILL (every process
 * of it) and started again on the same profile. Serves the production build in
 * dist/ (run `npx vite build` first). Not part of the test suite: it prints a
 * table for the README and the issue notes.
 *
 *   npx tsx scripts/crash-restore.ts [runs=3] [delays in ms, comma-separated]
 */
import { join } from 'node:path';
import { crashAndRestore, EDITS } from '../test/e2e/crash-run.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';

const runs = Number(process.argv[2] ?? 3);
const delays = (process.argv[3] ?? '0,50,100,200,350').split(',').map(Number);

const server = await startStaticServer(process.env.VERBATIM_DIST ?? join(import.meta.dirname, '../dist'));
try {
  console.log(`| kill delay | restored edits (of ${EDITS}) per run | all ${EDITS} kept |`);
  console.log('| ---: | --- | :-: |');
  for (const delay of delays) {
    const restored: number[] = [];
    for (let run = 0; run < runs; run++) restored.push((await crashAndRestore(server.url, delay)).restored);
    console.log(`| ${(delay / 1000).toFixed(2)} s | ${restored.join(', ')} | ${restored.filter((n) => n === EDITS).length}/${runs} |`);
  }
} finally {
  await server.close();
}
