import { describe, expect, it } from 'vitest';
import type { SpeechTurn } from '../model.ts';
import { tapSync } from './tap-sync.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('tapSync', () => {
  it('syncs an untimed transcript turn by turn, closing each previous turn', () => {
    let transcript = transcriptOf(untimedTurn('first turn'), untimedTurn('second turn', 'bob'), untimedTurn('third turn'));
    transcript = tapSync(transcript, 0, 1);
    transcript = tapSync(transcript, 1, 4);
    transcript = tapSync(transcript, 2, 7.5);
    expect(transcript.entries.map((entry) => [entry.start, entry.end])).toEqual([[1, 4], [4, 7.5], [7.5, undefined]]);
    for (const entry of transcript.entries) expect(entry.timing).toBe('manual');
    // Untimed words stay untimed; estimating them is a separate, explicit step.
    expect((transcript.entries[0] as SpeechTurn).words.every((word) => word.start === undefined)).toBe(true);
  });

  it('skips events when closing the previous speech turn', () => {
    const music = eventEntry('(MUSIC)');
    const transcript = transcriptOf(untimedTurn('before'), music, untimedTurn('after'));
    const result = tapSync(transcript, 2, 10);
    expect(result.entries[0]?.end).toBe(10);
    expect(result.entries[1]).toBe(music);
  });

  it('pulls back a previous end that runs past the tap, re-fitting its words', () => {
    const previous = timedTurn('one two three four', 0); // ends 1.9
    const result = tapSync(transcriptOf(previous, untimedTurn('next')), 1, 1.2);
    const closed = result.entries[0] as SpeechTurn;
    expect(closed.end).toBe(1.2);
    expect(closed.words[0]).toBe(previous.words[0]);
    expect(closed.words.every((word) => (word.end ?? 0) <= 1.2)).toBe(true);
  });

  it('keeps an earlier previous end and an out-of-order previous turn', () => {
    const early = timedTurn('early', 0); // ends 0.4
    const kept = tapSync(transcriptOf(early, untimedTurn('next')), 1, 3);
    expect(kept.entries[0]).toBe(early);
    const late = timedTurn('late', 5);
    const outOfOrder = tapSync(transcriptOf(late, untimedTurn('next')), 1, 3);
    expect(outOfOrder.entries[0]).toBe(late);
    expect(outOfOrder.entries[1]?.start).toBe(3);
  });

  it('works on the first entry and ignores bad input', () => {
    const transcript = transcriptOf(untimedTurn('only'));
    expect(tapSync(transcript, 0, 2).entries[0]?.start).toBe(2);
    expect(tapSync(transcript, 3, 2)).toBe(transcript);
    expect(tapSync(transcript, 0, Number.POSITIVE_INFINITY)).toBe(transcript);
  });
});
