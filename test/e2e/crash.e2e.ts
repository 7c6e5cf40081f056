import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './built-app.ts';
import { startStaticServer } from './static-server.ts';
import { crashAndRestore, EDITS } from './crash-run.ts';

// Each run starts its own Chromium on its own profile (see crash-run.ts), so no shared browser here.
let server: Awaited<ReturnType<typeof startStaticServer>>;
before(async () => {
  server = await startStaticServer(DIST);
});
after(async () => {
  await server?.close();
});

describe('a crash right after editing', () => {
  it('SIGKILL of the whole browser 0.1 s after the last of six edits loses none of them (three runs)', async () => {
    const restored: number[] = [];
    for (let run = 0; run < 3; run++) restored.push((await crashAndRestore(server.url, 100)).restored);
    assert.deepEqual(restored, [EDITS, EDITS, EDITS], `restored edits per run: ${restored.join(', ')} of ${EDITS}`);
  });
});
