import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineSpeak, type VoiceSpec } from './voice-spec.ts';

/** The engines need Debian's libespeak-ng1 and libflite1; machines without them skip these checks. */
const LIB_DIR = '/usr/lib/x86_64-linux-gnu';
const hasEspeak = existsSync(`${LIB_DIR}/libespeak-ng.so.1`);
const hasFlite = existsSync(`${LIB_DIR}/libflite.so.1`) && existsSync(`${LIB_DIR}/libflite_cmu_us_slt.so.1`);

const WORDS = "Adversaries of the Maduro regime - and NPR's 1990s U.S. Dr. Smith said 2,400.".split(' ');

function phonesByWord(voice: VoiceSpec): string[][] {
  const utterance = engineSpeak(voice, WORDS);
  const byWord: string[][] = WORDS.map(() => []);
  let last = -1;
  for (const segment of utterance.segments) {
    if (segment.token === null) continue;
    // Phones arrive in word order and inside the audio.
    expect(segment.token).toBeGreaterThanOrEqual(last);
    expect(segment.end).toBeLessThanOrEqual(utterance.samples.length / utterance.sampleRate + 1e-9);
    last = segment.token;
    byWord[segment.token]!.push(segment.phone);
  }
  return byWord;
}

describe.skipIf(!hasEspeak)('espeak-ng engine', () => {
  it('gives every written word its own phones, including words espeak-ng merges', () => {
    const byWord = phonesByWord({ engine: 'espeak', name: 'en-us' });
    WORDS.forEach((word, index) => {
      if (word === '-') expect(byWord[index]).toEqual([]);
      else expect(byWord[index]!.length, word).toBeGreaterThan(0);
    });
    expect(byWord[2]![0]).toBe('D'); // "the", filed under "of" by espeak-ng itself
    expect(byWord[6]![0]).toBe('a'); // "and" after the dash
    expect(byWord[8]![0]).toBe('n'); // "1990s" = nineteen..., not part of "NPR's"
  });
});

describe.skipIf(!hasFlite)('flite engine', () => {
  it('maps flite tokens back to the written words', () => {
    const byWord = phonesByWord({ engine: 'flite', name: 'slt' });
    expect(byWord[2]).toEqual(['dh', 'ax']);
    expect(byWord[5]).toEqual([]);
    expect(byWord[8]![0]).toBe('n');
    expect(byWord[12]!.join(' ')).toBe('s eh d');
  });
});
