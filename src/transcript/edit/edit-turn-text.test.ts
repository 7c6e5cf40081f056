import { describe, expect, it } from 'vitest';
import type { SpeechTurn } from '../model.ts';
import { editTurnText } from './edit-turn-text.ts';
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
