import type { LibraryHandle } from 'koffi';
import { loadKoffi } from './koffi.ts';
import type { EngineUtterance, PhoneSegment } from './phone-segment.ts';
import { adjustBoundaries, splitMergedWords } from './split-merged-words.ts';

/**
 * espeak-ng through its C library, because only the library reports where each phoneme
 * starts in the audio (the CLI's --pho is mbrola-only). With phoneme events turned on,
 * every phoneme arrives as an event carrying its absolute sample position and the
 * character offset of the word it belongs to, so word boundaries come from the
 * synthesizer itself rather than from guessing at the waveform.
 */
export interface EspeakVoiceOptions {
  /** espeak-ng voice with optional variant, e.g. `en-us`, `en+m3`, `en-gb-x-rp+f2`. */
  name: string;
  /** Words per minute, 80..450 (espeak-ng's default is 175). */
  wordsPerMinute?: number;
  /** Base pitch 0..100 (default 50). */
  pitch?: number;
  /** Pitch range 0..100 (default 50); low values sound flat. */
  pitchRange?: number;
}

const AUDIO_OUTPUT_SYNCHRONOUS = 2;
const INITIALIZE_PHONEME_EVENTS = 0x0001;
const INITIALIZE_DONT_EXIT = 0x8000;
const POS_CHARACTER = 1;
const CHARS_UTF8 = 1;
const SSML = 0x10;
const EVENT_LIST_TERMINATED = 0;
const EVENT_MARK = 3;
const EVENT_END = 5;
const EVENT_MSG_TERMINATED = 6;
const EVENT_PHONEME = 7;
const PARAM_RATE = 1;
const PARAM_PITCH = 3;
const PARAM_RANGE = 4;

interface EspeakEvent {
  type: number;
  text_position: number;
  sample: number;
  /** Phoneme mnemonic for phoneme events, the mark's name for mark events. */
  name: string;
}

interface EspeakLibrary {
  sampleRate: number;
  setVoice(name: string): number;
  setParameter(parameter: number, value: number, relative: number): number;
  /** Speaks SSML. */
  synth(ssml: string): { samples: Float32Array; events: EspeakEvent[] };
}

interface RawEvent {
  type: number;
  text_position: number;
  sample: number;
  id: { name: string | null; string: number[] };
}

function eventName(event: RawEvent): string {
  if (event.type === EVENT_MARK) return event.id.name ?? '';
  if (event.type !== EVENT_PHONEME) return '';
  // A phoneme's mnemonic fills the 8-byte field and is not always NUL-terminated.
  const nul = event.id.string.indexOf(0);
  return String.fromCharCode(...event.id.string.slice(0, nul < 0 ? undefined : nul).map((code) => code & 0xff));
}

let library: EspeakLibrary | undefined;
/** Kept reachable: koffi unloads a library whose handle is garbage-collected. */
const handles: LibraryHandle[] = [];

function loadLibrary(): EspeakLibrary {
  if (library) return library;
  const koffi = loadKoffi();
  const lib = koffi.load('libespeak-ng.so.1');
  handles.push(lib);
  const eventType = koffi.struct('espeak_EVENT', {
    type: 'int',
    unique_identifier: 'uint',
    text_position: 'int',
    length: 'int',
    audio_position: 'int',
    sample: 'int',
    user_data: 'void*',
    id: koffi.union({ number: 'int', name: 'const char*', string: koffi.array('char', 8, 'Array') }),
  });
  const callbackType = koffi.proto('int espeak_synth_callback(int16_t *wav, int numsamples, espeak_EVENT *events)');
  const initialize = lib.func('int espeak_Initialize(int output, int buflength, const char *path, int options)');
  const setCallback = lib.func('void espeak_SetSynthCallback(espeak_synth_callback *callback)');
  const setVoice = lib.func('int espeak_SetVoiceByName(const char *name)');
  const setParameter = lib.func('int espeak_SetParameter(int parameter, int value, int relative)');
  const synth = lib.func(
    'int espeak_Synth(const char *text, size_t size, uint position, int position_type, uint end_position, uint flags, uint *unique_identifier, void *user_data)',
  );
  const synchronize = lib.func('int espeak_Synchronize()');

  const sampleRate = initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, null, INITIALIZE_PHONEME_EVENTS | INITIALIZE_DONT_EXIT) as number;
  if (sampleRate <= 0) throw new Error('espeak-ng failed to initialize (is libespeak-ng1 installed?)');

  const eventSize = koffi.sizeof(eventType);
  let chunks: Float32Array[] = [];
  let events: EspeakEvent[] = [];
  const callback = koffi.register((wav: unknown, count: number, eventList: unknown) => {
    if (count > 0 && wav !== null) {
      const pcm = koffi.decode(wav, 'int16_t', count) as number[];
      chunks.push(Float32Array.from(pcm, (value) => value / 32768));
    }
    for (let i = 0; ; i++) {
      const event = koffi.decode(eventList, i * eventSize, eventType) as RawEvent;
      if (event.type === EVENT_LIST_TERMINATED) break;
      events.push({ type: event.type, text_position: event.text_position, sample: event.sample, name: eventName(event) });
    }
    return 0;
  }, koffi.pointer(callbackType));
  setCallback(callback);

  library = {
    sampleRate,
    setVoice: (name) => setVoice(name) as number,
    setParameter: (parameter, value, relative) => setParameter(parameter, value, relative) as number,
    synth(text) {
      chunks = [];
      events = [];
      const bytes = Buffer.byteLength(text, 'utf8') + 1;
      const status = synth(text, bytes, 0, POS_CHARACTER, 0, CHARS_UTF8 | SSML, null, null) as number;
      if (status !== 0) throw new Error(`espeak_Synth failed with status ${status}`);
      synchronize();
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const samples = new Float32Array(total);
      let offset = 0;
      for (const chunk of chunks) {
        samples.set(chunk, offset);
        offset += chunk.length;
      }
      return { samples, events };
    },
  };
  return library;
}

/**
 * Speaks `words` (joined by single spaces) as one phrase and reports which phones belong
 * to which word. Each word is preceded by an SSML `<mark>`; a mark event arrives at the
 * exact point in the phoneme stream where its word begins, which settles cases where
 * espeak-ng's text positions drift (a number after a possessive, a lone dash). espeak-ng
 * drops marks that fall on a sentence break it inserts itself (`U.S. Dr. Smith`); there a
 * pause separates the words and the text position, which is reliable at sentence starts,
 * decides.
 */
export function espeakSpeak(voice: EspeakVoiceOptions, words: readonly string[]): EngineUtterance {
  const raw = espeakSpeakRaw(voice, words);
  const audible = (index: number): boolean => /[\p{L}\p{N}]/u.test(words[index] ?? '');
  const expected = (index: number): string[] => phonesAlone(voice, words[index]!);
  const segments = adjustBoundaries(splitMergedWords(raw.segments, words.length, audible, expected), expected);
  return { ...raw, segments };
}

/** Phones attributed by marks and text positions alone, before merged words are split. */
function espeakSpeakRaw(voice: EspeakVoiceOptions, words: readonly string[]): EngineUtterance {
  const lib = loadLibrary();
  if (lib.setVoice(voice.name) !== 0) throw new Error(`espeak-ng has no voice "${voice.name}"`);
  lib.setParameter(PARAM_RATE, voice.wordsPerMinute ?? 175, 0);
  lib.setParameter(PARAM_PITCH, voice.pitch ?? 50, 0);
  lib.setParameter(PARAM_RANGE, voice.pitchRange ?? 50, 0);

  let ssml = '<speak>';
  const wordStarts: number[] = [];
  words.forEach((word, index) => {
    ssml += `${index > 0 ? ' ' : ''}<mark name="${index}"/>`;
    // espeak-ng counts text positions in characters from 1.
    wordStarts.push([...ssml].length + 1);
    ssml += escapeXml(word);
  });
  ssml += `<mark name="${words.length}"/></speak>`;

  const { samples, events } = lib.synth(ssml);
  const markSample = new Map<number, number>();
  for (const event of events) {
    if (event.type !== EVENT_MARK) continue;
    const index = Number(event.name);
    if (!markSample.has(index)) markSample.set(index, event.sample);
  }
  const marks = [...markSample].sort((a, b) => a[0] - b[0]);

  const timeline = events.filter((event) => event.type === EVENT_PHONEME || event.type === EVENT_END || event.type === EVENT_MSG_TERMINATED);
  const segments: PhoneSegment[] = [];
  let lastToken = 0;
  for (let i = 0; i < timeline.length; i++) {
    const event = timeline[i]!;
    if (event.type !== EVENT_PHONEME) continue;
    const startSample = event.sample;
    const endSample = Math.min(timeline[i + 1]?.sample ?? samples.length, samples.length);
    if (endSample <= startSample) continue;
    const phone = event.name;
    if (phone.startsWith('_')) {
      segments.push({ token: null, start: startSample / lib.sampleRate, end: endSample / lib.sampleRate, phone });
      continue;
    }
    let lower = 0;
    let upper = words.length - 1;
    for (const [index, sample] of marks) {
      if (sample <= startSample) lower = Math.max(lower, index);
      else upper = Math.min(upper, index - 1);
    }
    let guess = 0;
    wordStarts.forEach((position, index) => {
      if (position <= event.text_position) guess = index;
    });
    const token = Math.max(lastToken, Math.min(upper, Math.max(lower, guess)));
    lastToken = token;
    segments.push({ token, start: startSample / lib.sampleRate, end: endSample / lib.sampleRate, phone });
  }
  return { samples, sampleRate: lib.sampleRate, segments };
}

const alone = new Map<string, string[]>();

/** The phones of one word spoken on its own by the same voice. */
function phonesAlone(voice: EspeakVoiceOptions, word: string): string[] {
  const key = `${voice.name}\u0000${word}`;
  const known = alone.get(key);
  if (known) return known;
  const phones = espeakSpeakRaw(voice, [word])
    .segments.filter((segment) => segment.token !== null)
    .map((segment) => segment.phone);
  alone.set(key, phones);
  return phones;
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
