import { describe, expect, it } from 'vitest';
import { readAlongMarkup } from '../transcript/writers/read-along-markup.ts';
import { selectedPassage } from './selected-passage.ts';
import { timelineFromMarkup } from './markup-timeline.ts';
import type { Transcript, Word } from '../transcript/model.ts';

const transcript: Transcript = {
  speakers: [{ id: 'a', name: 'Ann' }],
  entries: [
    { kind: 'speech', speakerId: 'a', words: [{ text: 'one', start: 1, end: 1.5 }, { text: 'two', start: 1.5, end: 2 }, { text: 'three', start: 2, end: 3 }] },
    { kind: 'event', text: '(MUSIC)', start: 3, end: 4 },
    { kind: 'speech', speakerId: null, words: [{ text: 'four', start: 4, end: 4.5 }, { text: 'five', paragraph: true } as Word, { text: 'six', start: 5, end: 6 }] },
  ],
};

function render(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = readAlongMarkup(transcript);
  document.body.replaceChildren(root);
  return root;
}

function select(from: Node, fromOffset: number, to: Node, toOffset: number): Selection {
  const selection = window.getSelection()!;
  const range = document.createRange();
  range.setStart(from, fromOffset);
  range.setEnd(to, toOffset);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('read-along markup', () => {
  it('gives turns and words the app’s hooks and reads back the same timeline', () => {
    const root = render();
    expect([...root.querySelectorAll('[data-turn-index]')].map((turn) => turn.getAttribute('data-start'))).toEqual(['1', '4']);
    expect(root.querySelectorAll('.vp-word')).toHaveLength(6);
    expect(root.querySelectorAll('.vp-para')).toHaveLength(1);
    const timeline = timelineFromMarkup(root);
    const times = (value: Transcript) => value.entries.flatMap((entry) => (entry.kind === 'speech' ? entry.words.map((word) => [word.start, word.end]) : []));
    expect(times(timeline)).toEqual(times(transcript));
  });
});

describe('selectedPassage', () => {
  it('spans from the first selected timed word’s start to the last one’s end, across turns', () => {
    const root = render();
    const words = root.querySelectorAll('.vp-word');
    expect(selectedPassage(select(words[1]!.firstChild!, 1, words[3]!.firstChild!, 2), root, '.vp-word[data-start]')).toEqual({ start: 1.5, end: 4.5 });
  });

  it('ignores a word the selection only touches at its edge, and collapsed or outside selections', () => {
    const root = render();
    const words = root.querySelectorAll('.vp-word');
    expect(selectedPassage(select(words[0]!.firstChild!, 3, words[2]!.firstChild!, 0), root, '.vp-word[data-start]')).toEqual({ start: 1.5, end: 2 });
    expect(selectedPassage(select(words[0]!.firstChild!, 1, words[0]!.firstChild!, 1), root, '.vp-word[data-start]')).toBeUndefined();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(selectedPassage(select(outside.firstChild!, 0, outside.firstChild!, 4), root, '.vp-word[data-start]')).toBeUndefined();
  });
});
