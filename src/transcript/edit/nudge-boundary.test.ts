import { describe, expect, it } from 'vitest';
import { nudgeBoundary } from './nudge-boundary.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('nudgeBoundary', () => {
  it('moves a shared boundary on both sides', () => {
    const first = timedTurn('one two', 0); // 0–0.9
    const second = { ...timedTurn('three four', 0.9) };
    const transcript = transcriptOf(first, second, untimedTurn('third'));
    const result = nudgeBoundary(transcript, 1, 'start', 0.05);
    expect(result.entries[1]?.start).toBeCloseTo(0.95, 9);
    expect(result.entries[0]?.end).toBeCloseTo(0.95, 9);
    expect(result.entries[2]).toBe(transcript.entries[2]);
  });

  it('leaves a separate neighbour alone unless the nudge would overlap it', () => {
    const transcript = transcriptOf(timedTurn('one', 0), timedTurn('two', 2)); // first ends 0.4
    const small = nudgeBoundary(transcript, 1, 'start', -1);
    expect(small.entries[1]?.start).toBe(1);
    expect(small.entries[0]).toBe(transcript.entries[0]);
    const large = nudgeBoundary(transcript, 1, 'start', -1.8);
    expect(large.entries[1]?.start).toBeCloseTo(0.2, 9);
    expect(large.entries[0]?.end).toBeCloseTo(0.2, 9);
  });

  it('moves an end and the next entry along', () => {
    const transcript = transcriptOf(timedTurn('one', 0), eventEntry('(MUSIC)', 0.4, 3));
    const result = nudgeBoundary(transcript, 0, 'end', 0.1);
    expect(result.entries[0]?.end).toBeCloseTo(0.5, 9);
    expect(result.entries[1]?.start).toBeCloseTo(0.5, 9);
    expect(result.entries[1]?.end).toBe(3);
  });

  it('does nothing on an edge without a time or at the transcript ends', () => {
    const transcript = transcriptOf(untimedTurn('no times'), timedTurn('timed', 1));
    expect(nudgeBoundary(transcript, 0, 'start', 1)).toBe(transcript);
    expect(nudgeBoundary(transcript, 5, 'end', 1)).toBe(transcript);
    const last = nudgeBoundary(transcript, 1, 'end', 1);
    expect(last.entries[1]?.end).toBeCloseTo(2.4, 9);
    expect(last.entries[0]).toBe(transcript.entries[0]);
  });
});
