import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseWhisperXJson } from './whisperx-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawWord {
  word: string;
  start?: number;
  end?: number;
  score?: number;
  speaker?: string;
}
interface RawSegment {
  start: number;
  end: number;
  text: string;
  speaker: string;
  words: RawWord[];
}

describe('parseWhisperXJson', () => {
  const raw = JSON.parse(fixture('whisperx.json')) as { segments: RawSegment[]; word_segments: RawWord[] };
  const transcript = transcriptOf(parseWhisperXJson(fixture('whisperx.json')));

  it('makes one turn per segment with its speaker', () => {
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(raw.segments.length);
    expect(transcript.speakers).toEqual([
      { id: 'speaker-0', name: 'Speaker 0' },
      { id: 'speaker-1', name: 'Speaker 1' },
    ]);
    turns.forEach((turn, index) => {
      const segment = raw.segments[index] as RawSegment;
      expect(speakerName(transcript, turn.speakerId)).toBe(segment.speaker === 'SPEAKER_00' ? 'Speaker 0' : 'Speaker 1');
      expect(turnText(turn)).toBe(segment.text.trim());
      expect([turn.start, turn.end]).toEqual([segment.start, segment.end]);
    });
  });

  it('keeps unaligned words (numbers) untimed instead of dropping them', () => {
    const words = speechTurns(transcript).flatMap((turn) => turn.words);
    const rawWords = raw.segments.flatMap((segment) => segment.words);
    expect(words).toHaveLength(rawWords.length);
    const twenty = words.find((word) => word.text === '20');
    expect(twenty).toEqual({ text: '20' });
    const timed = words.filter((word) => word.start !== undefined);
    expect(timed.length).toBe(rawWords.filter((word) => word.start !== undefined).length);
    expect(timed.every((word) => word.confidence !== undefined && word.timing === 'file')).toBe(true);
  });

  it('reads word_segments when segments are absent', () => {
    const turns = speechTurns(transcriptOf(parseWhisperXJson(JSON.stringify({ word_segments: raw.word_segments, language: 'en' }))));
    expect(turns.flatMap((turn) => turn.words)).toHaveLength(raw.word_segments.length);
    expect(turns.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves a segment without a speaker unattributed', () => {
    const json = { segments: [{ start: 0, end: 1, text: ' Hello.', words: [{ word: 'Hello.', start: 0, end: 1, score: 0.9 }] }] };
    const [turn] = speechTurns(transcriptOf(parseWhisperXJson(JSON.stringify(json))));
    expect(turn?.speakerId).toBeNull();
  });

  it('reports a word time of the wrong type with its path', () => {
    const json = JSON.parse(fixture('whisperx.json')) as { segments: { words: { end: unknown }[] }[] };
    (json.segments[2]?.words[1] as { end: unknown }).end = 'late';
    const text = JSON.stringify(json, null, 2);
    const badLine = text.split('\n').findIndex((line) => line.includes('"end": "late"')) + 1;
    const result = parseWhisperXJson(text, { fileName: 'x.json' });
    expect(result.ok ? undefined : result.error).toEqual({
      format: 'whisperx-json',
      fileName: 'x.json',
      line: badLine,
      position: 'segments[2].words[1].end',
      message: 'segments[2].words[1].end must be a number, not the text "late"',
    });
  });
});
