import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize, wordsFromText, type Word } from '../model.ts';
import { diffedWords, reviseWords, substitutedWords } from './revise-words.ts';
import { makeWord } from './make-word.ts';
import { timedTurn } from './transcript-fixture.ts';

const THIRTY = 'so the question today is what Russia really wants from Venezuela and whether the government in Caracas can keep its oil flowing while sanctions bite harder every month this year';

describe('reviseWords', () => {
  it('keeps the exact times of the 29 unchanged words when one word of 30 is edited', () => {
    const turn = timedTurn(THIRTY, 100);
    expect(turn.words).toHaveLength(30);
    const tokens = tokenize(THIRTY.replace('Russia', 'Moscow'));
    const words = reviseWords(turn.words, tokens, turn.start, turn.end);
    expect(words.map((word) => word.text)).toEqual(tokens);
    let kept = 0;
    words.forEach((word, i) => {
      if (word.text === 'Moscow') return;
      expect(word).toBe(turn.words[i]);
      kept++;
    });
    expect(kept).toBe(29);
    // A one-for-one replacement keeps the replaced word's slot.
    const replaced = words.find((word) => word.text === 'Moscow');
    const original = turn.words.find((word) => word.text === 'Russia');
    expect(replaced?.start).toBe(original?.start);
    expect(replaced?.end).toBe(original?.end);
    expect(replaced?.confidence).toBeUndefined();
  });

  it('places inserted words between the neighbouring kept words', () => {
    const turn = timedTurn('one two three', 0, 'ann', 0.4, 0.6); // one 0–0.4, two 1–1.4, three 2–2.4
    const words = reviseWords(turn.words, tokenize('one two and a half three'), turn.start, turn.end);
    expect(words.map((word) => word.text)).toEqual(['one', 'two', 'and', 'a', 'half', 'three']);
    expect(words[0]).toBe(turn.words[0]);
    expect(words[1]).toBe(turn.words[1]);
    expect(words[5]).toBe(turn.words[2]);
    for (const word of words.slice(2, 5)) {
      expect(word.start).toBeGreaterThanOrEqual(1.4);
      expect(word.end).toBeLessThanOrEqual(2);
      expect(word.timing).toBe('estimated');
    }
    expect(words[2]?.end).toBeLessThanOrEqual(words[3]?.start ?? -1);
  });

  it('spreads a many-for-few replacement over the span of the words it replaced', () => {
    const turn = timedTurn('alpha beta gamma delta', 0); // beta 0.5–0.9, gamma 1–1.4
    const words = reviseWords(turn.words, tokenize('alpha b c d e delta'), turn.start, turn.end);
    expect(words[0]).toBe(turn.words[0]);
    expect(words[5]).toBe(turn.words[3]);
    expect(words[1]?.start).toBe(0.5);
    expect(words[4]?.end).toBe(1.4);
    const middle = words.slice(1, 5).flatMap((word) => [word.start ?? NaN, word.end ?? NaN]);
    middle.forEach((time, i) => expect(time).toBeGreaterThanOrEqual(middle[i - 1] ?? 0));
  });

  it('adds words at the edges inside the turn bounds', () => {
    const turn = { ...timedTurn('middle words', 5), start: 4, end: 7 };
    const words = reviseWords(turn.words, tokenize('lead middle words tail'), turn.start, turn.end);
    expect(words[0]).toMatchObject({ text: 'lead', start: 4, end: 5 });
    expect(words[3]?.start).toBeGreaterThanOrEqual(turn.words[1]?.end ?? Infinity);
    expect(words[3]?.end).toBe(7);
  });

  it('drops only the times of deleted words', () => {
    const turn = timedTurn('um so we begin', 0);
    const words = reviseWords(turn.words, tokenize('so we begin'), turn.start, turn.end);
    expect(words).toEqual(turn.words.slice(1));
    words.forEach((word, i) => expect(word).toBe(turn.words[i + 1]));
  });

  it('keeps an untimed turn untimed', () => {
    const words = reviseWords(wordsFromText('no times at all'), tokenize('still no times at all'));
    expect(words.map((word) => word.text)).toEqual(['still', 'no', 'times', 'at', 'all']);
    expect(words.every((word) => word.start === undefined && word.end === undefined)).toBe(true);
  });

  it('handles empty before and after', () => {
    expect(reviseWords([], [])).toEqual([]);
    expect(reviseWords([], ['new']).map((word) => word.text)).toEqual(['new']);
    expect(reviseWords(timedTurn('gone', 0).words, [])).toEqual([]);
  });

  it('returns the same array for unchanged tokens', () => {
    const turn = timedTurn('same words here', 0);
    expect(reviseWords(turn.words, tokenize('same  words here '), turn.start, turn.end)).toBe(turn.words);
  });

  it('matches repeated words in order', () => {
    const turn = timedTurn('the cat saw the dog', 0);
    const words = reviseWords(turn.words, tokenize('the cat saw the big dog'), turn.start, turn.end);
    expect(words[3]).toBe(turn.words[3]);
    expect(words[5]).toBe(turn.words[4]);
  });

  it('never loses an unchanged word or reorders times (property)', () => {
    const vocabulary = ['a', 'b', 'c', 'dd', 'eee', 'Venezuela,', '2,400'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 25 }), fc.array(fc.constantFrom(...vocabulary), { maxLength: 25 }), (before, after) => {
        const turn = timedTurn(before.join(' '), 10);
        const words = reviseWords(turn.words, after, turn.start, turn.end);
        expect(words.map((word) => word.text)).toEqual(after);
        const originals = new Set<Word>(turn.words);
        const reused = words.filter((word) => originals.has(word));
        // Reused words keep their order (an order-preserving match), and every time is in order.
        reused.forEach((word, i) => {
          if (i > 0) expect(turn.words.indexOf(word)).toBeGreaterThan(turn.words.indexOf(reused[i - 1] as Word));
        });
        if (before.length > 0) {
          const times = words.flatMap((word) => [word.start ?? NaN, word.end ?? NaN]);
          times.forEach((time, i) => {
            expect(Number.isNaN(time)).toBe(false);
            if (i > 0) expect(time).toBeGreaterThanOrEqual((times[i - 1] ?? 0) - 1e-9);
          });
        }
      }),
    );
  });
});

describe('substitutedWords (the shortcut for one-for-one replacements)', () => {
  const vocabulary = ['a', 'b', 'the', 'c'];
  const time = fc.option(fc.integer({ min: 0, max: 40 }).map((n) => n / 4), { nil: undefined });
  const word = fc
    .record({ text: fc.constantFrom(...vocabulary), start: time, end: time, confidence: fc.option(fc.constant(0.9), { nil: undefined }) })
    .map(({ text, start, end, confidence }) => makeWord(text, start, end, start !== undefined ? 'file' : undefined, confidence));

  it('gives what the diff gives whenever it answers, and answers for replacing a word by a new one everywhere', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), fc.array(fc.option(fc.constantFrom(...vocabulary, 'thee', 'x'), { nil: undefined }), { maxLength: 10 }), (old, swaps) => {
        const tokens = old.map((w, i) => swaps[i] ?? w.text);
        const quick = substitutedWords(old, tokens);
        if (quick === null) return;
        const diffed = diffedWords(old, tokens);
        expect(quick).toEqual(diffed);
        // Kept words are the same objects either way (their identity is what rows and indices key on).
        quick.forEach((w, i) => expect(w === old[i]).toBe(diffed[i] === old[i]));
      }),
      { numRuns: 1000 },
    );
    const old = ['the', 'cat', 'and', 'the', 'dog'].map((text, i) => makeWord(text, i, i + 0.5, 'file'));
    expect(substitutedWords(old, ['thee', 'cat', 'and', 'thee', 'dog'])).not.toBeNull();
  });
});
