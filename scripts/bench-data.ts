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
import { type OptionTable, asksForHelp, optionLines, parseCommandLine } from '../cli/command-line.ts';
import { fixtureScript, generateBenchCases, renderCase, transcriptLines, writeCase } from './synth/bench-cases.ts';

const FIXTURE_DIR = 'test/fixtures/align';

/** Every option of `npm run bench:data`, one line each (read by node:util parseArgs). */
const OPTIONS = {
  out: { type: 'string', value: 'DIR', default: '/tmp/verbatim-bench-data', help: 'where to write the cases (default /tmp/verbatim-bench-data)' },
  'no-long': { type: 'boolean', help: 'leave out the ~30-minute case' },
  fixture: { type: 'boolean', help: `rewrite the small committed case in ${FIXTURE_DIR}/ instead` },
  help: { type: 'boolean', short: 'h', help: 'print this text' },
} as const satisfies OptionTable;

const USAGE = ['usage: npm run bench:data -- [options]', '', ...optionLines(OPTIONS)].join('\n');

function main(argv: string[]): number {
  if (asksForHelp(argv)) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.ok || parsed.value.positionals.length > 0) {
    console.error(`bench:data: ${parsed.ok ? `unexpected argument ${parsed.value.positionals[0]}` : parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed.value;
  try {
    if (values.fixture) {
      const script = fixtureScript();
      const entry = writeCase(FIXTURE_DIR, renderCase(script), transcriptLines(script));
      console.log(`${FIXTURE_DIR}/${entry.audio}: ${entry.durationSec} s, ${entry.words} words`);
      return 0;
    }
    const started = Date.now();
    const dir = resolve(values.out);
    const manifest = generateBenchCases(dir, { long: !values['no-long'], log: (line) => console.log(line) });
    console.log(`${manifest.cases.length} cases in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (error) {
    console.error(`bench:data: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
