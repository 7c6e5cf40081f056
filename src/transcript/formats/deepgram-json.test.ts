import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseDeepgramJson } from './deepgram-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawWord {
  word: string;
  punctuated_word: string;
  start: number;
  end: number;
  confidence: number;
  speaker: number;
}
interface RawParagraph {
  speaker: number;
  start: number;
  end: number;
  num_words: number;
  sentences: { text: string }[];
}
interface Alternative {
  words: RawWord[];
  paragraphs?: { paragraphs: RawParagraph[] };
}
interface Response {
  results: {
    channels: { alternatives: Alternative[] }[];
    utterances?: { speaker: number; start: number; end: number; confidence: number; transcript: string }[];
  };
}

const alternativeOf = (response: Response): Alternative => response.results.channels[0]?.alternatives[0] as Alternative;

describe('parseDeepgramJson: paragraphs', () => {
  const raw = JSON.parse(fixture('deepgram-paragraphs.json')) as Response;
  const paragraphs = alternativeOf(raw).paragraphs?.paragraphs ?? [];
  const transcript = transcriptOf(parseDeepgramJson(fixture('deepgram-paragraphs.json')));

  it('makes one turn per paragraph, with its speaker and times', () => {
    expect(transcript.speakers).toEqual([
      { id: 'speaker-0', name: 'Speaker 0' },
      { id: 'speaker-1', name: 'Speaker 1' },
    ]);
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(paragraphs.length);
    turns.forEach((turn, index) => {
      const paragraph = paragraphs[index] as RawParagraph;
      expect(speakerName(transcript, turn.speakerId)).toBe(`Speaker ${paragraph.speaker}`);
      expect([turn.start, turn.end]).toEqual([paragraph.start, paragraph.end]);
      expect(turnText(turn)).toBe(paragraph.sentences.map((s) => s.text).join(' '));
    });
  });

  it('shows punctuated words with the word times and confidence', () => {
    const words = speechTurns(transcript).flatMap((turn) => turn.words);
    const rawWords = alternativeOf(raw).words;
    expect(words.map((w) => [w.text, w.start, w.end, w.confidence])).toEqual(
      rawWords.map((w) => [w.punctuated_word, w.start, w.end, w.confidence]),
    );
  });

  it('places words by time when paragraph word counts do not add up', () => {
    const edited = JSON.parse(fixture('deepgram-paragraphs.json')) as Response;
    const list = alternativeOf(edited).paragraphs?.paragraphs ?? [];
    (list[0] as RawParagraph).num_words += 3;
    const result = parseDeepgramJson(JSON.stringify(edited));
    expect(result.ok && result.warnings).toHaveLength(1);
    expect(speechTurns(transcriptOf(result)).map(turnText)).toEqual(speechTurns(transcript).map(turnText));
  });
});

describe('parseDeepgramJson: utterances and bare words', () => {
  const raw = JSON.parse(fixture('deepgram-utterances.json')) as Response;
  const transcript = transcriptOf(parseDeepgramJson(fixture('deepgram-utterances.json')));

  it('makes one turn per utterance with its confidence', () => {
    const utterances = raw.results.utterances ?? [];
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(utterances.length);
    turns.forEach((turn, index) => {
      expect(turnText(turn)).toBe(utterances[index]?.transcript);
      expect(turn.confidence).toBe(utterances[index]?.confidence);
      expect(speakerName(transcript, turn.speakerId)).toBe(`Speaker ${utterances[index]?.speaker}`);
    });
  });

  it('groups bare words by speaker when there is no paragraph or utterance', () => {
    const bare = JSON.parse(fixture('deepgram-utterances.json')) as Response;
    delete bare.results.utterances;
    const turns = speechTurns(transcriptOf(parseDeepgramJson(JSON.stringify(bare))));
    expect(turns.map(turnText)).toEqual(speechTurns(transcript).map(turnText));
  });

  it('reads only the first of several channels, and says so', () => {
    const json = {
      results: {
        channels: [
          { alternatives: [{ transcript: 'left', words: [{ word: 'left', start: 0, end: 1, confidence: 0.9 }] }] },
          { alternatives: [{ transcript: 'right', words: [{ word: 'right', start: 0, end: 1, confidence: 0.9 }] }] },
        ],
        utterances: [
          { start: 0, end: 1, confidence: 0.9, channel: 0, transcript: 'left', words: [{ word: 'left', start: 0, end: 1, confidence: 0.9 }] },
          { start: 0, end: 1, confidence: 0.9, channel: 1, transcript: 'right', words: [{ word: 'right', start: 0, end: 1, confidence: 0.9 }] },
        ],
      },
    };
    const result = parseDeepgramJson(JSON.stringify(json));
    expect(result.ok && result.warnings).toEqual(['the file has 2 channels; only the first was read']);
    expect(speechTurns(transcriptOf(result)).map(turnText)).toEqual(['left']);
  });
});

describe('parseDeepgramJson: errors', () => {
  it('names the path of a bad word field', () => {
    const json = JSON.parse(fixture('deepgram-paragraphs.json')) as Response;
    (alternativeOf(json).words[7] as unknown as { speaker: unknown }).speaker = 'one';
    const result = parseDeepgramJson(JSON.stringify(json), { fileName: 'dg.json' });
    expect(result.ok ? undefined : result.error).toMatchObject({
      fileName: 'dg.json',
      position: 'results.channels[0].alternatives[0].words[7].speaker',
      message: 'results.channels[0].alternatives[0].words[7].speaker must be a number, not the text "one"',
    });
  });

  it('requires a first channel', () => {
    const result = parseDeepgramJson('{"results": {"channels": []}}');
    expect(result.ok ? undefined : result.error.message).toBe('results.channels[0] is missing (it must be an object)');
  });
});
