// @vitest-environment node
import { readFileSync } from 'node:fs';
import { decodeOpusFixture as decode } from './decode-opus-fixture.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Transcript, speechTurns } from '../transcript/model.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import type { AlignAudio, PendingPass } from './align-outcome.ts';
import { TranscriptMismatchError, alignTranscript } from './align-transcript.ts';
import { createNodeEngine } from './node-engine.ts';

// A 20 s clip made by scripts/make-align-fixture.sh: a 2.5 s music-like intro that is not in the
// transcript, two synthesizers, "U.S.", "2,400" and "2024", a door slam for the stage direction,
// digital silence between the pieces. Its onsets file says where each entry's sound starts.
const FIXTURE = new URL('../../test/fixtures/align/', import.meta.url);
const onsets = JSON.parse(readFileSync(new URL('clip.onsets.json', FIXTURE), 'utf8')) as { entries: number[]; duration: number };
const engine = createNodeEngine();
let audio: AlignAudio;

let transcript: Transcript;

beforeAll(async () => {
  const decoded = await decode(readFileSync(new URL('clip.opus', FIXTURE)));
  audio = { samples: decoded.channelData[0] as Float32Array, sampleRate: decoded.sampleRate };
  const parsed = readTranscript(readFileSync(new URL('clip.txt', FIXTURE), 'utf8'), { fileName: 'clip.txt' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  transcript = parsed.transcript;
}, 30_000);

describe('alignTranscript', () => {
  it('times every turn and word, starting each turn where its sound starts, after an untranscribed intro', async () => {
    const progress: number[] = [];
    const passes: { fraction: number; pending: PendingPass }[] = [];
    const outcome = await alignTranscript(audio, transcript, {
      engine,
      onProgress: ({ fraction, pending }) => {
        progress.push(fraction);
        if (pending) passes.push({ fraction, pending });
      },
    });
    expect(outcome.estimated).toBe(false);
    const entries = outcome.transcript.entries;
    expect(entries.map((entry) => entry.kind)).toEqual(['speech', 'speech', 'event', 'speech']);
    entries.forEach((entry, i) => {
      // Within 0.1 s of where the sound starts; the first turn not pulled into the 2.5 s intro.
      expect(Math.abs((entry.start as number) - (onsets.entries[i] as number))).toBeLessThan(0.1);
    });
    for (const turn of speechTurns(outcome.transcript)) {
      expect(turn.timing).toBe('aligned');
      expect(turn.confidence).toBeGreaterThan(0.6);
      let previousEnd = turn.start as number;
      for (const word of turn.words) {
        expect(word.start).toBeGreaterThanOrEqual(previousEnd - 1e-9);
        expect(word.end).toBeGreaterThan(word.start as number);
        previousEnd = word.end as number;
      }
      expect(turn.end).toBe(previousEnd);
    }
    expect(outcome.lowConfidence).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((value, i) => i === 0 || value >= (progress[i - 1] as number))).toBe(true);
    // Every decoder pass is announced with its audio and where it should end, ahead of where the run is.
    expect(passes.length).toBeGreaterThan(0);
    for (const { fraction, pending } of passes) {
      expect(pending.audioSeconds).toBeGreaterThan(0);
      expect(pending.fraction).toBeGreaterThanOrEqual(fraction);
      expect(pending.fraction).toBeLessThanOrEqual(0.95);
    }
  }, 60_000);

  it('does not let untranscribed music in the middle pull the next turn into it', async () => {
    // 6 s of a sustained, vibrato organ-like chord spliced into the pause before the second turn,
    // which no stage direction announces: vowel-like enough for words to be dragged into it.
    const rate = audio.sampleRate;
    const at = Math.round(9.25 * rate);
    const music = new Float32Array(6 * rate);
    for (let i = 0; i < music.length; i++) {
      const t = i / rate;
      const vibrato = 1 + 0.01 * Math.sin(2 * Math.PI * 5 * t);
      for (const [frequency, gain] of [[196, 0.12], [247, 0.1], [294, 0.08], [392, 0.05], [588, 0.03]] as const) {
        music[i] = (music[i] as number) + gain * Math.sin(2 * Math.PI * frequency * vibrato * t);
      }
    }
    const samples = new Float32Array(audio.samples.length + music.length);
    samples.set(audio.samples.subarray(0, at));
    samples.set(music, at);
    samples.set(audio.samples.subarray(at), at + music.length);
    const outcome = await alignTranscript({ samples, sampleRate: rate }, transcript, { engine });
    const [first, second] = speechTurns(outcome.transcript);
    expect(Math.abs((first?.start as number) - (onsets.entries[0] as number))).toBeLessThan(0.1);
    expect(Math.abs((second?.start as number) - ((onsets.entries[1] as number) + 6))).toBeLessThan(0.15);
    for (const turn of speechTurns(outcome.transcript)) {
      for (const word of turn.words) expect((word.end as number) <= 9.3 || (word.start as number) >= 15.2).toBe(true);
    }
  }, 60_000);

  it('decodes again with room for untranscribed audio when words were dragged over a mid-file music intro', async () => {
    // A cut of the benchmark's 30-minute conversation: one programme ends, a 4 s music intro
    // that no line announces, the next programme begins. A single decode puts "Good morning"
    // 4.7 s early, spread over the music.
    const cut = JSON.parse(readFileSync(new URL('midfile-intro.onsets.json', FIXTURE), 'utf8')) as { entries: number[]; music: [number, number] };
    const decoded = await decode(readFileSync(new URL('midfile-intro.opus', FIXTURE)));
    const parsed = readTranscript(readFileSync(new URL('midfile-intro.txt', FIXTURE), 'utf8'), { fileName: 'midfile-intro.txt' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const outcome = await alignTranscript({ samples: decoded.channelData[0] as Float32Array, sampleRate: decoded.sampleRate }, parsed.transcript, { engine });
    const turns = speechTurns(outcome.transcript);
    turns.forEach((turn, i) => expect(Math.abs((turn.start as number) - (cut.entries[i] as number))).toBeLessThan(0.1));
    const [musicStart, musicEnd] = cut.music;
    for (const word of turns.flatMap((turn) => turn.words)) {
      expect((word.end as number) <= musicStart + 0.05 || (word.start as number) >= musicEnd - 0.05).toBe(true);
    }
  }, 60_000);

  it('keeps file and manual times as anchors and aligns around them', async () => {
    const entries = transcript.entries.map((entry, i) =>
      i === 1 && entry.kind === 'speech' ? { ...entry, start: 9.2, timing: 'manual' as const } : entry,
    );
    const outcome = await alignTranscript(audio, { ...transcript, entries }, { engine });
    const second = outcome.transcript.entries[1];
    expect(second?.start).toBe(9.2);
    expect(second?.timing).toBe('manual');
    // Its words are still aligned, after the anchor.
    expect(second?.kind === 'speech' && (second.words[0]?.start as number) >= 9.2).toBe(true);
    expect(outcome.transcript.entries[0]?.end).toBeLessThanOrEqual(9.2);
  }, 60_000);

  it('falls back to estimated timings, saying so, for a language without a model', async () => {
    const outcome = await alignTranscript(audio, transcript, { engine, language: 'de' });
    expect(outcome.estimated).toBe(true);
    expect(outcome.warnings.join(' ')).toMatch(/no acoustic model for language "de"/u);
    for (const turn of speechTurns(outcome.transcript)) {
      expect(turn.timing).toBe('estimated');
      expect(turn.words.every((word) => word.start !== undefined && word.timing === 'estimated')).toBe(true);
    }
    expect(outcome.lowConfidence).toHaveLength(3);
    // Lines go on the speech the detector hears, not on the music-like intro before it.
    const first = speechTurns(outcome.transcript)[0]?.start as number;
    expect(Math.abs(first - (onsets.entries[0] as number))).toBeLessThan(0.3);
  }, 60_000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by test'));
    await expect(alignTranscript(audio, transcript, { engine, signal: controller.signal })).rejects.toThrow('cancelled by test');
  });

  it('cancels between chunks', async () => {
    const controller = new AbortController();
    const run = alignTranscript(audio, transcript, {
      engine,
      signal: controller.signal,
      onProgress: ({ stage }) => {
        if (stage === 'aligning') controller.abort(new Error('stopped midway'));
      },
    });
    await expect(run).rejects.toThrow('stopped midway');
  }, 60_000);

  it('reports a transcript that plainly belongs to other audio', async () => {
    const other = readTranscript(
      [
        'READER: When forty winters shall besiege thy brow,',
        'READER: And dig deep trenches in thy beauty field,',
        'READER: Thy youth proud livery so gazed on now,',
        'READER: Will be a tattered weed of small worth held:',
        'READER: Then being asked, where all thy beauty lies,',
        'READER: Where all the treasure of thy lusty days;',
        'READER: To say, within thine own deep sunken eyes,',
        'READER: Were an all-eating shame, and thriftless praise.',
      ].join('\n'),
      { fileName: 'sonnet.txt' },
    );
    if (!other.ok) throw new Error(other.error.message);
    await expect(alignTranscript(audio, other.transcript, { engine })).rejects.toBeInstanceOf(TranscriptMismatchError);
  }, 60_000);

  it('refuses empty audio', async () => {
    await expect(alignTranscript({ samples: new Float32Array(0), sampleRate: 16000 }, transcript, { engine })).rejects.toThrow(/empty/u);
  });
});
