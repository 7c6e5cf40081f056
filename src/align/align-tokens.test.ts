import { describe, expect, it } from 'vitest';
import type { Transcript } from '../transcript/model.ts';
import { collectTokens } from './align-tokens.ts';

function speech(text: string, extra: Record<string, unknown> = {}) {
  return { kind: 'speech' as const, speakerId: null, words: text.split(' ').map((word) => ({ text: word })), ...extra };
}

describe('collectTokens', () => {
  it('makes one token per word with readings, in transcript order', () => {
    const transcript: Transcript = { speakers: [], entries: [speech('Hello there.'), speech('The U.S. said no.')] };
    const tokens = collectTokens(transcript, 'en');
    expect(tokens.map((token) => [token.entry, token.word])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(tokens[3]?.readings.map((reading) => reading.join(' '))).toContain('u. s.');
    expect(tokens.map((token) => token.turnStart)).toEqual([true, false, true, false, false, false]);
    expect(tokens.map((token) => token.sentenceEnd)).toEqual([false, true, false, false, false, true]);
  });

  it('marks bracketed stage directions inside a turn as not spoken', () => {
    const transcript: Transcript = { speakers: [], entries: [speech('Well (LAUGHTER) that is [inaudible] (SOUNDBITE OF MUSIC) fine')] };
    const spoken = collectTokens(transcript, 'en').map((token) => token.readings.length > 0);
    expect(spoken).toEqual([true, false, true, true, false, false, false, false, true]);
  });

  it('keeps an unclosed bracket spoken (a typo, not a stage direction)', () => {
    const transcript: Transcript = { speakers: [], entries: [speech('it was (roughly said')] };
    expect(collectTokens(transcript, 'en').every((token) => token.readings.length > 0)).toBe(true);
  });

  it('flags the first word after a stage-direction event', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [speech('Before it.'), { kind: 'event', text: '(SOUNDBITE OF MUSIC)' }, speech('After it.')],
    };
    expect(collectTokens(transcript, 'en').map((token) => token.afterEvent)).toEqual([false, false, true, false]);
  });

  it('turns file and manual times into anchors and ignores aligned or estimated ones', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [
        speech('One two', { start: 1, end: 2, timing: 'file' }),
        {
          kind: 'speech',
          speakerId: null,
          words: [
            { text: 'three', start: 3, end: 3.4, timing: 'manual' },
            { text: 'four', start: 3.5, end: 3.9, timing: 'aligned' },
          ],
        },
        speech('five', { start: 5, end: 6, timing: 'estimated' }),
      ],
    };
    const tokens = collectTokens(transcript, 'en');
    expect(tokens[0]).toMatchObject({ notBefore: 1 });
    expect(tokens[0]?.fixedStart).toBeUndefined();
    expect(tokens[1]).toMatchObject({ notAfter: 2 });
    expect(tokens[2]).toMatchObject({ fixedStart: 3, fixedEnd: 3.4, notBefore: 3, notAfter: 3.4 });
    expect(tokens[3]?.fixedStart).toBeUndefined();
    expect(tokens[4]?.notBefore).toBeUndefined();
  });

  it('makes anchored events walls for the speech around them', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [speech('Before.'), { kind: 'event', text: '(MUSIC)', start: 10, end: 12, timing: 'file' }, speech('After.')],
    };
    const tokens = collectTokens(transcript, 'en');
    expect(tokens[0]?.notAfter).toBe(10);
    expect(tokens[1]?.notBefore).toBe(12);
  });
});
