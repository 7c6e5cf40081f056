/**
 * whisper.cpp (`whisper-cli -oj` / `-ojf`) JSON: `transcription[]` segments with `offsets` in
 * milliseconds (and the same times as `timestamps` strings), and with `-ojf` the decoder's
 * `tokens[]` — sub-word pieces with their own offsets and probability `p`, plus special tokens.
 * With `--diarize` on stereo input each segment carries `speaker` ("0", "1" or "?").
 */
import { wordsFromText, type Entry, type Transcript, type Word } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import {
  child,
  field,
  isJsonObject as isObject,
  jsonForDetection,
  JsonShapeError,
  readArray,
  readConfidence,
  readMilliseconds,
  readObject,
  readOptional,
  readString,
  runJsonImport,
  type JsonObject,
} from './json-shape.ts';
import {
  isSoundDescription,
  joinPieces,
  languageTag,
  makeTurn,
  normalizeForMatch,
  SpeakerTable,
  type Piece,
} from './stt-common.ts';

const FORMAT = 'whisper-cpp-json';

/** `[_BEG_]`, `[_TT_550]`, `[_SOT_]`, `<|endoftext|>`: decoder control tokens, never words. */
const SPECIAL_TOKEN = /^(?:\[_[A-Z0-9_]*\]|<\|[^|]*\|>)$/u;

interface Span {
  start?: number;
  end?: number;
}

/** `00:01:02,345` -> 62.345 */
function readTimestamp(value: unknown, path: string): number {
  const text = readString(value, path);
  const match = /^(\d+):(\d{2}):(\d{2})[,.](\d{3})$/u.exec(text.trim());
  if (!match) throw new JsonShapeError(path, `must be a time like 00:01:02,345, not ${JSON.stringify(text)}`);
  const [, h, m, s, ms] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

/** Prefers the exact `offsets` (ms); falls back to the `timestamps` strings. */
function readSpan(object: JsonObject, path: string): Span {
  const span: Span = {};
  const offsets = field(object, 'offsets');
  if (offsets !== undefined && offsets !== null) {
    const offsetsPath = child(path, 'offsets');
    const o = readObject(offsets, offsetsPath);
    const start = readOptional(field(o, 'from'), child(offsetsPath, 'from'), readMilliseconds);
    const end = readOptional(field(o, 'to'), child(offsetsPath, 'to'), readMilliseconds);
    if (start !== undefined) span.start = start;
    if (end !== undefined) span.end = end;
    return span;
  }
  const timestamps = field(object, 'timestamps');
  if (timestamps !== undefined && timestamps !== null) {
    const timestampsPath = child(path, 'timestamps');
    const t = readObject(timestamps, timestampsPath);
    const start = readOptional(field(t, 'from'), child(timestampsPath, 'from'), readTimestamp);
    const end = readOptional(field(t, 'to'), child(timestampsPath, 'to'), readTimestamp);
    if (start !== undefined) span.start = start;
    if (end !== undefined) span.end = end;
  }
  return span;
}

function readTokens(value: unknown, path: string): Piece[] {
  const pieces: Piece[] = [];
  readArray(value, path).forEach((item, index) => {
    const tokenPath = child(path, index);
    const token = readObject(item, tokenPath);
    const text = readString(field(token, 'text'), child(tokenPath, 'text'));
    if (SPECIAL_TOKEN.test(text.trim())) return;
    const span = readSpan(token, tokenPath);
    const confidence = readConfidence(field(token, 'p'), child(tokenPath, 'p'));
    // A token that starts with a space starts a word; any other continues the word before it.
    const piece: Piece = { text, glue: /^\s/u.test(text) ? 'none' : 'previous' };
    if (normalizeForMatch(text) === '') piece.punct = true;
    if (span.start !== undefined) piece.start = span.start;
    if (span.end !== undefined) piece.end = span.end;
    if (confidence !== undefined) piece.confidence = confidence;
    pieces.push(piece);
  });
  return pieces;
}

function wordsOfSegment(text: string, tokens: Piece[] | undefined, path: string, warnings: string[]): Word[] {
  if (!tokens || tokens.length === 0) return wordsFromText(text);
  const joined = tokens.map((token) => token.text).join('');
  // A multi-byte character split across tokens arrives as U+FFFD in each half; the segment text is whole.
  if (joined.includes('\uFFFD') && !text.includes('\uFFFD')) {
    warnings.push(`${path}: tokens split multi-byte characters; its words are untimed`);
    return wordsFromText(text);
  }
  return joinPieces(tokens);
}

function buildWhisperCpp(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  const transcription = readArray(field(root, 'transcription'), 'transcription');
  const transcript: Transcript = { speakers: [], entries: [] };
  const result = field(root, 'result');
  const params = field(root, 'params');
  const language =
    languageTag(isObject(result) ? field(result, 'language') : undefined) ??
    languageTag(isObject(params) ? field(params, 'language') : undefined);
  if (language) transcript.language = language;

  const speakers = new SpeakerTable((label) => `Speaker ${label}`);
  transcription.forEach((item, index) => {
    const path = child('transcription', index);
    const segment = readObject(item, path);
    const text = readString(field(segment, 'text'), child(path, 'text'));
    const span = readSpan(segment, path);
    const tokensValue = field(segment, 'tokens');
    const tokens = readOptional(tokensValue, child(path, 'tokens'), readTokens);
    const speakerLabel = readOptional(field(segment, 'speaker'), child(path, 'speaker'), readString);

    if (isSoundDescription(text)) {
      const event: Entry = { kind: 'event', text: text.trim(), ...span };
      if (span.start !== undefined || span.end !== undefined) event.timing = 'file';
      transcript.entries.push(event);
      return;
    }
    const words = wordsOfSegment(text, tokens, path, warnings);
    if (words.length === 0) return;
    // `?` is whisper.cpp's "could not tell which channel".
    const speakerId = speakerLabel === undefined || speakerLabel === '?' ? null : speakers.idFor(speakerLabel);
    transcript.entries.push(makeTurn(speakerId, words, span));
  });
  transcript.speakers = speakers.speakers();
  return transcript;
}

export function parseWhisperCppJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildWhisperCpp);
}

export function detectWhisperCppJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const transcription = field(json, 'transcription');
  if (!Array.isArray(transcription)) return 0;
  const first: unknown = transcription[0];
  if (first === undefined) return field(json, 'systeminfo') !== undefined ? 0.9 : 0.3;
  if (!isObject(first) || typeof field(first, 'text') !== 'string') return 0;
  return field(first, 'offsets') !== undefined || field(first, 'timestamps') !== undefined ? 0.95 : 0.4;
}

export const whisperCppJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'whisper.cpp JSON',
  extensions: ['json'],
  detect: detectWhisperCppJson,
  parse: parseWhisperCppJson,
};
