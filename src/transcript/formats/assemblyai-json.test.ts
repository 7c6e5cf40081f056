import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseAssemblyAiJson } from './assemblyai-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
  speaker: string | null;
}
interface RawUtterance {
  speaker: string;
  start: number;
  end: number;
  confidence: number;
  text: string;
  words: RawWord[];
}

describe('parseAssemblyAiJson: utterances', () => {
  const raw = JSON.parse(fixture('assemblyai-utterances.json')) as { utterances: RawUtterance[]; words: RawWord[] };
  const transcript = transcriptOf(parseAssemblyAiJson(fixture('assemblyai-utterances.json'), { fileName: 'a.json' }));

  it('makes one turn per utterance, named Speaker A, Speaker B', () => {
    expect(transcript.speakers).toEqual([
      { id: 'speaker-a', name: 'Speaker A' },
      { id: 'speaker-b', name: 'Speaker B' },
    ]);
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(raw.utterances.length);
    turns.forEach((turn, index) => {
      const utterance = raw.utterances[index] as RawUtterance;
      expect(speakerName(transcript, turn.speakerId)).toBe(`Speaker ${utterance.speaker}`);
      expect(turnText(turn)).toBe(utterance.text);
      expect([turn.start, turn.end]).toEqual([utterance.start / 1000, utterance.end / 1000]);
      expect(turn.confidence).toBe(utterance.confidence);
    });
  });

  it('converts word milliseconds to seconds and keeps confidence', () => {
    const first = speechTurns(transcript)[0]?.words[0];
    const rawFirst = raw.utterances[0]?.words[0] as RawWord;
    expect(first).toEqual({ text: rawFirst.text, start: rawFirst.start / 1000, end: rawFirst.end / 1000, confidence: rawFirst.confidence, timing: 'file' });
    expect(transcript.language).toBe('en-US');
  });
});

describe('parseAssemblyAiJson: words only', () => {
  const raw = JSON.parse(fixture('assemblyai-words-only.json')) as { words: RawWord[]; text: string };
  const transcript = transcriptOf(parseAssemblyAiJson(fixture('assemblyai-words-only.json')));

  it('cuts unattributed words into timed paragraphs without losing any', () => {
    const turns = speechTurns(transcript);
    expect(transcript.speakers).toEqual([]);
    expect(turns.every((turn) => turn.speakerId === null)).toBe(true);
    expect(turns.map(turnText).join(' ')).toBe(raw.text);
    expect(turns.length).toBeGreaterThan(1);
  });

  it('groups consecutive same-speaker words into turns when words carry speakers', () => {
    const json = {
      status: 'completed',
      words: [
        { text: 'Hi.', start: 0, end: 400, confidence: 0.9, speaker: 'A' },
        { text: 'Hello', start: 600, end: 900, confidence: 0.9, speaker: 'B' },
        { text: 'there.', start: 900, end: 1200, confidence: 0.8, speaker: 'B' },
        { text: 'Bye.', start: 1500, end: 1800, confidence: 0.7, speaker: 'A' },
      ],
    };
    const t = transcriptOf(parseAssemblyAiJson(JSON.stringify(json)));
    expect(speechTurns(t).map((turn) => [speakerName(t, turn.speakerId), turnText(turn)])).toEqual([
      ['Speaker A', 'Hi.'],
      ['Speaker B', 'Hello there.'],
      ['Speaker A', 'Bye.'],
    ]);
  });
});

describe('parseAssemblyAiJson: errors', () => {
  it('explains a failed or unfinished transcript', () => {
    const failed = parseAssemblyAiJson('{"id": "x", "status": "error", "error": "Download error, unable to download audio"}');
    expect(failed.ok ? '' : failed.error.message).toBe('AssemblyAI reports that this transcript failed: Download error, unable to download audio');
    const queued = parseAssemblyAiJson('{"id": "x", "status": "queued", "words": null}');
    expect(queued.ok ? '' : queued.error.message).toMatch(/not finished yet/u);
  });

  it('names the path of a bad utterance word', () => {
    const json = JSON.parse(fixture('assemblyai-utterances.json')) as { utterances: { words: { start: unknown }[] }[] };
    (json.utterances[1]?.words[5] as { start: unknown }).start = '9700';
    const result = parseAssemblyAiJson(JSON.stringify(json), { fileName: 'a.json' });
    expect(result.ok ? undefined : result.error).toMatchObject({
      format: 'assemblyai-json',
      fileName: 'a.json',
      position: 'utterances[1].words[5].start',
      message: 'utterances[1].words[5].start must be a number, not the text "9700"',
    });
  });
});
