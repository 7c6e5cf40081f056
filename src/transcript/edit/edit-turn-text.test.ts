import { describe, expect, it } from 'vitest';
import { turnTextWithParagraphs, type SpeechTurn, type Transcript } from '../model.ts';
import { editTurnText } from './edit-turn-text.ts';
import { makeWord } from './make-word.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

describe('editTurnText', () => {
  it('edits one turn and keeps the others identical', () => {
    const transcript = transcriptOf(timedTurn('first turn here', 0), timedTurn('second turn here', 2), eventEntry('(MUSIC)', 4, 5));
    const result = editTurnText(transcript, 1, 'second turn there');
    const edited = result.entries[1] as SpeechTurn;
    expect(edited.words.map((word) => word.text)).toEqual(['second', 'turn', 'there']);
    expect(edited.start).toBe(2);
    expect(edited.timing).toBe('aligned');
    expect(result.entries[0]).toBe(transcript.entries[0]);
    expect(result.entries[2]).toBe(transcript.entries[2]);
    expect(result.speakers).toBe(transcript.speakers);
  });

  it('keeps an untimed turn untimed', () => {
    const result = editTurnText(transcriptOf(untimedTurn('hello world')), 0, 'hello there world');
    expect((result.entries[0] as SpeechTurn).words.some((word) => word.start !== undefined)).toBe(false);
  });

  it('edits event text', () => {
    const result = editTurnText(transcriptOf(eventEntry('(MUSIC)', 1, 2)), 0, ' (SOUNDBITE OF MUSIC) ');
    expect(result.entries[0]).toMatchObject({ kind: 'event', text: '(SOUNDBITE OF MUSIC)', start: 1, end: 2 });
  });

  it('fills a turn that had no words, untimed', () => {
    const result = editTurnText(transcriptOf({ ...untimedTurn(''), start: 1, end: 2 }), 0, 'now with words');
    expect((result.entries[0] as SpeechTurn).words).toEqual([{ text: 'now' }, { text: 'with' }, { text: 'words' }]);
  });

  it('allows emptying a turn', () => {
    const result = editTurnText(transcriptOf(timedTurn('going away', 0)), 0, '   ');
    expect((result.entries[0] as SpeechTurn).words).toEqual([]);
    expect(result.entries[0]?.start).toBe(0);
  });

  it('returns the transcript itself for unchanged text or a bad index', () => {
    const transcript = transcriptOf(timedTurn('same text', 0), eventEntry('(MUSIC)'));
    expect(editTurnText(transcript, 0, 'same   text')).toBe(transcript);
    expect(editTurnText(transcript, 1, '(MUSIC)')).toBe(transcript);
    expect(editTurnText(transcript, 2, 'x')).toBe(transcript);
  });
});

describe('editTurnText paragraphs', () => {
  const base: Transcript = {
    speakers: [],
    entries: [{ kind: 'speech', speakerId: null, start: 0, end: 3, words: [makeWord('one', 0, 1), makeWord('two', 1, 2), makeWord('three', 2, 3)] }],
  };
  it('turns a line break into paragraph: true on the next word and keeps times', () => {
    const result = editTurnText(base, 0, 'one two\nthree');
    const words = (result.entries[0] as SpeechTurn).words;
    expect(words.map((word) => word.paragraph)).toEqual([undefined, undefined, true]);
    expect(words[2]).toMatchObject({ text: 'three', start: 2, end: 3 });
    expect(words[0]).toBe((base.entries[0] as SpeechTurn).words[0]);
  });
  it('removes a paragraph when the line break is deleted, and never flags the first word', () => {
    const withBreak = editTurnText(base, 0, '\n\none\n\ntwo three');
    expect((withBreak.entries[0] as SpeechTurn).words.map((word) => word.paragraph)).toEqual([undefined, true, undefined]);
    const joined = editTurnText(withBreak, 0, 'one two three');
    expect((joined.entries[0] as SpeechTurn).words.some((word) => word.paragraph)).toBe(false);
  });
  it('reads back the text it shows: turnTextWithParagraphs', () => {
    const edited = editTurnText(base, 0, 'one\ntwo three');
    expect(turnTextWithParagraphs(edited.entries[0] as SpeechTurn)).toBe('one\ntwo three');
    expect(editTurnText(edited, 0, 'one\ntwo three')).toBe(edited);
  });
});
