/**
 * `npm run bench:data -- [--out DIR] [--no-long] [--fixture]`: writes the alignment benchmark's
 * synthetic conversations with exact ground truth (default DIR /tmp/verbatim-bench-data).
 *
 * For each case: CASE.wav (16 kHz mono), CASE.txt (NPR-style transcript, the aligner's
 * input) and CASE.verbatim.json (ground truth: every speech turn and word with the time
 * its sound starts and ends, every stage-direction event with its sound's span), plus
 * manifest.json listing them with durations, voices and the untranscribed stretches
 * (music, station break). A ~30-minute case repeats the others for speed and memory.
 * Same seed, same files. Needs Debian's espeak-ng and flite libraries; no network.
 * `--fixture` instead rewrites the small committed case in test/fixtures/align/.
 */
import { resolve } from 'node:path';
import { fixtureScript, generateBenchCases, renderCase, transcriptLines, writeCase } from './synth/bench-cases.ts';

const FIXTURE_DIR = 'test/fixtures/align';

function main(args: string[]): void {
  let outDir = '/tmp/verbatim-bench-data';
  let long = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--out' && args[i + 1]) outDir = args[++i]!;
    else if (arg === '--no-long') long = false;
    else if (arg === '--fixture') {
      const script = fixtureScript();
      const entry = writeCase(FIXTURE_DIR, renderCase(script), transcriptLines(script));
      console.log(`${FIXTURE_DIR}/${entry.audio}: ${entry.durationSec} s, ${entry.words} words`);
      return;
    } else {
      console.error('usage: npm run bench:data -- [--out DIR] [--no-long] [--fixture]');
      process.exit(2);
    }
  }
  const started = Date.now();
  const dir = resolve(outDir);
  const manifest = generateBenchCases(dir, { long, log: (line) => console.log(line) });
  console.log(`${manifest.cases.length} cases in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main(process.argv.slice(2));
