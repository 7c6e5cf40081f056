/**
 * The timing skeleton of pre-rendered read-along markup (the HTML export), read
 * back from its `data-start`/`data-end` hooks so the time index can be built
 * without shipping the transcript twice.
 */
import type { SpeechTurn, Transcript, Word } from '../transcript/model.ts';

function readSeconds(element: Element, name: string): number | undefined {
  const raw = element.getAttribute(name);
  const value = raw === null || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function timelineFromMarkup(list: Element): Transcript {
  const entries: SpeechTurn[] = [];
  for (const turn of list.querySelectorAll('.vp-turn')) {
    const words: Word[] = [];
    for (const word of turn.querySelectorAll('.vp-word')) {
      words.push({ text: '', start: readSeconds(word, 'data-start'), end: readSeconds(word, 'data-end') });
    }
    entries.push({ kind: 'speech', speakerId: null, start: readSeconds(turn, 'data-start'), end: readSeconds(turn, 'data-end'), words });
  }
  return { speakers: [], entries };
}
