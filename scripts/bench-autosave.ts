/**
 * Autosave cost for a 3,000-turn / 30,000-word transcript, in real Chromium on the built app:
 *
 *   - in the page, what one save costs the main thread: structuredClone of the transcript
 *     (what IndexedDB's put() does synchronously), the put() call itself and the time until
 *     its transaction commits, and the pagehide rescue (JSON.stringify + localStorage.setItem);
 *   - in the app, the longest animation frame while an autosave runs after an edit
 *     (frames from 250 ms after the keypress, when the debounced save starts, to 1.5 s);
 *   - in Node, the project-key hash (FNV-1a 64) of the transcript file's text.
 *
 *   npx tsx scripts/bench-autosave.ts [--dist DIR] [--runs N]   (builds into a temp dir without --dist)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';
import { fnv1a64 } from '../src/app/project-key.ts';
import { encodeTranscript } from '../src/app/project-storage.ts';
import { setTurnStart } from '../src/transcript/edit/set-turn-time.ts';
import { writeVerbatimJson } from '../src/transcript/writers/verbatim-json-writer.ts';
import type { SpeechTurn, Transcript } from '../src/transcript/model.ts';

const ROOT = join(import.meta.dirname, '..');
const TURNS = 3000;
const WORDS_PER_TURN = 10;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** Deterministic, conversation-like timings with confidences, like an aligned transcript. */
function makeTranscript(): Transcript {
  let state = 12345;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const speakers = ['Ana Ruiz', 'Ben Okafor', 'Chen Li'].map((name, i) => ({ id: `s${i}`, name }));
  const entries: SpeechTurn[] = [];
  let time = 0.5;
  for (let t = 0; t < TURNS; t++) {
    const start = time;
    const words = Array.from({ length: WORDS_PER_TURN }, (_, w) => {
      const word = { text: `word${(t * 7 + w) % 97}${w === WORDS_PER_TURN - 1 ? '.' : ''}`, start: round(time), end: round(time + 0.3), confidence: round(0.6 + next() * 0.4), timing: 'aligned' as const };
      time += 0.35 + next() * 0.05;
      return word;
    });
    entries.push({ kind: 'speech', speakerId: `s${t % 3}`, start: round(start), end: words.at(-1)!.end, words, timing: 'aligned' });
    time += 0.4;
  }
  return { speakers, entries, language: 'en' };
}

function round(value: number) {
  return Math.round(value * 1000) / 1000;
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${values.length})`;
}

async function main() {
  const runs = Number(option('runs') ?? 15);
  let dist = option('dist');
  if (!dist) {
    dist = mkdtempSync(join(tmpdir(), 'verbatim-bench-autosave-'));
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const transcript = makeTranscript();
  const text = writeVerbatimJson(transcript);
  const words = transcript.entries.reduce((sum, entry) => sum + (entry.kind === 'speech' ? entry.words.length : 0), 0);
  console.log(`transcript: ${TURNS} turns, ${words} words, Verbatim JSON ${(text.length / 1048576).toFixed(1)} MB`);

  const hashTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fnv1a64(text);
    hashTimes.push(performance.now() - started);
  }
  console.log(`project key hash (Node, FNV-1a 64 of the file text): ${stats(hashTimes)}`);

  const firstEncode: number[] = [];
  const editEncode: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = structuredClone(transcript);
    let started = performance.now();
    encodeTranscript(fresh);
    firstEncode.push(performance.now() - started);
    const edited = setTurnStart(fresh, 100 + i, (fresh.entries[100 + i]!.start ?? 0) + 0.05);
    started = performance.now();
    encodeTranscript(edited);
    editEncode.push(performance.now() - started);
  }
  console.log(`encode for storage (Node), first save:        ${stats(firstEncode)}`);
  console.log(`encode for storage (Node), save after an edit: ${stats(editEncode)}`);

  const server = await startStaticServer(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.route('**/bench/long.verbatim.json', (route) => route.fulfill({ body: text, contentType: 'application/json' }));
    await page.goto(`${server.url}?audio=demo/seed.opus&transcript=bench/long.verbatim.json`);
    await page.waitForSelector('[data-turn-index]');
    await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);

    const micro = await page.evaluate(
      async ({ text, runs }) => {
        const transcript = (JSON.parse(text) as { transcript: unknown }).transcript;
        const record = { key: 'bench', savedAt: Date.now(), audioName: 'a', transcriptName: 't', dirty: true, transcript };
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('verbatim-bench');
          open.onupgradeneeded = () => open.result.createObjectStore('projects');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const result = { clone: [] as number[], put: [] as number[], commit: [] as number[], putText: [] as number[], commitText: [] as number[], stringify: [] as number[], localStorage: [] as number[] };
        for (let i = 0; i < runs + 2; i++) {
          const warm = i < 2;
          let started = performance.now();
          structuredClone(record);
          if (!warm) result.clone.push(performance.now() - started);

          const tx = db.transaction('projects', 'readwrite');
          started = performance.now();
          tx.objectStore('projects').put({ ...record, savedAt: Date.now() }, 'bench');
          const put = performance.now() - started;
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          if (!warm) {
            result.put.push(put);
            result.commit.push(performance.now() - started);
          }

          const asText = { ...record, transcript: undefined, transcriptJson: text };
          const textTx = db.transaction('projects', 'readwrite');
          started = performance.now();
          textTx.objectStore('projects').put(asText, 'bench-text');
          const putText = performance.now() - started;
          await new Promise<void>((resolve, reject) => {
            textTx.oncomplete = () => resolve();
            textTx.onerror = () => reject(textTx.error);
          });
          if (!warm) {
            result.putText.push(putText);
            result.commitText.push(performance.now() - started);
          }

          started = performance.now();
          const json = JSON.stringify(record);
          const stringified = performance.now() - started;
          localStorage.setItem('verbatim:bench', json);
          if (!warm) {
            result.stringify.push(stringified);
            result.localStorage.push(performance.now() - started);
          }
        }
        localStorage.removeItem('verbatim:bench');
        db.close();
        return result;
      },
      { text, runs },
    );
    console.log(`structuredClone of the record as objects: ${stats(micro.clone)}`);
    console.log(`IndexedDB put() of objects (main thread): ${stats(micro.put)}`);
    console.log(`IndexedDB put of objects until commit:    ${stats(micro.commit)}`);
    console.log(`IndexedDB put() of JSON text (as saved):  ${stats(micro.putText)}`);
    console.log(`IndexedDB put of JSON text until commit:  ${stats(micro.commitText)}`);
    console.log(`pagehide rescue JSON.stringify:           ${stats(micro.stringify)}`);
    console.log(`pagehide rescue stringify + localStorage: ${stats(micro.localStorage)}`);

    // In the app: edit (select the 100th turn, playhead into it, `[`), then watch frames while the autosave runs.
    await page.keyboard.press('e');
    await page.waitForSelector('[data-mode="edit"]');
    const frames: number[] = [];
    const editFrames: number[] = [];
    for (let i = 0; i < 5; i++) {
      const row = page.locator(`[data-turn-index="${10 + i}"]`);
      await row.scrollIntoViewIfNeeded();
      await row.locator('.turn__seek').click();
      const start = Number(await row.getAttribute('data-start'));
      await page.evaluate((time) => {
        document.querySelector('audio')!.currentTime = time;
      }, start + 0.2);
      await page.waitForTimeout(300);
      // A loop of awaited frames (no named inner functions: tsx's helpers do not exist in the page).
      const watch = page.evaluate(async () => {
        const pressed = performance.now();
        let last = pressed;
        let edit = 0;
        let save = 0;
        for (;;) {
          const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
          if (last - pressed < 250) edit = Math.max(edit, now - last);
          else save = Math.max(save, now - last);
          last = now;
          if (now - pressed >= 1500) return { edit, save };
        }
      });
      await page.keyboard.press('[');
      const { edit, save } = await watch;
      editFrames.push(edit);
      frames.push(save);
    }
    console.log(`in the app, longest frame during the edit itself: ${stats(editFrames)}`);
    console.log(`in the app, longest frame while autosave runs:    ${stats(frames)}`);
    const saved = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('verbatim');
          open.onsuccess = () => {
            const request = open.result.transaction('projects').objectStore('projects').getAllKeys();
            request.onsuccess = () => resolve(request.result.filter((key) => String(key).startsWith('project:')).length);
          };
        }),
    );
    console.log(`projects in IndexedDB after the edits: ${saved}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
