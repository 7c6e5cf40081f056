import { describe, expect, it } from 'vitest';
import { validateTiming } from './validate-timing.ts';
import type { Entry, SpeechTurn, Transcript } from './model.ts';

function speech(start: number | undefined, end: number | undefined, words: SpeechTurn['words'] = [{ text: 'word' }]): SpeechTurn {
  const turn: SpeechTurn = { kind: 'speech', speakerId: null, words };
  if (start !== undefined) turn.start = start;
  if (end !== undefined) turn.end = end;
  return turn;
}

const of = (...entries: Entry[]): Transcript => ({ speakers: [], entries });
const kinds = (transcript: Transcript, duration?: number) => validateTiming(transcript, duration).map((issue) => [issue.entryIndex, issue.kind]);

describe('validateTiming', () => {
  it('finds nothing in a clean, partly timed or untimed transcript', () => {
    expect(validateTiming(of(speech(0, 1), speech(1, 2), speech(undefined, undefined), speech(2.5, 3)), 3)).toEqual([]);
    expect(validateTiming(of(speech(undefined, undefined)))).toEqual([]);
    expect(validateTiming(of())).toEqual([]);
  });

  it('reports an end before the start', () => {
    const [issue] = validateTiming(of(speech(0, 1), speech(5, 4)));
    expect(issue).toMatchObject({ entryIndex: 1, kind: 'end-before-start' });
    expect(issue?.message).toBe('Turn 2 ends at 0:04.000, before it starts at 0:05.000.');
  });

  it('reports overlaps on both turns, skipping untimed turns and events in between', () => {
    const transcript = of(speech(0, 10), speech(undefined, undefined), { kind: 'event', text: '(MUSIC)', start: 2, end: 30 }, speech(9.5, 12), speech(12, 13));
    expect(kinds(transcript)).toEqual([[0, 'overlap-next'], [3, 'overlap-prev']]);
    const messages = validateTiming(transcript).map((issue) => issue.message);
    expect(messages[0]).toBe('Turn 1 ends at 0:10.000, after Turn 4 starts at 0:09.500.');
    expect(messages[1]).toBe('Turn 4 starts at 0:09.500, before Turn 1 ends at 0:10.000.');
  });

  it('tolerates millisecond rounding', () => {
    expect(validateTiming(of(speech(0, 1.0004), speech(1, 2)), 2.0005)).toEqual([]);
  });

  it('compares with a previous turn that only has a start', () => {
    expect(kinds(of(speech(5, undefined), speech(3, 4)))).toEqual([[0, 'overlap-next'], [1, 'overlap-prev']]);
  });

  it('reports times past the end of the audio only when the duration is known', () => {
    const transcript = of(speech(0, 5), { kind: 'event', text: '(APPLAUSE)', start: 9, end: 11 }, speech(12, undefined));
    expect(kinds(transcript, 10)).toEqual([[1, 'past-end'], [2, 'past-end']]);
    expect(kinds(transcript)).toEqual([]);
  });

  it('reports words timed outside their turn, once per turn', () => {
    const words = [{ text: 'early', start: 0.5, end: 1 }, { text: 'fine', start: 1, end: 2 }, { text: 'late', start: 2, end: 3.5 }, { text: 'untimed' }];
    const issues = validateTiming(of(speech(1, 3, words), speech(4, 5, [{ text: 'ok', start: 4, end: 5 }])));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entryIndex: 0, kind: 'word-outside-turn' });
    expect(issues[0]?.message).toBe('Turn 1 has 2 words timed outside the turn ("early" at 0:00.500).');
  });

  it('keeps issues in entry order when several kinds mix', () => {
    const transcript = of(speech(0, 10), speech(20, 15), speech(12, 14), speech(13, 30));
    const order = validateTiming(transcript, 25).map((issue) => issue.entryIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(kinds(transcript, 25)).toEqual(
      expect.arrayContaining([[1, 'end-before-start'], [1, 'overlap-next'], [2, 'overlap-prev'], [2, 'overlap-next'], [3, 'overlap-prev'], [3, 'past-end']]),
    );
  });
});
