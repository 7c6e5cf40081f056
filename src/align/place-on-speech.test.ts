import { describe, expect, it } from 'vitest';
import { placeOnSpeech } from './place-on-speech.ts';
import { speechPauseOutcome } from './speech-pause-outcome.ts';
import { speechTurns, wordsFromText } from '../transcript/model.ts';

describe('placeOnSpeech', () => {
  it('starts each line after the pause that ends where its speech begins', () => {
    // Three lines read with a second's pause between them; the middle one is twice as long.
    const islands = [
      { start: 0.5, end: 2.5 },
      { start: 3.5, end: 7.5 },
      { start: 8.6, end: 10.6 },
    ];
    const placed = placeOnSpeech([{ wordSyllables: [2, 3] }, { wordSyllables: [3, 3, 4] }, { wordSyllables: [1, 4] }], islands, 0, 11);
    expect(placed?.map((unit) => unit.start)).toEqual([0.5, 3.5, 8.6]);
    expect(placed?.[2]?.end).toBeCloseTo(10.6, 5);
  });

  it('puts the words of a slow count each on its own stretch of speech', () => {
    const islands = [0, 1, 2, 3, 4].map((i) => ({ start: 1 + i, end: 1.4 + i }));
    const placed = placeOnSpeech([{ wordSyllables: [1, 1, 2, 1, 1] }], islands, 0, 6);
    expect(placed?.[0]?.words.map(([start]) => start)).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts a line inside speech when the reader did not pause there', () => {
    const placed = placeOnSpeech([{ wordSyllables: [5] }, { wordSyllables: [5] }], [{ start: 0, end: 10 }], 0, 10);
    expect(placed?.[1]?.start).toBeCloseTo(5, 0);
  });

  it('gives one-word lines read slowly as a list their time, so the line after them starts at its own pause', () => {
    // "…von Fuchshaim, / wie, / wo, / wann, / auch welcher Gestalt er nämlich in diese Welt gekommen,":
    // the detector hears "wie wo wann" as one stretch (the comma pauses are too short), and the
    // long line after it starts after a short pause.
    const islands = [
      { start: 0, end: 2.2 },
      { start: 2.6, end: 4.55 },
      { start: 4.68, end: 8.2 },
    ];
    const placed = placeOnSpeech([{ wordSyllables: [2, 2, 2, 1, 2] }, { wordSyllables: [1] }, { wordSyllables: [1] }, { wordSyllables: [1] }, { wordSyllables: [1, 2, 2, 1, 2, 1, 2, 1, 3] }], islands, 0, 8.5);
    expect(placed?.map((unit) => unit.start)[4]).toBe(4.68);
    expect(placed?.[1]?.start).toBe(2.6);
  });

  it('answers null when there is no speech to place lines on', () => {
    expect(placeOnSpeech([{ wordSyllables: [2] }], [], 0, 10)).toBeNull();
  });
});

describe('speechPauseOutcome', () => {
  const transcript = {
    speakers: [],
    language: 'es',
    entries: [
      { kind: 'speech' as const, speakerId: null, words: wordsFromText('Mi muy querido Manuel:') },
      { kind: 'event' as const, text: '(MÚSICA)' },
      { kind: 'speech' as const, speakerId: null, words: wordsFromText('Hace algunas semanas que vivimos aquí.') },
    ],
  };
  const islands = [
    { start: 1, end: 3 },
    { start: 6, end: 9 },
  ];

  it('marks every placed time estimated and every turn for checking', () => {
    const outcome = speechPauseOutcome(transcript, islands, 10, 'es', []);
    expect(outcome.estimated).toBe(true);
    const turns = speechTurns(outcome.transcript);
    expect(turns.map((turn) => turn.start)).toEqual([1, 6]);
    expect(turns.every((turn) => turn.timing === 'estimated' && turn.confidence === 0)).toBe(true);
    expect(turns.flatMap((turn) => turn.words).every((word) => word.timing === 'estimated' && word.start !== undefined)).toBe(true);
    expect(outcome.lowConfidence).toEqual([0, 2]);
    const event = outcome.transcript.entries[1];
    expect(event?.start).toBeGreaterThanOrEqual(3);
  });

  it('keeps hand-set turns as anchors and places the rest around them', () => {
    const anchored = {
      ...transcript,
      entries: [{ ...transcript.entries[0], start: 0.9, end: 3.1, timing: 'manual' as const }, transcript.entries[2]] as typeof transcript.entries,
    };
    const outcome = speechPauseOutcome(anchored, islands, 10, 'es', []);
    const turns = speechTurns(outcome.transcript);
    expect(turns[0]?.start).toBe(0.9);
    expect(turns[0]?.timing).toBe('manual');
    expect(turns[1]?.start).toBe(6);
    expect(outcome.lowConfidence).toEqual([1]);
  });
});
