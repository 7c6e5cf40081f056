import { describe, expect, it } from 'vitest';
import type { EventEntry, SpeechTurn } from '../model.ts';
import { patchEntry } from './patch-entry.ts';

describe('patchEntry', () => {
  const turn: SpeechTurn = { kind: 'speech', speakerId: 'ann', start: 1, end: 2, words: [{ text: 'a' }], confidence: 0.8, timing: 'file' };

  it('applies changes to a speech turn in a fixed key order', () => {
    const next = patchEntry({ kind: 'speech', speakerId: null, words: [] } as SpeechTurn, { timing: 'manual', end: 4, start: 3 });
    expect(next).toEqual({ kind: 'speech', speakerId: null, words: [], start: 3, end: 4, timing: 'manual' });
    expect(Object.keys(next)).toEqual(['kind', 'speakerId', 'words', 'start', 'end', 'timing']);
  });

  it('keeps what is not changed and drops keys given as undefined', () => {
    const next = patchEntry(turn, { start: undefined, speakerId: 'bob' });
    expect(next).toEqual({ kind: 'speech', speakerId: 'bob', end: 2, words: turn.words, confidence: 0.8, timing: 'file' });
    expect('start' in next).toBe(false);
    expect(next.words).toBe(turn.words);
    expect(turn.start).toBe(1);
  });

  it('patches events', () => {
    const event: EventEntry = { kind: 'event', text: '(MUSIC)', start: 1 };
    expect(patchEntry(event, { text: '(APPLAUSE)', end: 3 })).toEqual({ kind: 'event', text: '(APPLAUSE)', start: 1, end: 3 });
    expect(patchEntry(event, { start: undefined })).toEqual({ kind: 'event', text: '(MUSIC)' });
  });
});
