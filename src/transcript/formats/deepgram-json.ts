/**
 * Deepgram pre-recorded response JSON. Times are seconds. Words live in
 * `results.channels[0].alternatives[0].words[]` ({word, punctuated_word, start, end, confidence,
 * speaker}); turn structure comes, in order of preference, from `paragraphs.paragraphs[]`
 * (`paragraphs=true` or `smart_format`), from `results.utterances[]` (`utterances=true`), or from
 * speaker changes in the words themselves. Speakers are numbers: `0` -> `Speaker 0`.
 */
import { wordsFromText, type SpeechTurn, type Transcript, type Word } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import {
  child,
  field,
  isJsonObject as isObject,
  jsonForDetection,
  readArray,
  readConfidence,
  readEach,
  readNumber,
  readObject,
  readOptional,
  readSeconds,
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

const FORMAT = 'deepgram-json';

function readWord(value: unknown, path: string): LabelledWord {
  const object = readObject(value, path);
  const bare = readString(field(object, 'word'), child(path, 'word'));
  const punctuated = readOptional(field(object, 'punctuated_word'), child(path, 'punctuated_word'), readString);
  const word = timedWord((punctuated ?? bare).trim(), readTimes(object, path, { start: 'start', end: 'end', confidence: 'confidence' }));
  const speaker = readOptional(field(object, 'speaker'), child(path, 'speaker'), readNumber);
  return { word, speaker: speaker === undefined ? null : String(speaker) };
}

function readWords(value: unknown, path: string): LabelledWord[] {
  return readEach(value, path, readWord).filter((labelled) => labelled.word.text !== '');
}

interface Paragraph {
  path: string;
  speaker: string | null;
  start?: number;
  end?: number;
  numWords?: number;
  text: string;
}

function readParagraph(value: unknown, path: string): Paragraph {
  const object = readObject(value, path);
  const speaker = readOptional(field(object, 'speaker'), child(path, 'speaker'), readNumber);
  const sentencesPath = child(path, 'sentences');
  const sentences = readOptional(field(object, 'sentences'), sentencesPath, readArray) ?? [];
  const text = sentences
    .map((sentence, index) => {
      const sentencePath = child(sentencesPath, index);
      return readString(field(readObject(sentence, sentencePath), 'text'), child(sentencePath, 'text'));
    })
    .join(' ');
  const paragraph: Paragraph = { path, speaker: speaker === undefined ? null : String(speaker), text };
  const start = readOptional(field(object, 'start'), child(path, 'start'), readSeconds);
  const end = readOptional(field(object, 'end'), child(path, 'end'), readSeconds);
  const numWords = readOptional(field(object, 'num_words'), child(path, 'num_words'), readNumber);
  if (start !== undefined) paragraph.start = start;
  if (end !== undefined) paragraph.end = end;
  if (numWords !== undefined) paragraph.numWords = numWords;
  return paragraph;
}

/**
 * `num_words` says exactly how many of the channel's words each paragraph holds; when the counts do
 * not add up (an edited file), paragraph start times decide instead.
 */
function paragraphTurns(paragraphs: Paragraph[], words: Word[], speakers: SpeakerTable, warnings: string[]): SpeechTurn[] {
  const counted = paragraphs.every((p) => p.numWords !== undefined && Number.isInteger(p.numWords) && p.numWords >= 0);
  const total = paragraphs.reduce((sum, p) => sum + (p.numWords ?? 0), 0);
  const groups: Word[][] = paragraphs.map(() => []);
  if (words.length > 0 && counted && total === words.length) {
    let at = 0;
    paragraphs.forEach((p, index) => {
      groups[index] = words.slice(at, at + (p.numWords ?? 0));
      at += p.numWords ?? 0;
    });
  } else if (words.length > 0) {
    if (counted) warnings.push('paragraph word counts do not match the words; words were placed by time');
    let index = 0;
    for (const word of words) {
      while (index + 1 < paragraphs.length && word.start !== undefined && (paragraphs[index + 1]?.start ?? Infinity) <= word.start) {
        index += 1;
      }
      groups[index]?.push(word);
    }
  }
  const turns: SpeechTurn[] = [];
  paragraphs.forEach((p, index) => {
    const group = groups[index] ?? [];
    const turnWords = group.length > 0 ? group : wordsFromText(p.text);
    if (turnWords.length === 0) return;
    const given: { start?: number; end?: number } = {};
    if (p.start !== undefined) given.start = p.start;
    if (p.end !== undefined) given.end = p.end;
    turns.push(makeTurn(speakers.idFor(p.speaker), turnWords, given));
  });
  return turns;
}

function utteranceTurns(utterances: unknown[], speakers: SpeakerTable): SpeechTurn[] {
  const turns: SpeechTurn[] = [];
  utterances.forEach((item, index) => {
    const path = child('results.utterances', index);
    const utterance = readObject(item, path);
    // Multichannel requests interleave every channel's utterances; only the first channel is read.
    const channel = readOptional(field(utterance, 'channel'), child(path, 'channel'), readNumber);
    if (channel !== undefined && channel !== 0) return;
    const speaker = readOptional(field(utterance, 'speaker'), child(path, 'speaker'), readNumber);
    const start = readOptional(field(utterance, 'start'), child(path, 'start'), readSeconds);
    const end = readOptional(field(utterance, 'end'), child(path, 'end'), readSeconds);
    const confidence = readConfidence(field(utterance, 'confidence'), child(path, 'confidence'));
    let words = readOptional(field(utterance, 'words'), child(path, 'words'), readWords)?.map((labelled) => labelled.word);
    if (!words || words.length === 0) {
      words = wordsFromText(readOptional(field(utterance, 'transcript'), child(path, 'transcript'), readString) ?? '');
    }
    if (words.length === 0) return;
    const given: { start?: number; end?: number; confidence?: number } = {};
    if (start !== undefined) given.start = start;
    if (end !== undefined) given.end = end;
    if (confidence !== undefined) given.confidence = confidence;
    turns.push(makeTurn(speakers.idFor(speaker === undefined ? null : String(speaker)), words, given));
  });
  return turns;
}

function buildDeepgram(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  const results = readObject(field(root, 'results'), 'results');
  const channels = readArray(field(results, 'channels'), 'results.channels');
  const channel = readObject(channels[0], 'results.channels[0]');
  if (channels.length > 1) warnings.push(`the file has ${channels.length} channels; only the first was read`);
  const alternatives = readArray(field(channel, 'alternatives'), 'results.channels[0].alternatives');
  const altPath = 'results.channels[0].alternatives[0]';
  const alternative = readObject(alternatives[0], altPath);

  const transcript: Transcript = { speakers: [], entries: [] };
  // `detect_language` fills `detected_language`; multilingual models list `languages` instead.
  const languages = field(alternative, 'languages');
  const language = languageTag(field(channel, 'detected_language')) ?? languageTag(Array.isArray(languages) ? languages[0] : undefined);
  if (language) transcript.language = language;
  const speakers = new SpeakerTable((label) => `Speaker ${label}`);

  const words = readOptional(field(alternative, 'words'), child(altPath, 'words'), readWords) ?? [];
  const paragraphsPath = child(altPath, 'paragraphs');
  const paragraphsObject = readOptional(field(alternative, 'paragraphs'), paragraphsPath, readObject);
  const listPath = child(paragraphsPath, 'paragraphs');
  const paragraphs = paragraphsObject
    ? readOptional(field(paragraphsObject, 'paragraphs'), listPath, readArray)?.map((item, index) => readParagraph(item, child(listPath, index)))
    : undefined;
  const utterances = readOptional(field(results, 'utterances'), 'results.utterances', readArray);

  if (paragraphs && paragraphs.length > 0) {
    transcript.entries = paragraphTurns(
      paragraphs,
      words.map((labelled) => labelled.word),
      speakers,
      warnings,
    );
  } else if (utterances && utterances.length > 0) {
    transcript.entries = utteranceTurns(utterances, speakers);
  }
  if (transcript.entries.length === 0 && words.length > 0) {
    transcript.entries = turnsFromLabelledWords(words, speakers);
  }
  if (transcript.entries.length === 0) {
    const text = readOptional(field(alternative, 'transcript'), child(altPath, 'transcript'), readString) ?? '';
    if (text.trim() !== '') warnings.push('the response has no word timings; the text is untimed');
    for (const paragraph of splitIntoParagraphs(wordsFromText(text))) transcript.entries.push(makeTurn(null, paragraph));
  }
  transcript.speakers = speakers.speakers();
  return transcript;
}

export function parseDeepgramJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildDeepgram);
}

export function detectDeepgramJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  const results = field(json, 'results');
  if (!isObject(results)) return 0;
  const channels = field(results, 'channels');
  if (!Array.isArray(channels)) return 0;
  const channel: unknown = channels[0];
  const hasAlternatives = isObject(channel) && Array.isArray(field(channel, 'alternatives'));
  const metadata = field(json, 'metadata');
  const deepgramMeta = isObject(metadata) && (field(metadata, 'request_id') !== undefined || field(metadata, 'model_info') !== undefined);
  if (hasAlternatives) return deepgramMeta ? 0.98 : 0.9;
  return deepgramMeta ? 0.6 : 0.3;
}

export const deepgramJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'Deepgram JSON',
  extensions: ['json'],
  detect: detectDeepgramJson,
  parse: parseDeepgramJson,
};

