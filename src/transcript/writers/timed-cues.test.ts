import { describe, expect, it } from 'vitest';
import type { Transcript } from '../model.ts';
import { timedCues } from './timed-cues.ts';

describe('timedCues', () => {
  it('takes times from the entry, then its words, then the next entry, and skips untimed entries', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [
        { kind: 'speech', speakerId: null, start: 1, end: 2, words: [{ text: 'a' }] },
        { kind: 'speech', speakerId: null, words: [{ text: 'b', start: 3, end: 3.5 }, { text: 'c', start: 3.5, end: 4.25 }] },
        { kind: 'speech', speakerId: null, words: [{ text: 'untimed' }] },
        { kind: 'event', text: '(MUSIC)', start: 5 },
        { kind: 'speech', speakerId: null, start: 9, words: [{ text: 'x' }, { text: 'y' }, { text: 'z' }, { text: 'w' }] },
      ],
    };
    const { cues, skipped } = timedCues(transcript);
    expect(skipped).toBe(1);
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual([
      [1, 2],
      [3, 4.25],
      [5, 9],
      // The last entry has nothing after it: about 0.4 s per word, at least a second.
      [9, 10.6],
    ]);
  });
});
