import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distributeWords, estimateTimings } from './estimate-times.ts';
import { wordsFromText, type Entry, type SpeechTurn, type Transcript, type Word } from './model.ts';

function turn(text: string, times: Partial<SpeechTurn> = {}): SpeechTurn {
  return { kind: 'speech', speakerId: null, words: wordsFromText(text), ...times };
}

/** Every start/end in reading order, entries and words interleaved. */
function boundaries(transcript: Transcript): number[] {
  const out: number[] = [];
  for (const entry of transcript.entries) {
    out.push(entry.start ?? NaN);
    if (entry.kind === 'speech') for (const word of entry.words) out.push(word.start ?? NaN, word.end ?? NaN);
    out.push(entry.end ?? NaN);
  }
  return out;
}

function expectNonDecreasing(values: number[]): void {
  values.forEach((value, i) => {
    expect(Number.isNaN(value)).toBe(false);
    if (i > 0) expect(value).toBeGreaterThanOrEqual(values[i - 1] ?? -Infinity);
  });
}

describe('distributeWords', () => {
  it('fills an untimed run from start to end, in order', () => {
    const words = distributeWords(wordsFromText('So the president of Venezuela spoke today.'), 10, 14);
    expect(words[0]?.start).toBe(10);
    expect(words.at(-1)?.end).toBe(14);
    expectNonDecreasing(words.flatMap((word) => [word.start ?? NaN, word.end ?? NaN]));
    expect(words.every((word) => word.timing === 'estimated')).toBe(true);
  });

  it('gives longer words more time', () => {
    const [short, long] = distributeWords(wordsFromText('the Venezuelan'), 0, 2);
    const shortLength = (short?.end ?? 0) - (short?.start ?? 0);
    const longLength = (long?.end ?? 0) - (long?.start ?? 0);
    expect(longLength).toBeGreaterThan(2 * shortLength);
  });

  it('leaves a pause after punctuation', () => {
    const words = distributeWords(wordsFromText('Yes. And no'), 0, 3);
    const pauseAfterYes = (words[1]?.start ?? 0) - (words[0]?.end ?? 0);
    const pauseAfterAnd = (words[2]?.start ?? 0) - (words[1]?.end ?? 0);
    expect(pauseAfterYes).toBeGreaterThan(0);
    expect(pauseAfterAnd).toBe(0);
  });

  it('keeps timed words as anchors and fills only between them', () => {
    const anchorA: Word = { text: 'alpha', start: 1, end: 1.5, timing: 'manual' };
    const anchorB: Word = { text: 'omega', start: 4, end: 4.5, timing: 'aligned' };
    const input = [{ text: 'before' }, anchorA, { text: 'middle' }, { text: 'words' }, anchorB, { text: 'after' }];
    const words = distributeWords(input, 0, 6);
    expect(words[1]).toBe(anchorA);
    expect(words[4]).toBe(anchorB);
    expect(words[0]).toMatchObject({ start: 0, end: 1, timing: 'estimated' });
    expect(words[2]?.start).toBeGreaterThanOrEqual(1.5);
    expect(words[3]?.end).toBeLessThanOrEqual(4);
    expect(words[5]).toMatchObject({ start: 4.5, end: 6 });
  });

  it('returns the same array when every word is timed', () => {
    const input: Word[] = [{ text: 'a', start: 0, end: 1 }, { text: 'b', start: 1, end: 2 }];
    expect(distributeWords(input, 0, 5)).toBe(input);
  });

  it('keeps the known half of a partly timed word', () => {
    const words = distributeWords([{ text: 'one' }, { text: 'two', start: 2 }, { text: 'three' }], 0, 4);
    expect(words[1]?.start).toBe(2);
    expect(words[0]?.end).toBeLessThanOrEqual(2);
    expect(words[1]?.end).toBeGreaterThan(2);
  });

  it('handles empty input and silent tokens', () => {
    expect(distributeWords([], 0, 1)).toEqual([]);
    const words = distributeWords(wordsFromText('- —'), 0, 1);
    expectNonDecreasing(words.flatMap((word) => [word.start ?? NaN, word.end ?? NaN]));
  });

  it('never lets an anchor before the range pull estimates backwards past it', () => {
    const words = distributeWords([{ text: 'early', start: 0, end: 0.5 }, { text: 'late' }], 2, 3);
    expect(words[1]?.start).toBeGreaterThanOrEqual(0.5);
    expect(words[1]?.end).toBe(3);
  });

  it('lets an anchor earlier than the range start win over the range', () => {
    const words = distributeWords([{ text: 'lead' }, { text: 'anchor', start: 1, end: 2 }], 3, 5);
    expect(words[0]?.end).toBeLessThanOrEqual(1);
  });

  it('keeps every filled time inside the range and in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'word', 'Venezuela.', '2,400', '-', 'hello,'), { maxLength: 30 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (texts, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const words = distributeWords(texts.map((text) => ({ text })), start, end);
        const times = words.flatMap((word) => [word.start ?? NaN, word.end ?? NaN]);
        expectNonDecreasing(times);
        for (const time of times) {
          expect(time).toBeGreaterThanOrEqual(start - 1e-9);
          expect(time).toBeLessThanOrEqual(end + 1e-9);
        }
      }),
    );
  });
});

describe('estimateTimings', () => {
  const event: Entry = { kind: 'event', text: '(SOUNDBITE OF MUSIC)' };

  it('spreads an untimed transcript over the whole audio', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [turn('Good morning, this is the news.'), event, turn('Thank you. Today we talk about Venezuela and Russia.')],
    };
    const result = estimateTimings(transcript, 60);
    expect(result.entries[0]?.start).toBe(0);
    expect(result.entries.at(-1)?.end).toBe(60);
    expectNonDecreasing(boundaries(result));
    for (const entry of result.entries) expect(entry.timing).toBe('estimated');
    const music = result.entries[1];
    expect((music?.end ?? 0) - (music?.start ?? 0)).toBeGreaterThan(0);
  });

  it('never moves timed entries and keeps their identity', () => {
    const anchored = turn('This part was aligned.', { start: 20, end: 24, timing: 'manual' });
    const transcript: Transcript = { speakers: [], entries: [turn('Before the anchor.'), anchored, turn('After the anchor.')] };
    const result = estimateTimings(transcript, 30);
    expect(result.entries[1]?.start).toBe(20);
    expect(result.entries[1]?.end).toBe(24);
    expect(result.entries[0]?.end).toBeLessThanOrEqual(20);
    expect(result.entries[2]?.start).toBeGreaterThanOrEqual(24);
    expect(result.entries[2]?.end).toBe(30);
    // The anchored turn's words had no times, so they are filled inside it and the turn keeps its own timing source.
    const words = (result.entries[1] as SpeechTurn).words;
    expect(words[0]?.start).toBe(20);
    expect(words.at(-1)?.end).toBe(24);
    expect(result.entries[1]?.timing).toBe('manual');
  });

  it('keeps fully timed entries identical and timed words untouched', () => {
    const timed: SpeechTurn = { kind: 'speech', speakerId: null, start: 0, end: 1, words: [{ text: 'hi', start: 0, end: 1 }] };
    const transcript: Transcript = { speakers: [], entries: [timed, turn('untimed tail')] };
    const result = estimateTimings(transcript, 10);
    expect(result.entries[0]).toBe(timed);
    expect(result.entries[1]?.start).toBeGreaterThanOrEqual(1);
  });

  it('uses word times as anchors for their turn', () => {
    const partly: SpeechTurn = { kind: 'speech', speakerId: null, words: [{ text: 'untimed' }, { text: 'known', start: 5, end: 6 }, { text: 'again' }] };
    const result = estimateTimings({ speakers: [], entries: [partly] }, 10);
    const words = (result.entries[0] as SpeechTurn).words;
    expect(words[1]).toBe(partly.words[1]);
    expect(result.entries[0]?.start).toBe(0);
    expect(words[0]?.end).toBeLessThanOrEqual(5);
    expect(words[2]?.start).toBeGreaterThanOrEqual(6);
    expect(result.entries[0]?.end).toBe(10);
  });

  it('gives empty turns and events a place in the timeline', () => {
    const transcript: Transcript = { speakers: [], entries: [turn(''), event, turn('words')] };
    const result = estimateTimings(transcript, 10);
    expectNonDecreasing(boundaries(result));
  });

  it('returns the transcript itself when there is nothing to do or no duration', () => {
    const untimed: Transcript = { speakers: [], entries: [turn('hello')] };
    expect(estimateTimings(untimed, 0)).toBe(untimed);
    expect(estimateTimings(untimed, Number.NaN)).toBe(untimed);
    const timed: Transcript = { speakers: [], entries: [turn('hi', { start: 0, end: 1 })] };
    const timedWords = estimateTimings(timed, 5);
    expect(estimateTimings(timedWords, 5)).toBe(timedWords);
    expect(estimateTimings({ speakers: [], entries: [] }, 5).entries).toEqual([]);
  });
});
