import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseRevAiJson } from './revai-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawElement {
  type: string;
  value: string;
  ts?: number;
  end_ts?: number;
  confidence?: number;
}
interface RawMonologue {
  speaker: number;
  speaker_name?: string;
  elements: RawElement[];
}

describe('parseRevAiJson', () => {
  const raw = JSON.parse(fixture('revai.json')) as { monologues: RawMonologue[] };
  const transcript = transcriptOf(parseRevAiJson(fixture('revai.json')));

  it('makes one turn per monologue, named by speaker number', () => {
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(raw.monologues.length);
    turns.forEach((turn, index) => {
      const monologue = raw.monologues[index] as RawMonologue;
      expect(speakerName(transcript, turn.speakerId)).toBe(`Speaker ${monologue.speaker}`);
      expect(turnText(turn)).toBe(monologue.elements.map((element) => element.value).join(''));
    });
  });

  it('keeps text element times and confidence on words', () => {
    const words = speechTurns(transcript).flatMap((turn) => turn.words);
    const texts = raw.monologues.flatMap((m) => m.elements.filter((e) => e.type === 'text'));
    expect(words.map((w) => [w.start, w.end, w.confidence])).toEqual(texts.map((e) => [e.ts, e.end_ts, e.confidence]));
  });

  it('glues punctuation to the neighbour it touches, opening quotes included', () => {
    const json = {
      monologues: [
        {
          speaker: 1,
          speaker_name: 'Dana Ruiz',
          elements: [
            { type: 'text', value: 'She', ts: 0, end_ts: 0.2, confidence: 1 },
            { type: 'punct', value: ' ' },
            { type: 'text', value: 'said', ts: 0.2, end_ts: 0.4, confidence: 1 },
            { type: 'punct', value: ',' },
            { type: 'punct', value: ' ' },
            { type: 'punct', value: '"' },
            { type: 'text', value: 'twenty', ts: 0.5, end_ts: 0.8, confidence: 0.9 },
            { type: 'punct', value: '-' },
            { type: 'text', value: 'one', ts: 0.8, end_ts: 1.0, confidence: 0.7 },
            { type: 'punct', value: '."' },
            { type: 'punct', value: ' ' },
            { type: 'unknown', value: '<inaudible>', ts: 1.2, end_ts: 2.0 },
          ],
        },
      ],
    };
    const parsed = transcriptOf(parseRevAiJson(JSON.stringify(json)));
    const [turn] = speechTurns(parsed);
    expect(turn?.words.map((word) => word.text)).toEqual(['She', 'said,', '"twenty-one."', '<inaudible>']);
    expect(turn?.words[2]).toMatchObject({ start: 0.5, end: 1.0, confidence: 0.8 });
    expect(parsed.speakers).toEqual([{ id: 'dana-ruiz', name: 'Dana Ruiz' }]);
  });

  it('names the path of a bad element time', () => {
    const json = JSON.parse(fixture('revai.json')) as { monologues: RawMonologue[] };
    (json.monologues[1]?.elements[4] as { ts: unknown }).ts = true;
    const result = parseRevAiJson(JSON.stringify(json), { fileName: 'rev.json' });
    expect(result.ok ? undefined : result.error).toMatchObject({
      fileName: 'rev.json',
      position: 'monologues[1].elements[4].ts',
      message: 'monologues[1].elements[4].ts must be a number, not true',
    });
  });
});
