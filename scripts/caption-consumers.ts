/**
 * Opens the demo's exported captions in real consumers: Chromium's own WebVTT parser
 * (a <video> with a <track>, counting `track.cues`) and, when installed, ffmpeg
 * (`ffmpeg -i out.srt out.ass`, and the same for .vtt). Prints what each consumer saw
 * against what the writers wrote; exits 1 when a consumer disagrees or fails.
 *   npx tsx scripts/caption-consumers.ts [transcript-file]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';
import { captionCues } from '../src/transcript/writers/caption-cues.ts';
import { writeSrt } from '../src/transcript/writers/srt-writer.ts';
import { writeWebVtt } from '../src/transcript/writers/webvtt-writer.ts';

const file = process.argv[2] ?? 'public/demo/seed.verbatim.json';
const read = readTranscript(readFileSync(file, 'utf8'), { fileName: file });
if (!read.ok) throw new Error(read.error.message);
const vtt = writeWebVtt(read.transcript);
const srt = writeSrt(read.transcript);
const expected = captionCues(read.transcript).cues.map((cue) => [cue.start, cue.end]);
const dir = mkdtempSync(join(tmpdir(), 'captions-'));
writeFileSync(join(dir, 'out.vtt'), vtt);
writeFileSync(join(dir, 'out.srt'), srt);
let failed = false;

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setContent('<video controls></video>');
  const seen = await page.evaluate(async (text) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    const track = document.createElement('track');
    track.kind = 'captions';
    track.default = true;
    track.src = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
    video.append(track);
    track.track.mode = 'hidden';
    await new Promise<void>((resolve, reject) => {
      track.addEventListener('load', () => resolve());
      track.addEventListener('error', () => reject(new Error('Chromium could not load the track')));
    });
    const cues = [...(track.track.cues ?? [])] as VTTCue[];
    return { times: cues.map((cue) => [cue.startTime, cue.endTime]), voiced: cues.filter((cue) => cue.text.startsWith('<v ')).length };
  }, vtt);
  const same = seen.times.length === expected.length && seen.times.every(([start, end], index) => Math.abs((start ?? 0) - (expected[index]?.[0] ?? 0)) < 1e-3 && Math.abs((end ?? 0) - (expected[index]?.[1] ?? 0)) < 1e-3);
  console.log(`chromium <track>: ${seen.times.length} cues (writer: ${expected.length}), ${seen.voiced} with <v>, times ${same ? 'identical' : 'DIFFERENT'}`);
  if (!same) failed = true;
} finally {
  await browser.close();
}

const written = (text: string) => text.split('\n').filter((line) => line.includes(' --> ')).length;
for (const [name, count] of [['out.srt', written(srt)], ['out.vtt', written(vtt)]] as const) {
  try {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', join(dir, name), join(dir, `${name}.ass`)]);
    const dialogues = readFileSync(join(dir, `${name}.ass`), 'utf8').split('\n').filter((line) => line.startsWith('Dialogue:')).length;
    console.log(`ffmpeg -i ${name} ${name}.ass: ok, ${dialogues} dialogue lines (writer: ${count} cues)`);
    if (dialogues !== count) failed = true;
  } catch (error) {
    console.log(`ffmpeg -i ${name}: ${(error as Error).message.split('\n')[0]}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
