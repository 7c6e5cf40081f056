import { describe, expect, it } from 'vitest';
import type { Transcript, Word } from '../transcript/model.ts';
import { mismatchSentence, textSupport } from './text-support.ts';

const input = (texts: string[]): Transcript => ({
  speakers: [],
  entries: [{ kind: 'speech', speakerId: null, words: texts.map((text) => ({ text })) }],
});

/** An aligned copy: each word gets `seconds` and `posterior`. */
function aligned(texts: string[], posterior: (i: number) => number, seconds: (i: number) => number): Transcript {
  let at = 0;
  const words: Word[] = texts.map((text, i) => {
    const start = at;
    at += seconds(i);
    return { text, start, end: at, confidence: posterior(i), timing: 'aligned' };
  });
  return { speakers: [], entries: [{ kind: 'speech', speakerId: null, words, start: 0, end: at, timing: 'aligned' }] };
}

const TEXT = 'the quick brown fox jumps over the lazy dog and then it runs away'.split(' ');

describe('textSupport', () => {
  it('finds nearly all words of a matching pair', () => {
    const support = textSupport(aligned(TEXT, (i) => (i === 3 ? 0.4 : 0.95), () => 0.3), input(TEXT));
    expect(support).toEqual({ supported: 13, total: 14, share: 13 / 14 });
    expect(mismatchSentence(support)).toBeNull();
  });

  it('does not count words with a low posterior or stretched over seconds', () => {
    const support = textSupport(
      aligned(TEXT, (i) => (i % 2 === 0 ? 0.6 : 0.95), (i) => (i % 4 === 1 ? 3 : 0.3)),
      input(TEXT),
    );
    // Odd words have a high posterior, but 1, 5, 9 and 13 last 3 s: 3, 7 and 11 are left.
    expect(support.supported).toBe(3);
    expect(mismatchSentence(support)).toBe('the transcript does not seem to be of this audio: only 21% of its words (3 of 14) were found in the recording');
  });

  it('leaves out words the input had times for, and stage directions', () => {
    const given = input(TEXT);
    const first = given.entries[0];
    if (first?.kind === 'speech') first.words[0] = { text: 'the', start: 0, end: 0.3, timing: 'manual' };
    const result = aligned(TEXT, () => 0.95, () => 0.3);
    expect(textSupport(result, given).total).toBe(13);
    expect(textSupport(aligned(['(LAUGHTER)', ...TEXT], () => 0.95, () => 0.3), input(['(LAUGHTER)', ...TEXT])).total).toBe(14);
  });

  it('asks less of the French model, whose posteriors run lower on matching audio', () => {
    const result = aligned(TEXT, (i) => (i % 3 === 0 ? 0.95 : 0.85), () => 0.3);
    expect(mismatchSentence(textSupport(result, input(TEXT)))).toMatch(/only 36% of its words/u);
    expect(textSupport(result, input(TEXT), 'fr-fr').share).toBe(1);
  });

  it('does not judge a handful of words', () => {
    const few = ['hello', 'there'];
    expect(mismatchSentence(textSupport(aligned(few, () => 0.1, () => 0.3), input(few)))).toBeNull();
  });
});
