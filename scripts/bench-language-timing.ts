/**
 * `npx tsx scripts/bench-language-timing.ts [--reference FILE]`
 *
 * Timings for languages without an acoustic model: the old syllable spread
 * over the whole file (estimatedOutcome) against lines placed on speech
 * islands (speechPauseOutcome) — islands from signal energy (what an engine
 * without a speech detector gets) and from Silero VAD (what the aligner uses
 * when the engine has it) — on the German and Spanish LibriVox readings (one
 * turn per line) and the Swedish real-dev case.
 *
 * Swedish has human-checked turn and word onsets (truth.json). LibriVox has
 * no truth of its own; `--reference FILE` (JSON `{ "de": [seconds per line],
 * "es": [...] }`) gives line starts from an independent method (see the
 * report), and without it only the "line start in the pause before the
 * line" count of bench-align is printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { decodeAudioFile } from '../cli/decode-audio.ts';
import { estimatedOutcome } from '../src/align/build-outcome.ts';
import { energySpeechIslands } from '../src/align/energy-islands.ts';
import { speechPauseOutcome } from '../src/align/speech-pause-outcome.ts';
import { findPauses } from '../src/align/find-pauses.ts';
import { loadNodeVad } from '../src/align/node-vad.ts';
import { resample } from '../src/align/resample.ts';
import { findSpeechIslands } from '../src/align/speech-islands.ts';
import { type Entry, type Transcript, speechTurns, wordsFromText } from '../src/transcript/model.ts';

const LIBRIVOX = '/work/shared/media/librivox';
const SV = '/work/shared/media/real-dev/sv-nst-read';

function lines(text: string, language: string): Transcript {
  const entries: Entry[] = text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'speech', speakerId: null, words: wordsFromText(line) }));
  return { speakers: [], entries, language };
}

function starts(transcript: Transcript): number[] {
  return speechTurns(transcript).map((turn) => turn.start ?? NaN);
}

function within(got: number[], want: number[], limit: number): string {
  let ok = 0;
  const errors: number[] = [];
  want.forEach((time, i) => {
    const error = Math.abs((got[i] ?? NaN) - time);
    errors.push(error);
    if (error <= limit) ok += 1;
  });
  errors.sort((a, b) => a - b);
  const median = errors[Math.floor(errors.length / 2)] ?? NaN;
  return `${ok}/${want.length} (${Math.round((100 * ok) / want.length)} %) within ${limit} s, median ${(median * 1000).toFixed(0)} ms, max ${((errors.at(-1) ?? NaN) * 1000).toFixed(0)} ms`;
}

/** bench-align's check: the line start lies between the previous line's end and the end of the pause before the line. */
function inPause(result: Transcript, samples: Float32Array, sampleRate: number): string {
  const pauses = findPauses(samples, sampleRate);
  const turns = speechTurns(result);
  let ok = 0;
  let measured = 0;
  for (let i = 1; i < turns.length; i++) {
    const turn = turns[i];
    const previous = turns[i - 1];
    if (turn?.start === undefined || previous?.end === undefined) continue;
    const pause = pauses.filter(([s, e]) => e > (previous.end as number) - 1 && s < (turn.start as number) + 1).sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
    if (!pause) continue;
    measured += 1;
    if (turn.start >= Math.min(previous.end, pause[0]) - 0.05 && turn.start <= pause[1] + 0.05) ok += 1;
  }
  return `${ok}/${measured} line starts in the pause before the line`;
}

let reference: Record<string, number[]> = {};
const referenceArg = process.argv.indexOf('--reference');
if (referenceArg > 0) reference = JSON.parse(readFileSync(process.argv[referenceArg + 1] as string, 'utf8')) as Record<string, number[]>;

const cases: { name: string; audio: string; transcript: Transcript; truth?: number[]; words?: number[] }[] = [];
for (const language of ['de', 'es']) {
  if (existsSync(`${LIBRIVOX}/${language}.mp3`)) {
    cases.push({ name: `librivox-${language}`, audio: `${LIBRIVOX}/${language}.mp3`, transcript: lines(readFileSync(`${LIBRIVOX}/${language}.txt`, 'utf8'), language), truth: reference[language] });
  }
}
if (existsSync(SV)) {
  const truth = JSON.parse(readFileSync(`${SV}/truth.json`, 'utf8')) as { turns: { start: number; words?: { start: number }[] }[] };
  cases.push({
    name: 'real-dev sv-nst-read',
    audio: `${SV}/audio.wav`,
    transcript: lines(readFileSync(`${SV}/transcript.txt`, 'utf8'), 'sv'),
    truth: truth.turns.map((turn) => turn.start),
    words: truth.turns[0]?.words?.map((word) => word.start),
  });
}

const vad = await loadNodeVad();
for (const spec of cases) {
  const audio = await decodeAudioFile(spec.audio);
  const duration = audio.samples.length / audio.sampleRate;
  let started = performance.now();
  const energyIslands = energySpeechIslands(audio.samples, audio.sampleRate);
  const onEnergy = speechPauseOutcome(spec.transcript, energyIslands, duration, spec.transcript.language as string, []).transcript;
  const energyMs = performance.now() - started;
  started = performance.now();
  const vadIslands = await findSpeechIslands(resample(audio.samples, audio.sampleRate, 16000), vad);
  const onVad = speechPauseOutcome(spec.transcript, vadIslands, duration, spec.transcript.language as string, []).transcript;
  const vadMs = performance.now() - started;
  const spread = estimatedOutcome(spec.transcript, duration, []).transcript;
  console.log(
    `${spec.name} (${duration.toFixed(1)} s, ${speechTurns(spec.transcript).length} lines; ${energyIslands.length} energy islands, placed in ${energyMs.toFixed(0)} ms; ${vadIslands.length} Silero islands, found and placed in ${vadMs.toFixed(0)} ms)`,
  );
  for (const [label, result] of [['syllable spread (before)', spread], ['on energy islands', onEnergy], ['on Silero islands (used)', onVad]] as const) {
    const parts = [inPause(result, audio.samples, audio.sampleRate)];
    if (spec.truth) parts.push(`line starts ${within(starts(result), spec.truth, 0.5)}`);
    if (spec.words) parts.push(`counted words ${within(speechTurns(result)[0]?.words.map((word) => word.start ?? NaN) ?? [], spec.words, 0.5)}`);
    console.log(`  ${label.padEnd(26)} ${parts.join('; ')}`);
  }
}
