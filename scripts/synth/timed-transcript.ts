import type { Entry, Transcript } from '../../src/transcript/model.ts';
import type { Span, TimedTurn } from './timeline.ts';

/** Times in ground truth are whole milliseconds. */
export function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Puts measured times onto a parsed transcript, entry by entry in order: speech entries
 * take the next voiced turn, events the next sound span. The words must be the ones that
 * were voiced, token for token, so the truth is keyed by exactly what the app parses.
 */
export function applyTimes(transcript: Transcript, turns: readonly TimedTurn[], events: readonly Span[]): Transcript {
  let turnIndex = 0;
  let eventIndex = 0;
  const entries: Entry[] = transcript.entries.map((entry) => {
    if (entry.kind === 'event') {
      const span = events[eventIndex++];
      if (!span) throw new Error(`no sound was placed for event "${entry.text}"`);
      return { ...entry, start: roundMs(span.start), end: roundMs(span.end), timing: 'file' };
    }
    const turn = turns[turnIndex++];
    if (!turn) throw new Error(`no voiced turn for entry starting "${entry.words.slice(0, 4).map((w) => w.text).join(' ')}"`);
    if (turn.words.length !== entry.words.length || turn.words.some((word, i) => word.text !== entry.words[i]!.text)) {
      throw new Error(
        `voiced turn ${turnIndex} does not match the parsed text: "${turn.words.map((w) => w.text).join(' ')}" vs "${entry.words.map((w) => w.text).join(' ')}"`,
      );
    }
    return {
      ...entry,
      start: roundMs(turn.start),
      end: roundMs(turn.end),
      timing: 'file',
      words: turn.words.map((word) => ({ text: word.text, start: roundMs(word.start), end: roundMs(word.end), timing: 'file' as const })),
    };
  });
  if (turnIndex !== turns.length) throw new Error(`${turns.length - turnIndex} voiced turns have no entry in the transcript`);
  if (eventIndex !== events.length) throw new Error(`${events.length - eventIndex} event sounds have no entry in the transcript`);
  return { ...transcript, entries };
}
