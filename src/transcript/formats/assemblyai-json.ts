/**
 * AssemblyAI transcript JSON (`GET /v2/transcript/{id}`). Times are milliseconds. With
 * `speaker_labels` the response has `utterances[]` (speaker `A`, `B`, … with their own words and
 * confidence), which become the turns; otherwise the top-level `words[]` (speaker `null`) are cut
 * into paragraphs. Words carry their punctuation (`pools,`).
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
  readConfidence,
  readEach,
  readMilliseconds,
  readObject,
  readOptional,
  readString,
  readTimes,
  runJsonImport,
} from './json-shape.ts';
import {
  type LabelledWord,
  languageTag,
  makeTurn,
  SpeakerTable,
  splitIntoParagraphs,
  timedWord,
  turnsFromLabelledWords,
} from './stt-common.ts';

const FORMAT = 'assemblyai-json';

/** AssemblyAI labels speakers `A`, `B`, …; dual-channel output uses `1`, `2`. */
function speakerDisplayName(label: string): string {
  return `Speaker ${label}`;
}

function readWord(value: unknown, path: string): LabelledWord {
  const object = readObject(value, path);
  const text = readString(field(object, 'text'), child(path, 'text')).trim();
  const word = timedWord(text, readTimes(object, path, { start: 'start', end: 'end', confidence: 'confidence' }, readMilliseconds));
  const speaker = readOptional(field(object, 'speaker'), child(path, 'speaker'), readString) ?? null;
  return { word, speaker };
}

function readWords(value: unknown, path: string): LabelledWord[] {
  return readEach(value, path, readWord).filter((labelled) => labelled.word.text !== '');
}

function checkStatus(root: Record<string, unknown>): void {
  const status = field(root, 'status');
  if (status === 'error') {
    const reason = field(root, 'error');
    throw new JsonShapeError('status', `AssemblyAI reports that this transcript failed${typeof reason === 'string' ? `: ${reason}` : ''}`, true);
  }
  if (status === 'queued' || status === 'processing') {
    throw new JsonShapeError('status', `this transcript is not finished yet (status "${status}"); fetch it again when it is completed`, true);
  }
}

function buildAssemblyAi(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  checkStatus(root);
  const transcript: Transcript = { speakers: [], entries: [] };
  const language = languageTag(field(root, 'language_code'));
  if (language) transcript.language = language;
  const speakers = new SpeakerTable(speakerDisplayName);

  const utterances = field(root, 'utterances');
  if (Array.isArray(utterances) && utterances.length > 0) {
    utterances.forEach((item, index) => {
      const path = child('utterances', index);
      const utterance = readObject(item, path);
      const label = readOptional(field(utterance, 'speaker'), child(path, 'speaker'), readString) ?? null;
      const start = readOptional(field(utterance, 'start'), child(path, 'start'), readMilliseconds);
      const end = readOptional(field(utterance, 'end'), child(path, 'end'), readMilliseconds);
      const confidence = readConfidence(field(utterance, 'confidence'), child(path, 'confidence'));
      const wordsValue = field(utterance, 'words');
      let words = readOptional(wordsValue, child(path, 'words'), readWords)?.map((labelled) => labelled.word);
      if (!words || words.length === 0) {
        words = wordsFromText(readString(field(utterance, 'text'), child(path, 'text')));
      }
      if (words.length === 0) return;
      const given: { start?: number; end?: number; confidence?: number } = {};
      if (start !== undefined) given.start = start;
      if (end !== undefined) given.end = end;
      if (confidence !== undefined) given.confidence = confidence;
      transcript.entries.push(makeTurn(speakers.idFor(label), words, given));
    });
  } else {
    const wordsValue = field(root, 'words');
    const words = readOptional(wordsValue, 'words', readWords);
    if (words && words.length > 0) {
      transcript.entries = turnsFromLabelledWords(words, speakers);
    } else {
      const text = readOptional(field(root, 'text'), 'text', readString);
      if (text === undefined) throw new JsonShapeError('words', 'is missing (expected an AssemblyAI transcript)');
      if (text.trim() !== '') warnings.push('the transcript has no word timings; the text is untimed');
      for (const paragraph of splitIntoParagraphs(wordsFromText(text))) transcript.entries.push(makeTurn(null, paragraph));
    }
  }
  transcript.speakers = speakers.speakers();
  return transcript;
}

export function parseAssemblyAiJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildAssemblyAi);
}

/** AssemblyAI words are `{text, start, end}` in whole milliseconds; seconds (DPE JSON) are not. */
function isAssemblyWord(value: unknown): boolean {
  return isObject(value) && typeof field(value, 'text') === 'string' && Number.isInteger(field(value, 'start')) && Number.isInteger(field(value, 'end'));
}

export function detectAssemblyAiJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const utterances = field(json, 'utterances');
  const words = field(json, 'words');
  const hasUtterances = Array.isArray(utterances) && utterances.length > 0 && isObject(utterances[0]) && field(utterances[0], 'speaker') !== undefined;
  const hasWords = Array.isArray(words) && words.length > 0 && isAssemblyWord(words[0]);
  const metaKeys = ['audio_url', 'language_code', 'acoustic_model', 'speaker_labels', 'audio_duration', 'punctuate'];
  const meta = metaKeys.filter((key) => field(json, key) !== undefined).length;
  if (hasUtterances || hasWords) return meta >= 2 ? 0.95 : 0.5;
  // A finished transcript without words (silence) or one that failed still belongs here.
  if (meta >= 3 && typeof field(json, 'status') === 'string') return 0.8;
  return 0;
}

export const assemblyAiJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'AssemblyAI JSON',
  extensions: ['json'],
  detect: detectAssemblyAiJson,
  parse: parseAssemblyAiJson,
};
