import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speechTurns, tokenize, turnText, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseWhisperCppJson } from './whisper-cpp-json.ts';

const fixture = (name: string): string =>
  readFileSync(`${import.meta.dirname}/../../../test/fixtures/formats/stt/${name}`, 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.transcript;
}

interface RawToken {
  text: string;
  offsets: { from: number; to: number };
  p: number;
}
interface RawSegment {
  text: string;
  offsets: { from: number; to: number };
  tokens: RawToken[];
}

describe('parseWhisperCppJson: -oj', () => {
  const raw = JSON.parse(fixture('whisper-cpp.json')) as { transcription: RawSegment[] };
  const transcript = transcriptOf(parseWhisperCppJson(fixture('whisper-cpp.json')));

  it('reads the millisecond offsets as seconds, one turn per segment', () => {
    expect(transcript.entries[0]).toEqual({ kind: 'event', text: '[BLANK_AUDIO]', start: 0, end: 0.3, timing: 'file' });
    const turns = speechTurns(transcript);
    expect(turns).toHaveLength(raw.transcription.length - 1);
    turns.forEach((turn, index) => {
      const segment = raw.transcription[index + 1] as RawSegment;
      expect([turn.start, turn.end]).toEqual([segment.offsets.from / 1000, segment.offsets.to / 1000]);
      expect(turnText(turn)).toBe(segment.text.trim());
      expect(turn.speakerId).toBeNull();
    });
    expect(transcript.language).toBe('en');
  });

  it('falls back to the timestamp strings when offsets are absent', () => {
    const json = { transcription: [{ timestamps: { from: '00:01:02,345', to: '01:00:00,000' }, text: ' Late.' }] };
    const [turn] = speechTurns(transcriptOf(parseWhisperCppJson(JSON.stringify(json))));
    expect([turn?.start, turn?.end]).toEqual([62.345, 3600]);
  });
});

describe('parseWhisperCppJson: -ojf tokens', () => {
  const raw = JSON.parse(fixture('whisper-cpp-full.json')) as { transcription: RawSegment[] };
  const transcript = transcriptOf(parseWhisperCppJson(fixture('whisper-cpp-full.json')));

  it('joins sub-word and punctuation tokens into the words of the segment text', () => {
    const turns = speechTurns(transcript);
    turns.forEach((turn, index) => {
      expect(turn.words.map((word) => word.text)).toEqual(tokenize(raw.transcription[index]?.text ?? ''));
    });
  });

  it('spans a split word over its sub-tokens and averages their probabilities', () => {
    const segment = raw.transcription.find((s) => s.tokens.some((t) => t.text === ' surpr')) as RawSegment;
    const at = segment.tokens.findIndex((t) => t.text === ' surpr');
    const [head, tail, stop] = segment.tokens.slice(at, at + 3) as [RawToken, RawToken, RawToken];
    expect(stop.text).toBe('.');
    const word = speechTurns(transcript)
      .flatMap((turn) => turn.words)
      .find((w) => w.text === 'surprising.');
    expect(word).toEqual({
      text: 'surprising.',
      start: head.offsets.from / 1000,
      end: tail.offsets.to / 1000,
      confidence: (head.p + tail.p) / 2,
      timing: 'file',
    });
  });

  it('never turns special tokens into words', () => {
    const words = speechTurns(transcript).flatMap((turn) => turn.words.map((word) => word.text));
    expect(words.some((word) => word.includes('[_'))).toBe(false);
  });

  it('uses the segment text when tokens split a multi-byte character', () => {
    const json = {
      transcription: [
        {
          offsets: { from: 0, to: 900 },
          text: ' Café ok',
          tokens: [
            { text: ' Caf', offsets: { from: 0, to: 300 }, p: 0.9 },
            { text: '\uFFFD', offsets: { from: 300, to: 400 }, p: 0.9 },
            { text: '\uFFFD', offsets: { from: 400, to: 500 }, p: 0.9 },
            { text: ' ok', offsets: { from: 500, to: 900 }, p: 0.9 },
          ],
        },
      ],
    };
    const result = parseWhisperCppJson(JSON.stringify(json));
    expect(result.ok && result.warnings).toHaveLength(1);
    expect(speechTurns(transcriptOf(result))[0]?.words).toEqual([{ text: 'Café' }, { text: 'ok' }]);
  });

  it('names stereo-diarized speakers and leaves `?` unattributed', () => {
    const json = {
      transcription: [
        { offsets: { from: 0, to: 1000 }, text: ' Left.', speaker: '0' },
        { offsets: { from: 1000, to: 2000 }, text: ' Right.', speaker: '1' },
        { offsets: { from: 2000, to: 3000 }, text: ' Both.', speaker: '?' },
      ],
    };
    const transcript2 = transcriptOf(parseWhisperCppJson(JSON.stringify(json)));
    expect(transcript2.speakers).toEqual([
      { id: 'speaker-0', name: 'Speaker 0' },
      { id: 'speaker-1', name: 'Speaker 1' },
    ]);
    expect(speechTurns(transcript2).map((turn) => turn.speakerId)).toEqual(['speaker-0', 'speaker-1', null]);
  });
});

describe('parseWhisperCppJson: errors', () => {
  it('names the path of a bad token offset and the file', () => {
    const json = JSON.parse(fixture('whisper-cpp-full.json')) as { transcription: { tokens: { offsets: { from: unknown } }[] }[] };
    (json.transcription[1]?.tokens[4] as { offsets: { from: unknown } }).offsets.from = 'soon';
    const result = parseWhisperCppJson(JSON.stringify(json), { fileName: 'jfk.json' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ format: 'whisper-cpp-json', fileName: 'jfk.json', position: 'transcription[1].tokens[4].offsets.from' });
    expect(result.error.message).toBe('transcription[1].tokens[4].offsets.from must be a number, not the text "soon"');
  });

  it('rejects a malformed timestamp string', () => {
    const result = parseWhisperCppJson('{"transcription": [{"timestamps": {"from": "1:2", "to": "00:00:01,000"}, "text": " x"}]}');
    expect(result.ok ? undefined : result.error.position).toBe('transcription[0].timestamps.from');
  });

  it('requires the transcription list', () => {
    const result = parseWhisperCppJson('{"segments": []}');
    expect(result.ok ? undefined : result.error.message).toBe('transcription is missing (it must be a list)');
  });
});
