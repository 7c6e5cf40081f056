/**
 * Prints caption statistics for a transcript (default: the demo) as exported to SRT/WebVTT:
 * subtitle-ready cues against one cue per turn, measured on the cues the writers emit.
 *   npm run caption:stats [-- file.json|.vtt|.srt|.txt] [--max-chars 42] [--max-lines 2] [--max-duration 7]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readTranscript } from '../src/transcript/read-transcript.ts';
import { captionCues } from '../src/transcript/writers/caption-cues.ts';
import { captionStats } from '../src/transcript/writers/caption-stats.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'max-chars': { type: 'string' }, 'max-lines': { type: 'string' }, 'max-duration': { type: 'string' } },
});
const file = positionals[0] ?? 'public/demo/seed.verbatim.json';
const read = readTranscript(readFileSync(file, 'utf8'), { fileName: file });
if (!read.ok) {
  console.error(read.error.message);
  process.exit(1);
}
const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const limits = { maxChars: number(values['max-chars']), maxLines: number(values['max-lines']), maxDuration: number(values['max-duration']) };
const rows = {
  captions: captionStats(captionCues(read.transcript, limits).cues),
  'one cue per turn': captionStats(captionCues(read.transcript, { cuePerTurn: true }).cues),
};
console.log(`${file} (${read.formatLabel})`);
console.table(rows);
