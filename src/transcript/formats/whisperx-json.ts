/**
 * WhisperX JSON (`whisperx --output_format json`): `segments[]` with `speaker` after diarization and
 * aligned `words[]` {word, start, end, score, speaker}, plus a flat `word_segments[]`. Words the
 * aligner could not place (typically numbers and symbols: `20`, `$5`) have no start/end/score;
 * they are kept as untimed words, never dropped.
 */
import { wordsFromText, type Transcript } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import {
  child,
  field,
  isJsonObject as isObject,
  jsonForDetection,
  JsonShapeError,
  readArray,
  readEach,
  readObject,
  readOptional,
  readSeconds,
  readString,
  readTimes,
  runJsonImport,
} from './json-shape.ts';
import {
  isSoundDescription,
  type LabelledWord,
  languageTag,
  makeTurn,
  numberedSpeakerName,
  SpeakerTable,
  timedWord,
  turnsFromLabelledWords,
} from './stt-common.ts';

const FORMAT = 'whisperx-json';

function readWord(value: unknown, path: string): LabelledWord {
  const object = readObject(value, path);
  const text = readString(field(object, 'word'), child(path, 'word')).trim();
  const word = timedWord(text, readTimes(object, path, { start: 'start', end: 'end', confidence: 'score' }));
  const speaker = readOptional(field(object, 'speaker'), child(path, 'speaker'), readString) ?? null;
  return { word, speaker };
}

function readWords(value: unknown, path: string): LabelledWord[] {
  return readEach(value, path, readWord).filter((labelled) => labelled.word.text !== '');
}

function buildWhisperX(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  const transcript: Transcript = { speakers: [], entries: [] };
  const language = languageTag(field(root, 'language'));
  if (language) transcript.language = language;
  const speakers = new SpeakerTable(numberedSpeakerName);

  const segmentsValue = field(root, 'segments');
  const wordSegments = field(root, 'word_segments');
  if ((segmentsValue === undefined || segmentsValue === null) && Array.isArray(wordSegments)) {
    transcript.entries = turnsFromLabelledWords(readWords(wordSegments, 'word_segments'), speakers);
    transcript.speakers = speakers.speakers();
    return transcript;
  }
  if (segmentsValue === undefined || segmentsValue === null) {
    throw new JsonShapeError('segments', 'is missing (expected WhisperX JSON with segments)');
  }

  readArray(segmentsValue, 'segments').forEach((item, index) => {
    const path = child('segments', index);
    const segment = readObject(item, path);
    const text = readString(field(segment, 'text'), child(path, 'text'));
    const start = readOptional(field(segment, 'start'), child(path, 'start'), readSeconds);
    const end = readOptional(field(segment, 'end'), child(path, 'end'), readSeconds);
    const speaker = readOptional(field(segment, 'speaker'), child(path, 'speaker'), readString) ?? null;
    const wordsValue = field(segment, 'words');
    const words = readOptional(wordsValue, child(path, 'words'), readWords)?.map((labelled) => labelled.word);

    if (isSoundDescription(text)) {
      transcript.entries.push({
        kind: 'event',
        text: text.trim(),
        ...(start === undefined ? {} : { start }),
        ...(end === undefined ? {} : { end }),
        ...(start === undefined && end === undefined ? {} : { timing: 'file' as const }),
      });
      return;
    }
    let turnWords = words;
    if (!turnWords || turnWords.length === 0) {
      // Alignment is skipped for languages without an alignment model; the text is still there.
      if (text.trim() !== '' && words) warnings.push(`${path} has no aligned words; its words are untimed`);
      turnWords = wordsFromText(text);
    }
    if (turnWords.length === 0) return;
    const times: { start?: number; end?: number } = {};
    if (start !== undefined) times.start = start;
    if (end !== undefined) times.end = end;
    transcript.entries.push(makeTurn(speakers.idFor(speaker), turnWords, times));
  });
  transcript.speakers = speakers.speakers();
  return transcript;
}

export function parseWhisperXJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildWhisperX);
}

export function detectWhisperXJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const segments = field(json, 'segments');
  const wordSegments = field(json, 'word_segments');
  if (Array.isArray(wordSegments)) return Array.isArray(segments) || segments === undefined ? 0.95 : 0.5;
  if (!Array.isArray(segments)) return 0;
  const sample = segments.slice(0, 5).filter(isObject);
  if (sample.length === 0 || sample.some((segment) => typeof field(segment, 'text') !== 'string')) return 0;
  if (sample.some((segment) => typeof field(segment, 'speaker') === 'string')) return 0.9;
  const words = sample.map((segment) => field(segment, 'words')).find((list) => Array.isArray(list) && list.length > 0);
  const word: unknown = Array.isArray(words) ? words[0] : undefined;
  if (isObject(word) && field(word, 'score') !== undefined) return 0.9;
  // Unaligned WhisperX output is just `{segments: [{start, end, text}], language}`: Whisper wins that tie.
  return 0.4;
}

export const whisperXJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'WhisperX JSON',
  extensions: ['json'],
  detect: detectWhisperXJson,
  parse: parseWhisperXJson,
};
