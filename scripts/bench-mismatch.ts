/**
 * `npx tsx scripts/bench-mismatch.ts [--data DIR] [--case NAME]...`
 *
 * False and true refusals of the mismatch check: every real-dev case with an
 * acoustic model, every synthetic case of `npm run bench:data` (default
 * /tmp/verbatim-bench-data) and every scenario `npm run bench:align -- --real`
 * built in DIR/real, aligned with its own transcript (must never be
 * refused), and unrelated pairs made by swapping transcripts between cases
 * (must all be refused). Prints, per pair, the decision, the supported share
 * (text-support.ts) or the refusal sentence, and the time; then the counts.
 * Each pair runs in its own process (the aligner holds a wasm decoder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeAudioFile } from '../cli/decode-audio.ts';
import { alignTranscript } from '../src/align/align-transcript.ts';
import { createNodeEngine } from '../src/align/node-engine.ts';
import type { Entry, Transcript } from '../src/transcript/model.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL = '/work/shared/media/real-dev';

interface Pair {
  name: string;
  audio: string;
  transcript: string;
  language: string;
  matching: boolean;
}

/** A scenario's truth (bench-align-real.ts) without its times: what the aligner is given. */
function untimedTruth(path: string): Transcript {
  const truth = (JSON.parse(readFileSync(path, 'utf8')) as { truth: Transcript }).truth;
  const entries = truth.entries.map((entry): Entry => (entry.kind === 'event' ? { kind: 'event', text: entry.text } : { kind: 'speech', speakerId: entry.speakerId, words: entry.words.map((word) => ({ text: word.text })) }));
  return { ...truth, entries };
}

async function child(pair: Pair): Promise<void> {
  const parsed = pair.transcript.endsWith('.truth.json')
    ? { ok: true as const, transcript: untimedTruth(pair.transcript) }
    : readTranscript(readFileSync(pair.transcript, 'utf8'), { fileName: pair.transcript });
  if (!parsed.ok) throw new Error(`${pair.transcript}: ${parsed.error.message}`);
  const audio = await decodeAudioFile(pair.audio);
  const started = performance.now();
  try {
    const outcome = await alignTranscript(audio, parsed.transcript, { engine: createNodeEngine(), language: pair.language });
    const share = outcome.support ? `${Math.round(outcome.support.share * 100)}% supported (${outcome.support.supported} of ${outcome.support.total})` : 'no support figure';
    process.stdout.write(`\n${JSON.stringify({ refused: false, detail: share, seconds: (performance.now() - started) / 1000 })}\n`);
  } catch (error) {
    process.stdout.write(`\n${JSON.stringify({ refused: true, detail: (error as Error).message, seconds: (performance.now() - started) / 1000 })}\n`);
  }
}

function pairs(dataDir: string): Pair[] {
  const list: Pair[] = [];
  const real = (name: string, audio: string) => ({ audio: join(REAL, name, audio), transcript: join(REAL, name, 'transcript.txt') });
  const cases: Record<string, { audio: string; transcript: string; language: string }> = {
    jfk: { ...real('en-jfk-inaugural-1961', 'audio.flac'), language: 'en' },
    praat: { ...real('en-praat-lab-sentences', 'audio.wav'), language: 'en' },
    austen: { ...real('en-librivox-austen-verbatim', 'audio.wav'), language: 'en' },
    'fleurs-en': { ...real('en-fleurs-read-5speakers', 'audio.flac'), language: 'en' },
    'fleurs-fr': { ...real('fr-fleurs-read-5speakers', 'audio.flac'), language: 'fr' },
    seed: { audio: join(ROOT, 'public/demo/seed.opus'), transcript: join(ROOT, 'public/demo/seed.txt'), language: 'en' },
  };
  const manifest = join(dataDir, 'manifest.json');
  if (existsSync(manifest)) {
    for (const item of (JSON.parse(readFileSync(manifest, 'utf8')) as { cases: { name: string; audio: string; transcript: string }[] }).cases) {
      cases[item.name] = { audio: join(dataDir, item.audio), transcript: join(dataDir, item.transcript), language: 'en' };
    }
  }
  // The scenarios of bench:align --real (music, stings, an ad, noise, hard voices), as built in its cache.
  const built = join(dataDir, 'real', 'built-v1.json');
  if (existsSync(built)) {
    for (const item of JSON.parse(readFileSync(built, 'utf8')) as { name: string; audio: string; truth: string; language: string }[]) {
      if (item.name.startsWith('scenario-')) cases[item.name] = { audio: item.audio, transcript: item.truth, language: item.language };
    }
  }
  for (const [name, spec] of Object.entries(cases)) if (existsSync(spec.audio)) list.push({ name: `${name} (own text)`, ...spec, matching: true });
  const swaps: [string, string][] = [
    ['seed', 'interview-two-voices'],
    ['austen', 'fleurs-en'],
    ['fleurs-en', 'austen'],
    ['jfk', 'praat'],
    ['praat', 'jfk'],
    ['interview-two-voices', 'panel-four-voices'],
    ['rapid-exchange', 'station-break'],
    ['station-break', 'music-intro-door'],
    ['scenario-noise', 'austen'],
    ['fleurs-fr', 'scenario-hard-voice-words'],
  ];
  for (const [audioOf, textOf] of swaps) {
    const a = cases[audioOf];
    const t = cases[textOf];
    if (a && t) list.push({ name: `${audioOf} audio + ${textOf} text`, audio: a.audio, transcript: t.transcript, language: a.language, matching: false });
  }
  return list;
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--child') return child(JSON.parse(args[1] as string) as Pair);
  let dataDir = '/tmp/verbatim-bench-data';
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data') dataDir = resolve(args[++i] as string);
    else if (args[i] === '--case') only.push(args[++i] as string);
  }
  let falseRefusals = 0;
  let matching = 0;
  let trueRefusals = 0;
  let unrelated = 0;
  for (const pair of pairs(dataDir).filter((p) => only.length === 0 || only.some((name) => p.name.startsWith(name)))) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', JSON.stringify(pair)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    if (!line.startsWith('{')) {
      console.log(`${pair.name.padEnd(48)} FAILED (${run.status}): ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
      continue;
    }
    const result = JSON.parse(line) as { refused: boolean; detail: string; seconds: number };
    if (pair.matching) {
      matching += 1;
      if (result.refused) falseRefusals += 1;
    } else {
      unrelated += 1;
      if (result.refused) trueRefusals += 1;
    }
    const verdict = result.refused ? (pair.matching ? 'FALSE REFUSAL' : 'refused') : pair.matching ? 'accepted' : 'ACCEPTED (wrong)';
    console.log(`${pair.name.padEnd(48)} ${verdict.padEnd(17)} ${result.detail} (${result.seconds.toFixed(0)} s, machine shared)`);
  }
  console.log(`\nmatching pairs refused: ${falseRefusals} of ${matching}; unrelated pairs refused: ${trueRefusals} of ${unrelated}`);
}

await main(process.argv.slice(2));
