/** Builders for the edit-operation tests: small readable transcripts and a large one for the scale test. */
import { makeWord } from './make-word.ts';
import { tokenize, wordsFromText, type EventEntry, type SpeechTurn, type Transcript, type Word } from '../model.ts';

/** A turn whose words are back to back, `wordLength` seconds each with `gap` between them. */
export function timedTurn(text: string, start: number, speakerId: string | null = 'ann', wordLength = 0.4, gap = 0.1): SpeechTurn {
  const words: Word[] = tokenize(text).map((token, i) =>
    makeWord(token, start + i * (wordLength + gap), start + i * (wordLength + gap) + wordLength, 'aligned'),
  );
  return { kind: 'speech', speakerId, start, end: words.at(-1)?.end ?? start, words, timing: 'aligned' };
}

export function untimedTurn(text: string, speakerId: string | null = 'ann'): SpeechTurn {
  return { kind: 'speech', speakerId, words: wordsFromText(text) };
}

export function eventEntry(text: string, start?: number, end?: number): EventEntry {
  const event: EventEntry = { kind: 'event', text };
  if (start !== undefined) event.start = start;
  if (end !== undefined) event.end = end;
  return event;
}

export function transcriptOf(...entries: (SpeechTurn | EventEntry)[]): Transcript {
  return {
    speakers: [
      { id: 'ann', name: 'Ann Arbor' },
      { id: 'bob', name: 'Bob Barker', role: 'HOST' },
    ],
    entries,
  };
}

/** `turns` timed turns of `wordsPerTurn` words each, alternating speakers, every tenth turn an event. */
export function largeTranscript(turns = 3000, wordsPerTurn = 10): Transcript {
  const entries: (SpeechTurn | EventEntry)[] = [];
  let time = 0;
  for (let i = 0; i < turns; i++) {
    if (i % 10 === 9) {
      entries.push(eventEntry('(SOUNDBITE OF MUSIC)', time, time + 2));
      time += 2.5;
      continue;
    }
    const text = Array.from({ length: wordsPerTurn }, (_, j) => (j === 0 ? `Turn${i}` : `word${j}`)).join(' ');
    const turn = timedTurn(text, time, i % 2 === 0 ? 'ann' : 'bob');
    entries.push(turn);
    time = (turn.end ?? time) + 0.5;
  }
  return transcriptOf(...entries);
}
