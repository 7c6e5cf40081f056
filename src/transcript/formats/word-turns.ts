/**
 * Groups a stream of timed words (one speaker label each) into speech turns, for word-level
 * formats that have no paragraphs of their own (podcast JSON with one word per segment).
 */
import type { Word } from '../model.ts';
import type { TranscriptBuilder } from './transcript-builder.ts';

export interface LabelledWord {
  word: Word;
  speaker: string | undefined;
  /** The source marks the end of a paragraph after this word (e.g. a body ending in `\n`). */
  breakAfter?: boolean;
}

/** A silence this long starts a new turn even when the speaker stays the same. */
const TURN_GAP_SECONDS = 2;
/** Past this many words, a turn ends at the next sentence end so turns stay readable. */
const LONG_TURN_WORDS = 80;

export function addWordTurns(builder: TranscriptBuilder, words: readonly LabelledWord[]): void {
  let turn: Word[] = [];
  let speaker: string | undefined;
  const flush = (): void => {
    if (turn.length === 0) return;
    const first = turn[0];
    const last = turn[turn.length - 1];
    builder.addTurn({ speakerId: builder.speakerId(speaker), start: first?.start, end: last?.end, words: turn, timing: 'file' });
    turn = [];
  };
  words.forEach((item, index) => {
    const previous = turn[turn.length - 1];
    if (previous) {
      const gap = item.word.start !== undefined && previous.end !== undefined ? item.word.start - previous.end : 0;
      const sentenceEnd = /[.?!…]["”’')\]]*$/u.test(previous.text);
      if (
        item.speaker !== speaker ||
        gap >= TURN_GAP_SECONDS ||
        words[index - 1]?.breakAfter === true ||
        (turn.length >= LONG_TURN_WORDS && sentenceEnd)
      ) {
        flush();
      }
    }
    speaker = item.speaker;
    turn.push(item.word);
  });
  flush();
}
