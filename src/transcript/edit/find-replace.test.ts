import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SpeechTurn } from '../model.ts';
import { findError, findMatches, findReplace } from './find-replace.ts';
import { eventEntry, timedTurn, transcriptOf, untimedTurn } from './transcript-fixture.ts';

const texts = (transcript: { entries: unknown[] }) =>
  transcript.entries.map((entry) => {
    const e = entry as SpeechTurn | { kind: 'event'; text: string };
    return e.kind === 'speech' ? e.words.map((word) => word.text).join(' ') : e.text;
  });

describe('findMatches', () => {
  const transcript = transcriptOf(
    untimedTurn('The cat sat on the mat.'),
    eventEntry('(SOUNDBITE OF THE CAT)'),
    untimedTurn('Then there was theory'),
  );

  it('finds case-insensitively by default, in document order, with word and char ranges', () => {
    const matches = findMatches(transcript, 'the');
    expect(matches.map((match) => [match.entryIndex, match.wordStart, match.wordEnd])).toEqual([
      [0, 0, 1], [0, 4, 5], [1, 2, 3], [2, 0, 1], [2, 1, 2], [2, 3, 4],
    ]);
    expect(matches[1]).toMatchObject({ charStart: 15, charEnd: 18 });
  });

  it('honours case sensitivity and whole words', () => {
    expect(findMatches(transcript, 'The', { caseSensitive: true })).toHaveLength(2);
    expect(findMatches(transcript, 'the', { wholeWord: true }).map((match) => match.entryIndex)).toEqual([0, 0, 1]);
    expect(findMatches(transcript, 'mat', { wholeWord: true })).toHaveLength(1); // "mat." — punctuation is not a word character
  });

  it('spans words and locates matches that start or end on a space', () => {
    const [match] = findMatches(transcript, 'sat on the');
    expect(match).toMatchObject({ entryIndex: 0, wordStart: 2, wordEnd: 5 });
    const [spaced] = findMatches(transcript, ' on ', { regex: true });
    expect(spaced).toMatchObject({ wordStart: 3, wordEnd: 4 });
    const [withinWord] = findMatches(transcript, 'eor');
    expect(withinWord).toMatchObject({ entryIndex: 2, wordStart: 3, wordEnd: 4, charStart: 17, charEnd: 20 });
  });

  it('supports regular expressions and skips empty matches', () => {
    expect(findMatches(transcript, String.raw`\bth\w+`, { regex: true, caseSensitive: true }).map((match) => [match.entryIndex, match.charStart])).toEqual([[0, 15], [2, 5], [2, 15]]);
    expect(findMatches(transcript, 'x*', { regex: true })).toEqual([]);
  });

  it('treats special characters literally unless regex is on', () => {
    const dotted = transcriptOf(untimedTurn('U.S. and UxS (maybe) $5'));
    expect(findMatches(dotted, 'U.S')).toHaveLength(1);
    expect(findMatches(dotted, '(maybe)')).toHaveLength(1);
    expect(findMatches(dotted, '$5')).toHaveLength(1);
    expect(findMatches(dotted, 'U.S', { regex: true })).toHaveLength(2);
  });

  it('reports invalid regular expressions instead of throwing', () => {
    expect(findError('(unclosed', { regex: true })).toBeTruthy();
    expect(findError('(unclosed')).toBeUndefined();
    expect(findMatches(transcript, '(unclosed', { regex: true })).toEqual([]);
    expect(findMatches(transcript, '   ')).toEqual([]);
  });
});

describe('findReplace', () => {
  it('replaces across turns and events, keeping word times and untouched entries', () => {
    const timed = timedTurn('we spoke with maduro and maduro agreed', 10);
    const untouched = untimedTurn('nothing here');
    const transcript = transcriptOf(timed, untouched, eventEntry('(SOUNDBITE OF maduro SPEECH)'));
    const { transcript: result, count } = findReplace(transcript, 'maduro', 'Maduro', { caseSensitive: true });
    expect(count).toBe(3);
    expect(texts(result)).toEqual(['we spoke with Maduro and Maduro agreed', 'nothing here', '(SOUNDBITE OF Maduro SPEECH)']);
    expect(result.entries[1]).toBe(untouched);
    const words = (result.entries[0] as SpeechTurn).words;
    words.forEach((word, i) => {
      expect(word.start).toBe(timed.words[i]?.start);
      expect(word.end).toBe(timed.words[i]?.end);
      if (word.text !== 'Maduro') expect(word).toBe(timed.words[i]);
    });
  });

  it('can change the number of words and re-estimate only inside the replaced span', () => {
    const timed = timedTurn('in the US today', 0); // US 1–1.4
    const { transcript: result } = findReplace(transcriptOf(timed), 'US', 'United States', { wholeWord: true, caseSensitive: true });
    const words = (result.entries[0] as SpeechTurn).words;
    expect(words.map((word) => word.text)).toEqual(['in', 'the', 'United', 'States', 'today']);
    expect(words[2]?.start).toBe(1);
    expect(words[3]?.end).toBe(1.4);
    expect(words[4]).toBe(timed.words[3]);
  });

  it('deletes words with an empty replacement', () => {
    const { transcript: result, count } = findReplace(transcriptOf(untimedTurn('um so um we go')), 'um ', '');
    expect(count).toBe(2);
    expect(texts(result)).toEqual(['so we go']);
  });

  it('expands regex groups and keeps literal dollars in literal mode', () => {
    const transcript = transcriptOf(untimedTurn('Smith, John and Doe, Jane'));
    const swapped = findReplace(transcript, String.raw`(\w+), (?<first>\w+)`, '$<first> $1', { regex: true }).transcript;
    expect(texts(swapped)).toEqual(['John Smith and Jane Doe']);
    expect(texts(findReplace(transcript, 'John', '$1 $&').transcript)).toEqual(['Smith, $1 $& and Doe, Jane']);
    expect(texts(findReplace(transcript, 'and', '$$ $`', { regex: true }).transcript)).toEqual(['Smith, John $ Smith, John Doe, Jane']);
  });

  it('returns the transcript itself when nothing matches or the search is invalid', () => {
    const transcript = transcriptOf(untimedTurn('hello'));
    expect(findReplace(transcript, 'absent', 'x')).toEqual({ transcript, count: 0 });
    expect(findReplace(transcript, '[', 'x', { regex: true })).toEqual({ transcript, count: 0 });
    expect(findReplace(transcript, '', 'x').transcript).toBe(transcript);
  });

  it('keeps the paragraph breaks of a turn it changes', () => {
    const turn = timedTurn('the cat sat there the dog ran', 0);
    const words = turn.words.map((word, index) => (index === 4 ? { ...word, paragraph: true as const } : word));
    const { transcript, count } = findReplace(transcriptOf({ ...turn, words }), 'the', 'a', { wholeWord: true });
    expect(count).toBe(2);
    const changed = transcript.entries[0] as SpeechTurn;
    expect(changed.words.map((word) => word.text)).toEqual(['a', 'cat', 'sat', 'there', 'a', 'dog', 'ran']);
    expect(changed.words.map((word) => word.paragraph === true)).toEqual([false, false, false, false, true, false, false]);
    expect(changed.words[1]).toBe(words[1]);
  });

  it('replaces a word by a word in place: the text a plain string replacement gives, every word keeping its times', () => {
    const token = fc.constantFrom('the', 'The', 'there', 'then', 'a', 'cat.', 'the,', 'bathe');
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), fc.constantFrom('the', 'a', 'at'), fc.constantFrom('thee', 'A', 'x'), fc.boolean(), fc.boolean(), (tokens, find, replace, wholeWord, caseSensitive) => {
        const turn = timedTurn(tokens.join(' '), 5);
        const { transcript, count } = findReplace(transcriptOf(turn), find, replace, { wholeWord, caseSensitive });
        const bound = wholeWord ? String.raw`(?<![\p{L}\p{N}\p{M}_])${find}(?![\p{L}\p{N}\p{M}_])` : find;
        const pattern = new RegExp(bound, caseSensitive ? 'gu' : 'giu');
        expect(texts(transcript)).toEqual([tokens.join(' ').replace(pattern, replace)]);
        expect(count).toBe([...tokens.join(' ').matchAll(pattern)].length);
        const words = (transcript.entries[0] as SpeechTurn).words;
        expect(words.map((word) => [word.start, word.end])).toEqual(turn.words.map((word) => [word.start, word.end]));
        words.forEach((word, i) => {
          if (word.text === turn.words[i]!.text) expect(word).toBe(turn.words[i]);
        });
      }),
    );
  });
});
