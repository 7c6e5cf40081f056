/**
 * Amazon Transcribe batch output JSON. `results.items[]` are `pronunciation` items (times as
 * STRINGS in seconds, `"4.87"`) and `punctuation` items (no times; they belong to the word
 * before). Confidence is a string too. Speakers (`spk_0`) are on each item in current output
 * (`speaker_label`); older output lists them only in `results.speaker_labels.segments[].items[]`,
 * matched to words by their `start_time` string. Channel identification is read the same way.
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
  readNumericString,
  readObject,
  readOptional,
  readString,
  readTimes,
  runJsonImport,
  type JsonObject,
} from './json-shape.ts';
import {
  joinPieces,
  languageTag,
  makeTurn,
  numberedSpeakerName,
  SpeakerTable,
  splitIntoParagraphs,
  turnsFromLabelledWords,
  type LabelledWord,
  type Piece,
} from './stt-common.ts';

const FORMAT = 'aws-transcribe-json';

/** `spk_0` -> `Speaker 0` (AWS's own numbering), `ch_1` -> `Channel 1`. */
function displayName(label: string): string {
  const channel = /^ch_(\d+)$/u.exec(label);
  return channel ? `Channel ${channel[1]}` : numberedSpeakerName(label);
}

function readSeconds(value: unknown, path: string): number {
  const seconds = readNumericString(value, path);
  if (seconds < 0) throw new JsonShapeError(path, `must not be negative (it is ${seconds})`);
  return seconds;
}

/** The raw `start_time` text, the key older output uses to tie speakers to words. */
function timeKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' ? String(value) : undefined;
}

/** `start_time` -> label, from `speaker_labels.segments[].items[]` or `channel_labels.channels[].items[]`. */
function labelsByStart(container: unknown, listKey: string, path: string): Map<string, string> {
  const labels = new Map<string, string>();
  if (container === undefined || container === null) return labels;
  const object = readObject(container, path);
  const listPath = child(path, listKey);
  const list = readOptional(field(object, listKey), listPath, readArray) ?? [];
  list.forEach((entry, index) => {
    const entryPath = child(listPath, index);
    const group = readObject(entry, entryPath);
    const groupLabel = readOptional(field(group, listKey === 'channels' ? 'channel_label' : 'speaker_label'), entryPath, readString);
    const items = readOptional(field(group, 'items'), child(entryPath, 'items'), readArray) ?? [];
    for (const item of items) {
      if (!isObject(item)) continue;
      const key = timeKey(field(item, 'start_time'));
      const label = field(item, listKey === 'channels' ? 'channel_label' : 'speaker_label') ?? groupLabel;
      if (key !== undefined && typeof label === 'string') labels.set(key, label);
    }
  });
  return labels;
}

interface ItemPiece {
  piece: Piece;
  /** `undefined` for punctuation, which belongs to the speaker of the word before it. */
  speaker: string | null | undefined;
}

function readItem(value: unknown, path: string, speakerOf: (item: JsonObject) => string | null, warnings: Set<string>): ItemPiece | null {
  const item = readObject(value, path);
  const type = readString(field(item, 'type'), child(path, 'type'));
  const alternativesPath = child(path, 'alternatives');
  const alternatives = readArray(field(item, 'alternatives'), alternativesPath);
  const alternativePath = child(alternativesPath, 0);
  const alternative = readObject(alternatives[0], alternativePath);
  const content = readString(field(alternative, 'content'), child(alternativePath, 'content'));
  if (type === 'punctuation') return { piece: { text: content, glue: 'previous', punct: true }, speaker: undefined };
  if (type !== 'pronunciation') {
    warnings.add(`items of type "${type}" were skipped`);
    return null;
  }
  const piece: Piece = { text: content, glue: 'none' };
  Object.assign(piece, readTimes(item, path, { start: 'start_time', end: 'end_time', confidence: 'confidence' }, readSeconds, { object: alternative, path: alternativePath, read: readNumericString }));
  return { piece, speaker: speakerOf(item) };
}

/** Words with their speakers: punctuation joins the word before it, within one speaker's run. */
function labelledWords(pieces: ItemPiece[]): LabelledWord[] {
  const result: LabelledWord[] = [];
  let run: Piece[] = [];
  let speaker: string | null = null;
  const flush = (): void => {
    for (const word of joinPieces(run)) result.push({ word, speaker });
    run = [];
  };
  for (const { piece, speaker: label } of pieces) {
    if (label !== undefined && label !== speaker) {
      flush();
      speaker = label;
    }
    run.push(piece);
  }
  flush();
  return result;
}

function buildAwsTranscribe(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  const results = readObject(field(root, 'results'), 'results');
  const transcript: Transcript = { speakers: [], entries: [] };
  const language = languageTag(field(results, 'language_code')) ?? languageTag(field(root, 'language_code'));
  if (language) transcript.language = language;
  const speakers = new SpeakerTable(displayName);

  const itemsValue = field(results, 'items');
  if (itemsValue === undefined || itemsValue === null) {
    const transcripts = readArray(field(results, 'transcripts'), 'results.transcripts');
    const first = transcripts[0] === undefined ? {} : readObject(transcripts[0], 'results.transcripts[0]');
    const text = readOptional(field(first, 'transcript'), 'results.transcripts[0].transcript', readString) ?? '';
    if (text.trim() !== '') warnings.push('the file has no items with word timings; the text is untimed');
    for (const paragraph of splitIntoParagraphs(wordsFromText(text))) transcript.entries.push(makeTurn(null, paragraph));
    return transcript;
  }

  const items = readArray(itemsValue, 'results.items');
  const speakerByStart = labelsByStart(field(results, 'speaker_labels'), 'segments', 'results.speaker_labels');
  const channelByStart = labelsByStart(field(results, 'channel_labels'), 'channels', 'results.channel_labels');
  const speakerOf = (item: JsonObject): string | null => {
    const own = field(item, 'speaker_label') ?? field(item, 'channel_label');
    if (typeof own === 'string') return own;
    const key = timeKey(field(item, 'start_time'));
    if (key === undefined) return null;
    return speakerByStart.get(key) ?? channelByStart.get(key) ?? null;
  };
  const skipped = new Set<string>();
  const pieces = items
    .map((item, index) => readItem(item, child('results.items', index), speakerOf, skipped))
    .filter((piece): piece is ItemPiece => piece !== null);
  warnings.push(...skipped);
  transcript.entries = turnsFromLabelledWords(labelledWords(pieces), speakers);
  transcript.speakers = speakers.speakers();
  return transcript;
}

export function parseAwsTranscribeJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildAwsTranscribe);
}

export function detectAwsTranscribeJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const results = field(json, 'results');
  if (!isObject(results)) return 0;
  const items = field(results, 'items');
  const transcripts = field(results, 'transcripts');
  const item: unknown = Array.isArray(items) ? items[0] : undefined;
  const itemShaped = isObject(item) && Array.isArray(field(item, 'alternatives')) && typeof field(item, 'type') === 'string';
  const job = field(json, 'jobName') !== undefined || field(json, 'accountId') !== undefined;
  if (itemShaped) return 0.95;
  if (Array.isArray(transcripts) && (Array.isArray(items) || job)) return 0.85;
  return 0;
}

export const awsTranscribeJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'Amazon Transcribe JSON',
  extensions: ['json'],
  detect: detectAwsTranscribeJson,
  parse: parseAwsTranscribeJson,
};
