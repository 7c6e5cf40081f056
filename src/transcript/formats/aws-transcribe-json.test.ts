import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseAwsTranscribeJson } from './aws-transcribe-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawItem {
  type: string;
  start_time?: string;
  end_time?: string;
  speaker_label?: string;
  alternatives: { confidence: string; content: string }[];
}
interface Output {
  results: {
    transcripts: { transcript: string }[];
    items: RawItem[];
    speaker_labels: { segments: { speaker_label: string; start_time: string; end_time: string }[] };
  };
}

describe.each(['aws-transcribe-speaker-items.json', 'aws-transcribe-speaker-segments.json'])('parseAwsTranscribeJson: %s', (name) => {
  const raw = JSON.parse(fixture(name)) as Output;
  const transcript = transcriptOf(parseAwsTranscribeJson(fixture(name)));
  const turns = speechTurns(transcript);

  it('splits turns where the speaker changes and names speakers by AWS number', () => {
    expect(transcript.speakers).toEqual([
      { id: 'speaker-0', name: 'Speaker 0' },
      { id: 'speaker-1', name: 'Speaker 1' },
    ]);
    const segments = raw.results.speaker_labels.segments;
    expect(turns.map((turn) => speakerName(transcript, turn.speakerId))).toEqual(
      segments.map((segment) => `Speaker ${segment.speaker_label.slice(4)}`),
    );
    expect(turns.map((turn) => [turn.start, turn.end])).toEqual(segments.map((s) => [Number(s.start_time), Number(s.end_time)]));
  });

  it('attaches punctuation to the word before and reproduces the transcript text', () => {
    expect(turns.map(turnText).join(' ')).toBe(raw.results.transcripts[0]?.transcript);
  });

  it('reads string times and string confidences as numbers, ignoring punctuation confidence', () => {
    const words = turns.flatMap((turn) => turn.words);
    const pronunciations = raw.results.items.filter((item) => item.type === 'pronunciation');
    expect(words).toHaveLength(pronunciations.length);
    words.forEach((word, index) => {
      const item = pronunciations[index] as RawItem;
      expect(word.start).toBe(Number(item.start_time));
      expect(word.end).toBe(Number(item.end_time));
      expect(word.confidence).toBe(Number(item.alternatives[0]?.confidence));
    });
  });
});

describe('parseAwsTranscribeJson: edge cases', () => {
  it('makes unattributed paragraphs when there are no speaker labels', () => {
    const raw = JSON.parse(fixture('aws-transcribe-speaker-segments.json')) as { results: Record<string, unknown> };
    delete raw.results.speaker_labels;
    const transcript = transcriptOf(parseAwsTranscribeJson(JSON.stringify(raw)));
    expect(transcript.speakers).toEqual([]);
    expect(speechTurns(transcript).every((turn) => turn.speakerId === null)).toBe(true);
  });

  it('names identified channels', () => {
    const json = {
      results: {
        transcripts: [{ transcript: 'Hello. Hi.' }],
        channel_labels: {
          channels: [
            { channel_label: 'ch_0', items: [{ start_time: '0.1', end_time: '0.5', type: 'pronunciation', alternatives: [{ confidence: '0.9', content: 'Hello' }] }] },
            { channel_label: 'ch_1', items: [{ start_time: '0.9', end_time: '1.2', type: 'pronunciation', alternatives: [{ confidence: '0.9', content: 'Hi' }] }] },
          ],
          number_of_channels: 2,
        },
        items: [
          { start_time: '0.1', end_time: '0.5', type: 'pronunciation', alternatives: [{ confidence: '0.9', content: 'Hello' }] },
          { type: 'punctuation', alternatives: [{ confidence: '0.0', content: '.' }] },
          { start_time: '0.9', end_time: '1.2', type: 'pronunciation', alternatives: [{ confidence: '0.9', content: 'Hi' }] },
          { type: 'punctuation', alternatives: [{ confidence: '0.0', content: '.' }] },
        ],
      },
    };
    const transcript = transcriptOf(parseAwsTranscribeJson(JSON.stringify(json)));
    expect(speechTurns(transcript).map((turn) => [speakerName(transcript, turn.speakerId), turnText(turn)])).toEqual([
      ['Channel 0', 'Hello.'],
      ['Channel 1', 'Hi.'],
    ]);
  });

  it('names the path of a time that is not a number', () => {
    const raw = JSON.parse(fixture('aws-transcribe-speaker-items.json')) as Output;
    const index = raw.results.items.findIndex((item, at) => at >= 12 && item.type === 'pronunciation');
    (raw.results.items[index] as RawItem).start_time = 'twelve';
    const result = parseAwsTranscribeJson(JSON.stringify(raw, null, 2), { fileName: 'job.json' });
    expect(result.ok ? undefined : result.error).toMatchObject({
      format: 'aws-transcribe-json',
      fileName: 'job.json',
      position: `results.items[${index}].start_time`,
      message: `results.items[${index}].start_time must be a number, not the text "twelve"`,
    });
  });

  it('names the path of a missing alternative', () => {
    const raw = JSON.parse(fixture('aws-transcribe-speaker-items.json')) as Output;
    (raw.results.items[3] as RawItem).alternatives = [];
    const result = parseAwsTranscribeJson(JSON.stringify(raw));
    expect(result.ok ? undefined : result.error.message).toBe('results.items[3].alternatives[0] is missing (it must be an object)');
  });
});
