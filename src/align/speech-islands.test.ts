// @vitest-environment node
import { readFileSync } from 'node:fs';
import { decodeOpusFixture as decode } from './decode-opus-fixture.ts';

import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeVad, loadParallelNodeVad } from './node-vad.ts';
import { resample } from './resample.ts';
import { type SpeechIsland, findSpeechIslands, islandAt, islandsFromProbabilities, speechWithin } from './speech-islands.ts';

const FIXTURE = new URL('../../test/fixtures/align/', import.meta.url);

describe('islandsFromProbabilities', () => {
  const frame = 0.1;
  const options = { minSpeech: 0.15, minSilence: 0.25, pad: 0 };

  it('opens at the onset threshold and closes below the lower offset threshold', () => {
    const islands = islandsFromProbabilities([0.1, 0.6, 0.45, 0.4, 0.2, 0.1, 0.1, 0.1], frame, options);
    expect(islands).toHaveLength(1);
    expect(islands[0]?.start).toBeCloseTo(0.1);
    expect(islands[0]?.end).toBeCloseTo(0.4);
  });

  it('closes short gaps, drops short blips and pads without overlapping', () => {
    // speech 0.2-0.5, gap 0.2 s (closed), speech 0.7-1.0, gap 0.5 s, blip 1.5-1.6 (dropped)
    const p = [0, 0, 0.9, 0.9, 0.9, 0, 0, 0.9, 0.9, 0.9, 0, 0, 0, 0, 0, 0.9, 0, 0, 0, 0];
    expect(islandsFromProbabilities(p, frame, options).map((i) => [i.start, i.end].map((t) => Math.round(t * 10) / 10))).toEqual([[0.2, 1.0]]);
    const padded = islandsFromProbabilities([0.9, 0.9, 0, 0, 0, 0.9, 0.9], frame, { ...options, pad: 0.2 });
    expect(padded.map((i) => [i.start, i.end].map((t) => Math.round(t * 10) / 10))).toEqual([[0, 0.4], [0.4, 0.7]]);
  });

  it('measures speech inside a span and finds the island at a time', () => {
    const islands: SpeechIsland[] = [{ start: 1, end: 2 }, { start: 3, end: 5 }];
    expect(speechWithin(islands, 0, 10)).toBeCloseTo(3);
    expect(speechWithin(islands, 1.5, 3.5)).toBeCloseTo(1);
    expect(islandAt(islands, 3.2)).toEqual({ start: 3, end: 5 });
    expect(islandAt(islands, 2.5)).toBeUndefined();
  });
});

describe('findSpeechIslands (Silero VAD through onnxruntime-web)', () => {
  let samples: Float32Array;
  let onsets: { entries: number[] };
  beforeAll(async () => {
    // scripts/make-align-fixture.sh: a 2.5 s plucked-string intro, two synthetic voices, a door slam
    // at 16.58 s for "(SOUNDBITE OF DOOR CLOSING)", the last turn at 17.58 s.
    const decoded = await decode(readFileSync(new URL('clip.opus', FIXTURE)));
    samples = resample(decoded.channelData[0] as Float32Array, decoded.sampleRate, 16000);
    onsets = JSON.parse(readFileSync(new URL('clip.onsets.json', FIXTURE), 'utf8')) as { entries: number[] };
  }, 30_000);

  it('hears the voices, not the music intro or the door', async () => {
    const islands = await findSpeechIslands(samples, await loadNodeVad());
    expect(speechWithin(islands, 0, 2.8)).toBe(0);
    const speechOnsets = [onsets.entries[0], onsets.entries[1], onsets.entries[3]] as number[];
    for (const onset of speechOnsets) {
      const island = islands.find((candidate) => Math.abs(candidate.start - onset) < 0.1);
      expect(island, `an island starts near ${onset} s`).toBeDefined();
    }
    // The door slam sounds from 16.58 s; no speech there.
    expect(speechWithin(islands, (onsets.entries[2] as number) + 0.05, (onsets.entries[3] as number) - 0.1)).toBe(0);
  }, 60_000);

  it('finds the same islands in a batch of streams as front to back', async () => {
    const vad = await loadNodeVad();
    const batched = await vad.probabilities(samples);
    const single = await vad.probabilities(samples, { maxStreams: 1 });
    expect(batched.length).toBe(Math.ceil(samples.length / 512));
    expect(single.length).toBe(batched.length);
    // The recurrent state remembers seconds of the past, so a stream that starts mid-file (after
    // its 2 s warm-up) does not give identical frames, but the same islands within a frame or two.
    const a = islandsFromProbabilities(batched);
    const b = islandsFromProbabilities(single);
    expect(a.length).toBe(b.length);
    a.forEach((island, i) => {
      expect(Math.abs(island.start - (b[i] as SpeechIsland).start)).toBeLessThan(0.07);
      expect(Math.abs(island.end - (b[i] as SpeechIsland).end)).toBeLessThan(0.07);
    });
  }, 120_000);

  it('gives the same frames on two threads as on one', async () => {
    const one = await (await loadNodeVad()).probabilities(samples);
    const two = await (await loadParallelNodeVad(2, 0)).probabilities(samples);
    expect(Array.from(two)).toEqual(Array.from(one));
  }, 120_000);
});
