/**
 * `npm run demo:audio`: voices the seed transcript into the app's built-in demo.
 *
 * Reads test/fixtures/seed/npr-russia-venezuela.txt with the app's own parser
 * (parseNprText), speaks every speech turn with a Flite voice per speaker, and writes
 *   public/demo/seed.opus           Ogg Opus, mono, 24 kbit/s
 *   public/demo/seed.verbatim.json  the parsed transcript with exact turn and word times
 * Word times come from the synthesizer's own phone timings (see scripts/synth/), measured
 * to where the sound starts and ends, rounded to ms. A faint white-noise floor (-54 dB
 * peak) replaces the synthesizer's digital silence, which real recordings never have and
 * which upsets the PocketSphinx-based aligner. The Opus file is decoded again and
 * cross-correlated with the mix to prove the encoder's pre-skip leaves times unchanged.
 *
 * Deterministic: same voices, seeded pauses and noise; re-running gives the same WAV and
 * JSON (the Opus bytes too, with ffmpeg's bitexact flags, for the same ffmpeg/libopus).
 * Needs Debian's flite (libflite1), ffmpeg with libopus; no network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNprText } from '../src/transcript/formats/npr-text.ts';
import { speechTurns } from '../src/transcript/model.ts';
import { writeVerbatimJson } from '../src/transcript/writers/verbatim-json-writer.ts';
import { decodeWithFfmpeg, measureLag } from './synth/ffmpeg.ts';
import { Random } from './synth/random.ts';
import { applyTimes } from './synth/timed-transcript.ts';
import type { VoiceSpec } from './synth/voice-spec.ts';
import { voiceTurns } from './synth/voice-turns.ts';
import { writeWav } from './synth/wav-file.ts';

const SOURCE = 'test/fixtures/seed/npr-russia-venezuela.txt';
const OUT_AUDIO = 'public/demo/seed.opus';
const OUT_TRUTH = 'public/demo/seed.verbatim.json';
const SAMPLE_RATE = 16000;
const NOISE_PEAK = 0.002;

/** The unlabelled opener is the host's intro, so it shares Summers' voice. */
const VOICES: Record<string, VoiceSpec> = {
  host: { engine: 'flite', name: 'slt' },
  summers: { engine: 'flite', name: 'slt' },
  'charles-maynes': { engine: 'flite', name: 'rms', durationStretch: 0.95 },
  'abbas-gallyamov': { engine: 'flite', name: 'awb', durationStretch: 1.05 },
};

function main(): void {
  const parsed = parseNprText(readFileSync(SOURCE, 'utf8'), { fileName: SOURCE });
  if (!parsed.ok) throw new Error(`cannot parse ${SOURCE}: ${parsed.error.message}`);
  const transcript = parsed.transcript;
  const random = new Random(20260107);

  const turns = speechTurns(transcript).map((turn) => {
    const voice = VOICES[turn.speakerId ?? 'host'];
    if (!voice) throw new Error(`no voice for speaker ${turn.speakerId}`);
    return { speakerVoice: voice, words: turn.words.map((word) => word.text), pauseAfter: random.between(0.4, 0.9) };
  });
  const voiced = voiceTurns(turns, { sampleRate: SAMPLE_RATE, leadIn: 0.6, tail: 1 });
  const mix = voiced.audio;
  const noise = new Random(7);
  for (let i = 0; i < mix.samples.length; i++) mix.samples[i]! += NOISE_PEAK * (2 * noise.next() - 1);

  const work = mkdtempSync(join(tmpdir(), 'verbatim-demo-'));
  try {
    const wavPath = join(work, 'seed.wav');
    writeWav(wavPath, mix);
    execFileSync('ffmpeg', [
      '-v', 'error', '-y', '-i', wavPath,
      '-c:a', 'libopus', '-b:a', '24k', '-ac', '1', '-application', 'voip',
      '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact',
      OUT_AUDIO,
    ]);
    const lags = measureLag(mix, decodeWithFfmpeg(OUT_AUDIO, SAMPLE_RATE));
    console.log(`decoded ${OUT_AUDIO} lags the mix by [${lags.join(', ')}] samples at ${SAMPLE_RATE} Hz`);
    if (lags.some((lag) => Math.abs(lag) > SAMPLE_RATE / 1000)) throw new Error('the encoded file is not on the mix timeline');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const timed = applyTimes(transcript, voiced.turns, []);
  writeFileSync(OUT_TRUTH, writeVerbatimJson(timed));
  const words = voiced.turns.reduce((sum, turn) => sum + turn.words.length, 0);
  const duration = mix.samples.length / SAMPLE_RATE;
  console.log(
    `${voiced.turns.length} turns, ${words} words, ${duration.toFixed(1)} s; ${OUT_AUDIO} ${(statSync(OUT_AUDIO).size / 1024).toFixed(0)} KiB; ${OUT_TRUTH}`,
  );
}

main();
