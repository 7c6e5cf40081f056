/**
 * A publisher's site for the embed e2e test and benchmark, in a temp folder: the
 * built `dist/embed/`, the demo audio, the demo transcript as WebVTT with word
 * times, a page of its own with `<verbatim-player>`, and the interactive HTML export
 * (which inlines the same element).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTranscript } from '../../src/transcript/read-transcript.ts';
import type { Transcript } from '../../src/transcript/model.ts';
import { webvttWriter } from '../../src/transcript/writers/webvtt-writer.ts';
import { writeHtml } from '../../src/transcript/writers/html-writer.ts';

const root = join(import.meta.dirname, '../..');

export function demoTranscript(): Transcript {
  const read = readTranscript(readFileSync(join(root, 'public/demo/seed.verbatim.json'), 'utf8'), { fileName: 'seed.verbatim.json' });
  if (!read.ok) throw new Error(read.error.message);
  return read.transcript;
}

export function embedPage(transcriptFile: string, attributes = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>A publisher's story page</title>
<script type="module" src="embed/verbatim-player.js"></script></head>
<body><main><h1>Story</h1><p>The story's text, then the interview:</p>
<verbatim-player audio="seed.opus" transcript="${transcriptFile}" label="Interview transcript"${attributes}></verbatim-player>
</main></body></html>
`;
}

/** Builds the site; returns its folder. Needs `npm run build` (app + embed) first. */
export function makeEmbedSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-embed-'));
  cpSync(join(root, 'dist/embed'), join(dir, 'embed'), { recursive: true });
  cpSync(join(root, 'public/demo/seed.opus'), join(dir, 'seed.opus'));
  const transcript = demoTranscript();
  // A transcript-style VTT (one cue per turn with word timestamps), so the page shows the demo's 13 turns.
  writeFileSync(join(dir, 'seed.vtt'), webvttWriter.write(transcript, { wordTimestamps: true, captions: { cuePerTurn: true } }));
  writeFileSync(join(dir, 'page.html'), embedPage('seed.vtt'));
  // A small synthetic waveform (audiowaveform JSON) for the optional compact waveform.
  const points = 400;
  const data = Array.from({ length: points }, (_, index) => Math.round(100 * Math.abs(Math.sin(index / 9)))).flatMap((peak) => [-peak, peak]);
  writeFileSync(join(dir, 'seed.peaks.json'), JSON.stringify({ version: 2, channels: 1, sample_rate: 8000, samples_per_pixel: Math.round((259.2 * 8000) / points), bits: 8, length: points, data }));
  writeFileSync(join(dir, 'waveform.html'), embedPage('seed.vtt', ' peaks="seed.peaks.json"'));
  // Browsers ask for one; a 404 in the console would hide real errors.
  writeFileSync(join(dir, 'favicon.ico'), '');
  const script = readFileSync(join(root, 'dist/embed/verbatim-player.inline.js'), 'utf8');
  const sha256 = createHash('sha256').update(script, 'utf8').digest('base64');
  writeFileSync(join(dir, 'export.html'), writeHtml(transcript, { title: 'seed', audioUrl: 'seed.opus', player: { script, sha256 } }));
  return dir;
}
