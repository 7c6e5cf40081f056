import type { LibraryHandle } from 'koffi';
import { loadKoffi } from './koffi.ts';
import type { EngineUtterance, PhoneSegment } from './phone-segment.ts';

/**
 * Flite through its C library. Flite keeps the whole utterance as linked relations
 * (Token -> Word -> Syllable -> Segment), and each Segment carries its end time in the
 * generated waveform, so the library tells exactly which phones every written token
 * became. The CLI's `-psdur` prints the same times but loses the link to the tokens.
 */
export interface FliteVoiceOptions {
  /** A voice `flite -lv` lists: `slt`, `rms`, `awb`, `kal`, `kal16`. */
  name: string;
  /** >1 speaks slower; flite's `duration_stretch` feature (default 1). */
  durationStretch?: number;
  /** Mean F0 in Hz for the intonation target (`int_f0_target_mean`); leave unset for the voice's own. */
  pitchHz?: number;
}

export const FLITE_VOICES = ['slt', 'rms', 'awb', 'kal', 'kal16'] as const;

interface FliteLibrary {
  voice(name: string): unknown;
  setFloat(voice: unknown, feature: string, value: number): void;
  /** The voice's own value of a float feature, or `undefined` when it has none. */
  getFloat(voice: unknown, feature: string): number | undefined;
  remove(voice: unknown, feature: string): void;
  synth(text: string, voice: unknown): EngineUtterance & { tokenNames: string[]; segmentTokens: (number | null)[] };
}

let library: FliteLibrary | undefined;
/** Kept reachable: koffi unloads a library whose handle is garbage-collected. */
const libraries: LibraryHandle[] = [];

function loadLibrary(): FliteLibrary {
  if (library) return library;
  const koffi = loadKoffi();
  const lib = koffi.load('libflite.so.1');
  libraries.push(lib);
  const waveType = koffi.struct('cst_wave', {
    type: 'const char*',
    sample_rate: 'int',
    num_samples: 'int',
    num_channels: 'int',
    samples: 'void*',
  });
  lib.func('int flite_init()')();
  const synthText = lib.func('void *flite_synth_text(const char *text, void *voice)');
  const deleteUtterance = lib.func('void delete_utterance(void *utt)');
  const uttWave = lib.func('cst_wave *utt_wave(void *utt)');
  const uttRelation = lib.func('void *utt_relation(void *utt, const char *name)');
  const relationHead = lib.func('void *relation_head(void *relation)');
  const itemNext = lib.func('void *item_next(void *item)');
  const itemAs = lib.func('void *item_as(void *item, const char *relation)');
  const itemParent = lib.func('void *item_parent(void *item)');
  const ffeatureString = lib.func('const char *ffeature_string(void *item, const char *path)');
  const ffeatureFloat = lib.func('float ffeature_float(void *item, const char *path)');
  // Flite keeps the name pointer a feature was set with, so the name must outlive the
  // call: feat_own_string copies it into memory the feature set owns.
  const featOwnString = lib.func('void *feat_own_string(void *features, const char *name)');
  const featSetFloat = lib.func('void feat_set_float(void *features, void *name, float value)');
  const featPresent = lib.func('int feat_present(void *features, const char *name)');
  const featFloat = lib.func('float feat_float(void *features, const char *name)');
  const featRemove = lib.func('int feat_remove(void *features, const char *name)');

  const voices = new Map<string, unknown>();
  // cst_voice is { const char *name; cst_features *features; ... }.
  const featuresOf = (voice: unknown): unknown => koffi.decode(voice, koffi.sizeof('void*'), 'void*');

  library = {
    voice(name) {
      const known = voices.get(name);
      if (known) return known;
      if (!(FLITE_VOICES as readonly string[]).includes(name)) throw new Error(`flite has no voice "${name}"`);
      // The handle must stay reachable: koffi unloads a library whose handle is collected,
      // and the voice's data lives inside it.
      const voiceLib = koffi.load(`libflite_cmu_us_${name}.so.1`);
      libraries.push(voiceLib);
      const voice = voiceLib.func(`void *register_cmu_us_${name}(const char *voxdir)`)(null);
      if (!voice) throw new Error(`flite voice "${name}" failed to register`);
      voices.set(name, voice);
      return voice;
    },
    setFloat(voice, feature, value) {
      const features = featuresOf(voice);
      featSetFloat(features, featOwnString(features, feature), value);
    },
    getFloat(voice, feature) {
      const features = featuresOf(voice);
      return featPresent(features, feature) ? (featFloat(features, feature) as number) : undefined;
    },
    remove: (voice, feature) => featRemove(featuresOf(voice), feature),
    synth(text, voice) {
      const utt = synthText(text, voice);
      if (!utt) throw new Error('flite_synth_text returned no utterance');
      try {
        const wave = koffi.decode(uttWave(utt), waveType) as { sample_rate: number; num_samples: number; samples: unknown };
        const pcm = koffi.decode(wave.samples, 'int16_t', wave.num_samples) as number[];
        const samples = Float32Array.from(pcm, (value) => value / 32768);

        const tokenIndex = new Map<bigint, number>();
        const tokenNames: string[] = [];
        for (let token = relationHead(uttRelation(utt, 'Token')); token; token = itemNext(token)) {
          tokenIndex.set(koffi.address(token), tokenNames.length);
          tokenNames.push(ffeatureString(token, 'name') as string);
        }
        const segments: PhoneSegment[] = [];
        const segmentTokens: (number | null)[] = [];
        let previousEnd = 0;
        for (let segment = relationHead(uttRelation(utt, 'Segment')); segment; segment = itemNext(segment)) {
          const phone = ffeatureString(segment, 'name') as string;
          const end = ffeatureFloat(segment, 'end') as number;
          let token: number | null = null;
          if (phone !== 'pau') {
            // Segment -> (SylStructure) syllable -> word -> (Token) the token that produced the word.
            const inSyllable = itemAs(segment, 'SylStructure');
            const syllable = inSyllable ? itemParent(inSyllable) : null;
            const word = syllable ? itemParent(syllable) : null;
            const asToken = word ? itemAs(word, 'Token') : null;
            const owner = asToken ? itemParent(asToken) : null;
            token = owner ? (tokenIndex.get(koffi.address(owner)) ?? null) : null;
          }
          segmentTokens.push(token);
          segments.push({ token, start: previousEnd, end, phone });
          previousEnd = end;
        }
        return { samples, sampleRate: wave.sample_rate, segments, tokenNames, segmentTokens };
      } finally {
        deleteUtterance(utt);
      }
    },
  };
  return library;
}

/** Each voice's own mean F0 (undefined: the voice has none), remembered before a caller overrides it. */
const ownPitch = new Map<string, number | undefined>();

/**
 * Speaks `words` (joined by single spaces) as one phrase. Flite splits tokens on
 * whitespace exactly as we join them, so its token n is our word n; the stripped token
 * names are checked against the words to catch any drift.
 */
export function fliteSpeak(voice: FliteVoiceOptions, words: readonly string[]): EngineUtterance {
  const lib = loadLibrary();
  const handle = lib.voice(voice.name);
  if (!ownPitch.has(voice.name)) ownPitch.set(voice.name, lib.getFloat(handle, 'int_f0_target_mean'));
  const pitch = voice.pitchHz ?? ownPitch.get(voice.name);
  if (pitch === undefined) lib.remove(handle, 'int_f0_target_mean');
  else lib.setFloat(handle, 'int_f0_target_mean', pitch);
  lib.setFloat(handle, 'duration_stretch', voice.durationStretch ?? 1);

  const result = lib.synth(words.join(' '), handle);
  if (result.tokenNames.length !== words.length) {
    throw new Error(`flite made ${result.tokenNames.length} tokens of ${words.length} words: ${result.tokenNames.join('|')}`);
  }
  result.tokenNames.forEach((name, index) => {
    const word = words[index] ?? '';
    if (name.length > 0 && !word.includes(name)) {
      throw new Error(`flite token ${index} "${name}" does not match word "${word}"`);
    }
  });
  // Flite's last segment end can overshoot the rendered wave by a few ms; clamp to the audio.
  const duration = result.samples.length / result.sampleRate;
  const segments = result.segments
    .map((segment) => ({ ...segment, start: Math.min(segment.start, duration), end: Math.min(segment.end, duration) }))
    .filter((segment) => segment.end > segment.start);
  return { samples: result.samples, sampleRate: result.sampleRate, segments };
}
