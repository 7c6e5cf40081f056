import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSpeech, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseWhisperJson, whisperLanguage } from './whisper-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

describe('parseWhisperJson: API verbose_json with word granularity', () => {
  const raw = JSON.parse(fixture('whisper-api-verbose.json')) as {
    segments: { start: number; end: number; text: string }[];
    words: { word: string; start: number; end: number }[];
  };
  const transcript = transcriptOf(parseWhisperJson(fixture('whisper-api-verbose.json')));

  it('makes one unattributed turn per segment with the segment times', () => {
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(raw.segments.length);
    expect(transcript.speakers).toEqual([]);
    turns.forEach((turn, index) => {
      expect(turn.speakerId).toBeNull();
      expect(turn.start).toBe(raw.segments[index]?.start);
      expect(turn.end).toBe(raw.segments[index]?.end);
      expect(turn.timing).toBe('file');
    });
  });

  it('keeps every top-level word with its times and spells it as the segment text does', () => {
    const words = speechTurns(transcript).flatMap((turn) => turn.words);
    expect(words.map((word) => [word.start, word.end])).toEqual(raw.words.map((word) => [word.start, word.end]));
    expect(words.every((word) => word.timing === 'file')).toBe(true);
    speechTurns(transcript).forEach((turn, index) => {
      expect(turnText(turn)).toBe(raw.segments[index]?.text.trim());
    });
  });

  it('maps the language name to a BCP-47 tag', () => {
    expect(transcript.language).toBe('en');
    expect(whisperLanguage('haitian creole')).toBe('ht');
    expect(whisperLanguage('javanese')).toBe('jv');
    expect(whisperLanguage('de')).toBe('de');
    expect(whisperLanguage(42)).toBeUndefined();
  });

  it('places words by text even when segment times overlap the next segment', () => {
    const json = {
      text: 'Hi there. How are you?',
      segments: [
        { id: 0, start: 0, end: 1.5, text: ' Hi there.' },
        { id: 1, start: 1.0, end: 3, text: ' How are you?' },
      ],
      words: [
        { word: 'Hi', start: 0.1, end: 0.4 },
        { word: 'there', start: 0.5, end: 1.2 },
        { word: 'How', start: 1.3, end: 1.6 },
        { word: 'are', start: 1.7, end: 1.9 },
        { word: 'you', start: 2.0, end: 2.4 },
      ],
    };
    const turns = speechTurns(transcriptOf(parseWhisperJson(JSON.stringify(json))));
    expect(turns.map(turnText)).toEqual(['Hi there.', 'How are you?']);
  });

  it('attaches free-standing punctuation tokens and keeps words the text lacks', () => {
    const json = {
      text: 'It went back — and forth.',
      segments: [{ id: 0, start: 0, end: 3, text: ' It went back — and forth.' }],
      words: [
        { word: 'It', start: 0, end: 0.2 },
        { word: 'went', start: 0.2, end: 0.5 },
        { word: 'back', start: 0.5, end: 0.9 },
        { word: 'uh', start: 1.0, end: 1.1 },
        { word: 'and', start: 1.2, end: 1.4 },
        { word: 'forth', start: 1.4, end: 1.9 },
      ],
    };
    const [turn] = speechTurns(transcriptOf(parseWhisperJson(JSON.stringify(json))));
    expect(turn?.words.map((word) => word.text)).toEqual(['It', 'went', 'back—', 'uh', 'and', 'forth.']);
  });

  it('cuts a words-only response (no segments) into punctuated paragraphs', () => {
    const json = { task: 'transcribe', language: 'english', duration: 25, text: (raw as unknown as { text: string }).text, words: raw.words };
    const turns = speechTurns(transcriptOf(parseWhisperJson(JSON.stringify(json))));
    const words = turns.flatMap((turn) => turn.words);
    expect(words).toHaveLength(raw.words.length);
    expect(words[4]?.text).toBe('show.');
    expect(turns.length).toBeGreaterThan(1);
    expect(turns.every((turn) => turn.start !== undefined && turn.end !== undefined)).toBe(true);
  });
});

describe('parseWhisperJson: openai-whisper CLI with word timestamps', () => {
  const raw = JSON.parse(fixture('whisper-cli-words.json')) as {
    segments: { text: string; words: { word: string; start: number; end: number; probability: number }[] }[];
  };
  const transcript = transcriptOf(parseWhisperJson(fixture('whisper-cli-words.json'), { fileName: 'ep12.json' }));

  it('turns a whole-segment sound description into an event entry', () => {
    expect(transcript.entries[0]).toEqual({ kind: 'event', text: '(upbeat music)', start: 0, end: 0.3, timing: 'file' });
  });

  it('trims the leading spaces of words and keeps probability as confidence', () => {
    const turns = transcript.entries.filter(isSpeech);
    const words = turns.flatMap((turn) => turn.words);
    const rawWords = raw.segments.slice(1).flatMap((segment) => segment.words);
    expect(words.map((word) => word.text)).toEqual(rawWords.map((word) => word.word.trim()));
    expect(words.map((word) => word.confidence)).toEqual(rawWords.map((word) => word.probability));
    expect(transcript.language).toBe('en');
  });

  it('falls back to untimed words for a segment without words', () => {
    const json = { text: ' Hello there.', segments: [{ id: 0, start: 1, end: 2, text: ' Hello there.' }], language: 'en' };
    const [turn] = speechTurns(transcriptOf(parseWhisperJson(JSON.stringify(json))));
    expect(turn?.words).toEqual([{ text: 'Hello' }, { text: 'there.' }]);
    expect([turn?.start, turn?.end]).toEqual([1, 2]);
  });
});

describe('parseWhisperJson: errors', () => {
  it('names the JSON path and the file for a wrongly typed field', () => {
    const json = JSON.parse(fixture('whisper-cli-words.json')) as { segments: { start: unknown }[] };
    (json.segments[2] as { start: unknown }).start = '4.2';
    const text = JSON.stringify(json, null, 2);
    const badLine = text.split('\n').findIndex((line) => line.includes('"start": "4.2"')) + 1;
    const result = parseWhisperJson(text, { fileName: 'ep12.json' });
    expect(badLine).toBeGreaterThan(1);
    expect(result).toEqual({
      ok: false,
      error: {
        format: 'whisper-json',
        fileName: 'ep12.json',
        line: badLine,
        position: 'segments[2].start',
        message: 'segments[2].start must be a number, not the text "4.2"',
      },
    });
  });

  it('names the path of a word inside a segment', () => {
    const json = JSON.parse(fixture('whisper-cli-words.json')) as { segments: { words: { word: unknown }[] }[] };
    (json.segments[1]?.words[3] as { word: unknown }).word = null;
    const result = parseWhisperJson(JSON.stringify(json));
    expect(result.ok ? undefined : result.error.position).toBe('segments[1].words[3].word');
  });

  it('reports invalid JSON with a line and column', () => {
    const result = parseWhisperJson('{\n  "segments": [\n    {"start": 1,, "end": 2}\n  ]\n}', { fileName: 'bad.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(3);
    expect(result.error.position).toBe(17);
    expect(result.error.message).toMatch(/^not valid JSON/u);
    expect(result.error.fileName).toBe('bad.json');
  });

  it('rejects JSON that is not Whisper output', () => {
    expect(parseWhisperJson('[1, 2]').ok).toBe(false);
    expect(parseWhisperJson('{"monologues": []}').ok).toBe(false);
    expect(parseWhisperJson('').ok).toBe(false);
  });

  it('warns when only text is present', () => {
    const result = parseWhisperJson('{"text": "Just text. Nothing else."}');
    expect(result.ok && result.warnings.length).toBe(1);
    expect(speechTurns(transcriptOf(result))[0]?.words.every((word) => word.start === undefined)).toBe(true);
  });
});
