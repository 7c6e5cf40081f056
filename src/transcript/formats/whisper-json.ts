/**
 * OpenAI Whisper JSON: the API's `verbose_json` response (segments, and top-level `words[]` when
 * `timestamp_granularities` includes `word`) and the openai-whisper Python CLI's `--output_format
 * json` (`segments[].words[]` with `probability` when run with `--word_timestamps True`).
 * Whisper has no speakers, so every segment becomes one unattributed turn.
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
  readEach,
  readObject,
  readString,
  readTimes,
  runJsonImport,
  type JsonObject,
} from './json-shape.ts';
import {
  isSoundDescription,
  languageTag,
  makeTurn,
  punctuateIntoGroups,
  splitIntoParagraphs,
  timedWord,
} from './stt-common.ts';

const FORMAT = 'whisper-json';

/**
 * The API reports `language` as Whisper's English name (`english`); the CLI as the code (`en`).
 * Names from openai-whisper's tokenizer table; codes are BCP-47 (Whisper's `jw` is `jv`).
 */
const WHISPER_LANGUAGES: Record<string, string> = Object.fromEntries(
  (
    'english:en chinese:zh german:de spanish:es russian:ru korean:ko french:fr japanese:ja portuguese:pt ' +
    'turkish:tr polish:pl catalan:ca dutch:nl arabic:ar swedish:sv italian:it indonesian:id hindi:hi ' +
    'finnish:fi vietnamese:vi hebrew:he ukrainian:uk greek:el malay:ms czech:cs romanian:ro danish:da ' +
    'hungarian:hu tamil:ta norwegian:no thai:th urdu:ur croatian:hr bulgarian:bg lithuanian:lt latin:la ' +
    'maori:mi malayalam:ml welsh:cy slovak:sk telugu:te persian:fa latvian:lv bengali:bn serbian:sr ' +
    'azerbaijani:az slovenian:sl kannada:kn estonian:et macedonian:mk breton:br basque:eu icelandic:is ' +
    'armenian:hy nepali:ne mongolian:mn bosnian:bs kazakh:kk albanian:sq swahili:sw galician:gl marathi:mr ' +
    'punjabi:pa sinhala:si khmer:km shona:sn yoruba:yo somali:so afrikaans:af occitan:oc georgian:ka ' +
    'belarusian:be tajik:tg sindhi:sd gujarati:gu amharic:am yiddish:yi lao:lo uzbek:uz faroese:fo ' +
    'haitian_creole:ht pashto:ps turkmen:tk nynorsk:nn maltese:mt sanskrit:sa luxembourgish:lb myanmar:my ' +
    'tibetan:bo tagalog:tl malagasy:mg assamese:as tatar:tt hawaiian:haw lingala:ln hausa:ha bashkir:ba ' +
    'javanese:jv jw:jv sundanese:su cantonese:yue'
  )
    .split(' ')
    .map((pair) => {
      const [name = '', code = ''] = pair.split(':');
      return [name.replace(/_/gu, ' '), code];
    }),
);

export function whisperLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  return WHISPER_LANGUAGES[key] ?? languageTag(key);
}

interface RawSegment {
  path: string;
  start?: number;
  end?: number;
  text: string;
  /** Words nested in the segment (Python CLI), already trimmed; `undefined` when absent. */
  words?: Word[];
}

function readWhisperWord(value: unknown, path: string): Word {
  const object = readObject(value, path);
  const text = readString(field(object, 'word'), child(path, 'word')).trim();
  return timedWord(text, readTimes(object, path, { start: 'start', end: 'end', confidence: 'probability' }));
}

function readWordList(value: unknown, path: string): Word[] {
  return readEach(value, path, readWhisperWord).filter((word) => word.text !== '');
}

function readSegment(value: unknown, path: string): RawSegment {
  const object = readObject(value, path);
  const segment: RawSegment = { path, text: readString(field(object, 'text'), child(path, 'text')) };
  Object.assign(segment, readTimes(object, path, { start: 'start', end: 'end' }));
  const words = field(object, 'words');
  if (words !== undefined && words !== null) segment.words = readWordList(words, child(path, 'words'));
  return segment;
}

/**
 * The API puts words beside the segments, not in them, and without punctuation: matching them to
 * the segments' punctuated text spells them as written and tells which segment each belongs to.
 */
function distributeWords(segments: RawSegment[], words: Word[]): Word[][] {
  return punctuateIntoGroups(
    segments.map((segment) => (segment.start === undefined ? { text: segment.text } : { text: segment.text, start: segment.start })),
    words,
  );
}

function segmentEntry(segment: RawSegment, words: Word[] | undefined, warnings: string[]): Entry | null {
  const text = segment.text.trim();
  if (isSoundDescription(text)) {
    const event: Entry = { kind: 'event', text };
    if (segment.start !== undefined) event.start = segment.start;
    if (segment.end !== undefined) event.end = segment.end;
    if (segment.start !== undefined || segment.end !== undefined) event.timing = 'file';
    return event;
  }
  let turnWords = words;
  if (!turnWords || (turnWords.length === 0 && text !== '')) {
    if (words && text !== '') warnings.push(`${segment.path} has no word timings; its words are untimed`);
    turnWords = wordsFromText(text);
  }
  if (turnWords.length === 0) return null;
  const times: { start?: number; end?: number } = {};
  if (segment.start !== undefined) times.start = segment.start;
  if (segment.end !== undefined) times.end = segment.end;
  return makeTurn(null, turnWords, times);
}

function buildWhisper(json: unknown, warnings: string[]): Transcript {
  const root = readObject(json, '');
  const transcript: Transcript = { speakers: [], entries: [] };
  const language = whisperLanguage(field(root, 'language'));
  if (language) transcript.language = language;

  const segmentsValue = field(root, 'segments');
  const wordsValue = field(root, 'words');
  const topWords = wordsValue === undefined || wordsValue === null ? undefined : readWordList(wordsValue, 'words');

  if (segmentsValue !== undefined && segmentsValue !== null) {
    const segments = readArray(segmentsValue, 'segments').map((item, index) => readSegment(item, child('segments', index)));
    const distributed = topWords && topWords.length > 0 ? distributeWords(segments, topWords) : undefined;
    segments.forEach((segment, index) => {
      const entry = segmentEntry(segment, distributed ? distributed[index] : segment.words, warnings);
      if (entry) transcript.entries.push(entry);
    });
    if (segments.length > 0 || !topWords) return transcript;
  }

  if (topWords) {
    // `timestamp_granularities: ['word']` alone returns words and running text but no segments.
    const text = field(root, 'text');
    const words = typeof text === 'string' ? punctuate(topWords, text) : topWords;
    for (const paragraph of splitIntoParagraphs(words)) transcript.entries.push(makeTurn(null, paragraph));
    return transcript;
  }

  const text = field(root, 'text');
  if (typeof text === 'string') {
    // Plain `json` responses carry only the text.
    warnings.push('the file has no segments or word timings; the text is untimed');
    for (const paragraph of splitIntoParagraphs(wordsFromText(text))) transcript.entries.push(makeTurn(null, paragraph));
    return transcript;
  }
  throw new JsonShapeError('segments', 'is missing (expected Whisper JSON with segments or words)');
}

function punctuate(words: Word[], text: string): Word[] {
  return punctuateIntoGroups([{ text }], words)[0] ?? words;
}

export function parseWhisperJson(text: string, options?: ParseOptions): ParseResult {
  return runJsonImport(FORMAT, text, options, buildWhisper);
}

function looksLikeSegment(value: unknown): value is JsonObject {
  return isObject(value) && typeof field(value, 'text') === 'string' && typeof field(value, 'start') === 'number';
}

export function detectWhisperJson(text: string, parsedJson: unknown): number {
  const json = jsonForDetection(text, parsedJson);
  if (!isObject(json)) return 0;
  // WhisperX writes `word_segments` and per-segment speakers and word `score`s.
  if (field(json, 'word_segments') !== undefined) return 0.2;
  const segments = field(json, 'segments');
  if (Array.isArray(segments) && segments.length > 0) {
    const sample = segments.slice(0, 5);
    if (!sample.every(looksLikeSegment)) return 0;
    if (sample.some((segment) => field(segment, 'speaker') !== undefined)) return 0.2;
    const firstWord = sample.map((segment) => field(segment, 'words')).find((words) => Array.isArray(words) && words.length > 0);
    const word: unknown = Array.isArray(firstWord) ? firstWord[0] : undefined;
    if (isObject(word) && field(word, 'score') !== undefined) return 0.2;
    if (isObject(word) && field(word, 'probability') !== undefined) return 0.95;
    const whisperKeys = ['seek', 'tokens', 'avg_logprob', 'no_speech_prob', 'compression_ratio'];
    if (whisperKeys.some((key) => field(sample[0] as JsonObject, key) !== undefined)) return 0.95;
    return 0.6;
  }
  const words = field(json, 'words');
  if (Array.isArray(words) && words.length > 0) {
    const word: unknown = words[0];
    const wordShaped = isObject(word) && typeof field(word, 'word') === 'string' && typeof field(word, 'start') === 'number';
    if (!wordShaped || field(word, 'punctuated_word') !== undefined) return 0;
    return field(json, 'task') !== undefined || field(json, 'duration') !== undefined ? 0.9 : 0.5;
  }
  if (Array.isArray(segments) && typeof field(json, 'text') === 'string' && field(json, 'task') !== undefined) return 0.8;
  return 0;
}

export const whisperJsonFormat: ImportFormat = {
  id: FORMAT,
  label: 'OpenAI Whisper JSON',
  extensions: ['json'],
  detect: detectWhisperJson,
  parse: parseWhisperJson,
};
