/**
 * Rev.ai transcript JSON (`Accept: application/vnd.rev.transcript.v1.0+json`): `monologues[]`, one
 * per speaker turn, each `{speaker, speaker_name?, elements[]}`. Elements are `text` words with
 * `ts`/`end_ts` seconds and `confidence`, `punct` elements (including the `" "` between words), and
 * `unknown` elements such as `<inaudible>`. Punctuation joins whichever neighbour it touches.
 */
import type { SpeechTurn, Transcript } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import {
  child,
  field,
  isJsonObject as isObject,
  jsonForDetection,
  readArray,
  readNumber,
  readObject,
  readOptional,
  readString,
  readTimes,
  runJsonImport,
} from './json-shape.ts';
import {
  joinPieces,
  makeTurn,
  SpeakerTable,
  type Glue,
  type Piece,
} from './stt-common.ts';

const FORMAT = 'revai-json';

interface Element {
  type: string;
  value: string;
  start?: number;
  end?: number;
  confidence?: number;
}

function readElement(value: unknown, path: string): Element {
  const object = readObject(value, path);
  const element: Element = {
    type: readString(field(object, 'type'), child(path, 'type')),
    value: readString(field(object, 'value'), child(path, 'value')),
  };
  return Object.assign(element, readTimes(object, path, { start: 'ts', end: 'end_ts', confidence: 'confidence' }));
}

/**
 * Rev.ai spells spacing out as `" "` punct elements, so a punctuation mark glues to a neighbour
 * exactly when no space separates them: `,` after a word, an opening `"` before one, `-` between.
 */
function piecesOf(elements: Element[]): Piece[] {
  const pieces: Piece[] = [];
  elements.forEach((element, index) => {
    if (element.value.trim() === '') return;
    if (element.type !== 'punct') {
      const piece: Piece = { text: element.value, glue: 'none' };
      if (element.start !== undefined) piece.start = element.start;
      if (element.end !== undefined) piece.end = element.end;
      if (element.confidence !== undefined) piece.confidence = element.confidence;
      pieces.push(piece);
      return;
    }
    const before = elements[index - 1];
    const after = elements[index + 1];
    const touchesBefore = before !== undefined && !/^\s/u.test(element.value) && !/\s$/u.test(before.value);
    const touchesAfter = after !== undefined && !/\s$/u.test(element.value) && !/^\s/u.test(after.value);
    const glue: Glue = touchesBefore && touchesAfter ? 'both' : touchesBefore ? 'previous' : touchesAfter ? 'next' : 'none';
    pieces.push({ text: element.value, glue, punct: true });
  });
  return pieces;
}

function buildRevAi(json: unknown): Transcript {
  const root = readObject(json, '');
  const monologues = readArray(field(root, 'monologues'), 'monologues');
  // Labels combine number and name so that two people named alike by the user stay apart.
  const names = new Map<string, string>();
  const speakers = new SpeakerTable((label) => names.get(label) ?? label);
  const entries: SpeechTurn[] = [];
  monologues.forEach((item, index) => {
    const path = child('monologues', index);
    const monologue = readObject(item, path);
    const number = readOptional(field(monologue, 'speaker'), child(path, 'speaker'), readNumber);
    const name = readOptional(field(monologue, 'speaker_name'), child(path, 'speaker_name'), readString)?.trim();
    const elementsPath = child(path, 'elements');
    const elements = readArray(field(monologue, 'elements'), elementsPath).map((element, at) => readElement(element, child(elementsPath, at)));
    const words = joinPieces(piecesOf(elements));
    if (words.length === 0) return;
    let label: string | null = null;
    if (name) {
      label = `${number ?? ''}|${name}`;
      names.set(label, name);
    } else if (number !== undefined) {
      label = String(number);
      names.set(label, `Speaker ${number}`);
    }
    entries.push(makeTurn(speakers.idFor(label), words));
  });
  return { speakers: speakers.speakers(), entries };
}

export function parseRevAiJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildRevAi);
}

export function detectRevAiJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const monologues = field(json, 'monologues');
  if (!Array.isArray(monologues)) return 0;
  const first: unknown = monologues[0];
  if (first === undefined) return 0.6;
  return isObject(first) && Array.isArray(field(first, 'elements')) ? 0.95 : 0.2;
}

export const revAiJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'Rev.ai JSON',
  extensions: ['json'],
  detect: detectRevAiJson,
  parse: parseRevAiJson,
};
