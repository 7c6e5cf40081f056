import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseSpeechmaticsJson } from './speechmatics-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawResult {
  type: string;
  start_time: number;
  end_time: number;
  attaches_to?: string;
  alternatives: { content: string; confidence: number; speaker: string }[];
}

const word = (content: string, start: number, speaker = 'S1', confidence = 0.9): RawResult => ({
  type: 'word',
  start_time: start,
  end_time: start + 0.3,
  alternatives: [{ content, confidence, speaker }],
});
const mark = (content: string, at: number, attaches_to: string, speaker = 'S1'): RawResult => ({
  type: 'punctuation',
  start_time: at,
  end_time: at,
  attaches_to,
  alternatives: [{ content, confidence: 1, speaker }],
});

describe('parseSpeechmaticsJson', () => {
  const raw = JSON.parse(fixture('speechmatics.json')) as { results: RawResult[] };
  const transcript = transcriptOf(parseSpeechmaticsJson(fixture('speechmatics.json'), { fileName: 'sm.json' }));

  it('splits turns on speaker change and names speakers as Speechmatics numbers them', () => {
    expect(transcript.speakers).toEqual([
      { id: 'speaker-1', name: 'Speaker 1' },
      { id: 'speaker-2', name: 'Speaker 2' },
    ]);
    const turns = speechTurns(transcript);
    expect(turns.map((turn) => speakerName(transcript, turn.speakerId))).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 1', 'Speaker 2']);
    expect(transcript.language).toBe('en');
  });

  it('attaches punctuation as attaches_to says and keeps word times and confidence', () => {
    const words = speechTurns(transcript).flatMap((turn) => turn.words);
    const rawWords = raw.results.filter((result) => result.type === 'word');
    expect(words.map((w) => [w.start, w.end, w.confidence])).toEqual(
      rawWords.map((r) => [r.start_time, r.end_time, r.alternatives[0]?.confidence]),
    );
    const spelled = raw.results.map((r) => (r.type === 'punctuation' ? '' : ' ') + r.alternatives[0]?.content).join('').trim();
    expect(speechTurns(transcript).map(turnText).join(' ')).toBe(spelled);
  });

  it('honours next, both and none attachment', () => {
    const json = {
      format: '2.9',
      results: [word('He', 0), word('said', 0.4), mark('“', 0.8, 'next'), word('well', 0.9), mark('-', 1.2, 'both'), word('known', 1.3), mark('”', 1.6, 'previous'), mark('&', 1.7, 'none'), word('so', 1.9)],
    };
    const [turn] = speechTurns(transcriptOf(parseSpeechmaticsJson(JSON.stringify(json))));
    expect(turn?.words.map((w) => w.text)).toEqual(['He', 'said', '“well-known”', '&', 'so']);
    expect(turn?.words[2]).toMatchObject({ start: 0.9, end: 1.6 });
  });

  it('treats UU as unattributed and reads entities from their written form', () => {
    const json = {
      format: '2.9',
      results: [
        word('It', 0, 'UU'),
        word('costs', 0.3, 'UU'),
        {
          type: 'entity',
          entity_class: 'money',
          start_time: 0.7,
          end_time: 1.4,
          alternatives: [{ content: '$5', confidence: 0.95, speaker: 'UU' }],
          spoken_form: [word('five', 0.7, 'UU'), word('dollars', 1.0, 'UU')],
          written_form: [word('$5', 0.7, 'UU', 0.95)],
        },
        mark('.', 1.4, 'previous', 'UU'),
      ],
    };
    const parsed = transcriptOf(parseSpeechmaticsJson(JSON.stringify(json)));
    expect(parsed.speakers).toEqual([]);
    expect(speechTurns(parsed).map(turnText)).toEqual(['It costs $5.']);
  });

  it('rejects an unknown attaches_to and a wrongly typed time, naming the path', () => {
    const badGlue = parseSpeechmaticsJson(JSON.stringify({ format: '2.9', results: [word('a', 0), mark(',', 0.3, 'sideways')] }));
    expect(badGlue.ok ? undefined : badGlue.error.position).toBe('results[1].attaches_to');
    const json = JSON.parse(fixture('speechmatics.json')) as { results: { end_time: unknown }[] };
    (json.results[9] as { end_time: unknown }).end_time = '2.5';
    const badTime = parseSpeechmaticsJson(JSON.stringify(json), { fileName: 'sm.json' });
    expect(badTime.ok ? undefined : badTime.error).toMatchObject({
      fileName: 'sm.json',
      position: 'results[9].end_time',
      message: 'results[9].end_time must be a number, not the text "2.5"',
    });
  });
});
