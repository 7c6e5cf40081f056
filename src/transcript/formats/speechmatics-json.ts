/**
 * Speechmatics JSON v2 (`format: "2.x"`, the batch `json-v2` transcript). `results[]` are `word`
 * and `punctuation` items with `start_time`/`end_time` seconds and `alternatives[{content,
 * confidence, speaker, language}]`; punctuation says where it goes with `attaches_to`
 * (`previous`, `next`, `both`, `none`). Turns change with the speaker (`S1`, `S2`; `UU` unknown),
 * or with the channel label under channel diarization. Entities are read from their `written_form`.
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
  readObject,
  readOptional,
  readSeconds,
  readString,
  readTimes,
  runJsonImport,
} from './json-shape.ts';
import {
  joinPieces,
  languageTag,
  makeTurn,
  numberedSpeakerName,
  SpeakerTable,
  splitIntoParagraphs,
  turnsFromLabelledWords,
  type Glue,
  type LabelledWord,
  type Piece,
} from './stt-common.ts';

const FORMAT = 'speechmatics-json';

const GLUES: readonly Glue[] = ['previous', 'next', 'both', 'none'];

/** `S1` -> `Speaker 1` (Speechmatics counts from 1), `channel_2` -> `Channel 2`. */
function displayName(label: string): string {
  const channel = /^channel_?(\d+)$/iu.exec(label);
  return channel ? `Channel ${channel[1]}` : numberedSpeakerName(label);
}

interface LabelledPiece {
  piece: Piece;
  /** `undefined` for punctuation: it follows the word it attaches to. */
  speaker: string | null | undefined;
}

function readResult(value: unknown, path: string, out: LabelledPiece[], skipped: Set<string>): void {
  const result = readObject(value, path);
  const type = readString(field(result, 'type'), child(path, 'type'));
  if (type === 'entity') {
    // Entities (`$5`, dates) wrap their words; the written form is what a reader expects to see.
    const written = field(result, 'written_form');
    if (Array.isArray(written) && written.length > 0) {
      written.forEach((item, index) => readResult(item, child(child(path, 'written_form'), index), out, skipped));
      return;
    }
  } else if (type !== 'word' && type !== 'punctuation') {
    skipped.add(`results of type "${type}" were skipped`);
    return;
  }
  const alternativesPath = child(path, 'alternatives');
  const alternativePath = child(alternativesPath, 0);
  const alternative = readObject(readArray(field(result, 'alternatives'), alternativesPath)[0], alternativePath);
  const content = readString(field(alternative, 'content'), child(alternativePath, 'content'));
  const attachesPath = child(path, 'attaches_to');
  const attaches = readOptional(field(result, 'attaches_to'), attachesPath, readString);
  if (attaches !== undefined && !GLUES.includes(attaches as Glue)) {
    throw new JsonShapeError(attachesPath, `must be one of previous, next, both, none, not ${JSON.stringify(attaches)}`);
  }
  const punct = type === 'punctuation';
  const piece: Piece = { text: content, glue: (attaches as Glue | undefined) ?? (punct ? 'previous' : 'none') };
  if (punct) piece.punct = true;
  Object.assign(piece, readTimes(result, path, { start: 'start_time', end: 'end_time', confidence: 'confidence' }, readSeconds, { object: alternative, path: alternativePath }));
  const speaker = readOptional(field(alternative, 'speaker'), child(alternativePath, 'speaker'), readString);
  const channel = readOptional(field(result, 'channel'), child(path, 'channel'), readString);
  const label = speaker !== undefined && speaker !== 'UU' ? speaker : (channel ?? null);
  out.push({ piece, speaker: punct ? undefined : label });
}

function nextSpeaker(pieces: LabelledPiece[], from: number): string | null | undefined {
  for (let index = from; index < pieces.length; index += 1) {
    const speaker = pieces[index]?.speaker;
    if (speaker !== undefined) return speaker;
  }
  return undefined;
}

/** Words with speakers; each speaker run is joined on its own so punctuation never crosses turns. */
function labelledWords(pieces: LabelledPiece[]): LabelledWord[] {
  const words: LabelledWord[] = [];
  let run: Piece[] = [];
  let speaker: string | null = null;
  const flush = (): void => {
    for (const word of joinPieces(run)) words.push({ word, speaker });
    run = [];
  };
  pieces.forEach(({ piece, speaker: label }, index) => {
    // A `next`-attached mark opens the following word, so it belongs to that word's speaker.
    const owner = label ?? (piece.glue === 'next' ? nextSpeaker(pieces, index + 1) : undefined);
    if (owner !== undefined && owner !== speaker) {
      flush();
      speaker = owner;
    }
    run.push(piece);
  });
  flush();
  return words;
}

function buildSpeechmatics(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  const transcript: Transcript = { speakers: [], entries: [] };
  const metadata = field(root, 'metadata');
  const config = isObject(metadata) ? field(metadata, 'transcription_config') : undefined;
  const language = languageTag(isObject(config) ? field(config, 'language') : undefined);
  if (language) transcript.language = language;

  const results = readArray(field(root, 'results'), 'results');
  const pieces: LabelledPiece[] = [];
  const skipped = new Set<string>();
  results.forEach((item, index) => readResult(item, child('results', index), pieces, skipped));
  warnings.push(...skipped);
  const speakers = new SpeakerTable(displayName);
  transcript.entries = turnsFromLabelledWords(labelledWords(pieces), speakers);
  transcript.speakers = speakers.speakers();
  if (transcript.entries.length === 0 && typeof field(root, 'transcript') === 'string') {
    for (const paragraph of splitIntoParagraphs(wordsFromText(field(root, 'transcript') as string))) {
      transcript.entries.push(makeTurn(null, paragraph));
    }
  }
  return transcript;
}

export function parseSpeechmaticsJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildSpeechmatics);
}

export function detectSpeechmaticsJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const results = field(json, 'results');
  if (!Array.isArray(results)) return 0;
  const format = field(json, 'format');
  const versioned = typeof format === 'string' && /^2\./u.test(format);
  const first: unknown = results[0];
  const resultShaped =
    isObject(first) && Array.isArray(field(first, 'alternatives')) && typeof field(first, 'type') === 'string' && field(first, 'start_time') !== undefined;
  if (resultShaped) return versioned ? 0.98 : 0.85;
  return versioned && results.length === 0 ? 0.8 : 0;
}

export const speechmaticsJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'Speechmatics JSON',
  extensions: ['json'],
  detect: detectSpeechmaticsJson,
  parse: parseSpeechmaticsJson,
};
