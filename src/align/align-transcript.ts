/**
 * Forced alignment of a transcript to its audio: the product's core.
 * (The orchestrator only; its steps live in the modules named below. It is longer than
 * 300 lines because the chunk loop, its retries and the anchors share one cursor.)
 *
 * 1. The audio is resampled to the model's 16 kHz; each decoding window gets
 *    a tiny noise floor (dither.ts). The transcript becomes tokens, one per
 *    written word, with every plausible spoken reading (spoken-forms.ts) and
 *    pronunciations from the dictionary or letter-to-sound (token-lexicon.ts).
 * 2. File and manual times are anchors: they split the tokens into regions
 *    aligned independently, and are never moved.
 * 3. Inside a region, tokens are aligned in chunks of whole turns (~30 s), each
 *    in a window sized from the speakers' learned rates (speaking-rate.ts).
 *    One pass over a whole file is never made: it loses the search on long
 *    files. A window that is too short is widened; a chunk that never fits
 *    shrinks to one turn; a turn that never fits is left to the estimate.
 * 4. Consecutive windows overlap: the previous window's last committed word is
 *    decoded again as context, and its last 3 s are not committed but decoded
 *    again with the words that follow them.
 * 5. Untranscribed audio (music, jingles, ads, a station break): the grammar
 *    allows a loop of garbage phones at the file start and after every stage
 *    direction, and wherever a first decode shows words stretched over sound
 *    or sounding "silences" between words, the chunk is decoded again with a
 *    loop there (decode-chunk.ts).
 * 6. Word starts next to pauses are snapped to the signal (refine-onsets.ts),
 *    events are placed on the sound between turns (place-events.ts), and what
 *    is left untimed is spread by syllables between the known times
 *    (build-outcome.ts).
 */
import type { Transcript } from '../transcript/model.ts';
import { acousticModelFor, type DecoderConfig } from './align-engine.ts';
import type { AlignAudio, AlignOptions, AlignOutcome, PendingPass } from './align-outcome.ts';
import { type AlignToken, collectTokens } from './align-tokens.ts';
import { buildOutcome } from './build-outcome.ts';
import { type SoundTest, decodeChunk } from './decode-chunk.ts';
import { ditherAmplitude } from './dither.ts';
import { frameEnergies, localLevels, soundingShare } from './frame-energy.ts';
import { claimOrphanSounds, refineOnsets } from './refine-onsets.ts';
import { resample } from './resample.ts';
import { SpeakingRates } from './speaking-rate.ts';
import { energySpeechIslands } from './energy-islands.ts';
import { speechPauseOutcome } from './speech-pause-outcome.ts';
import { mismatchSentence, textSupport } from './text-support.ts';
import { realignTurnsOnSpeech } from './realign-on-speech.ts';
import { type SpeechIsland, findSpeechIslands } from './speech-islands.ts';
import { levelPlan } from './level-speech.ts';
import { TokenLexicon } from './token-lexicon.ts';
import { MODEL_SAMPLE_RATE, type TokenSegment, WindowDecoder } from './window-decoder.ts';
import { counted } from '../transcript/counted.ts';

/** Decoder settings the aligner relies on; the engine adds the model path. */
export const DECODER_CONFIG: DecoderConfig = {
  samprate: MODEL_SAMPLE_RATE,
  // Wider than the recognizer defaults (1e-48, 7e-29): a forced alignment has few paths, and
  // with the defaults the right one was pruned on a poorly matching synthetic voice, leaving no
  // path at all; measured cost about 10 %.
  beam: 1e-64,
  pbeam: 1e-64,
  wbeam: 1e-40,
  // Silence between words costs nothing (default 0.005). With a penalty the decoder would rather
  // stretch a word over a pause than insert a silence: the first word of a turn began up to
  // 0.5 s early, over the pause before it, and on a fast exchange with a quiet voice whole
  // turns drifted.
  silprob: 1,
};

/**
 * Retries (wider windows, garbage loops, turn by turn) stop once this many
 * times the audio (plus the slack) has been decoded. Decoding runs at about
 * 40-60× real time, so a file the model fits badly still aligns at over 10×.
 */
const DECODE_BUDGET = 3;
const DECODE_BUDGET_SLACK = 30;
/** A chunk grows by whole turns until it holds about this many syllables (~30 s of speech). */
const CHUNK_SYLLABLES = 120;
/** A single turn longer than this is split at a sentence end. */
const MAX_CHUNK_SYLLABLES = 240;
/** Onsets are found in pre-emphasized energy, where fricatives stand out of low-frequency noise. */
const PREEMPHASIS = 0.97;
/** Onsets are judged against the levels of the surrounding few seconds, which follow noise changes closely. */
const ONSET_NEIGHBOURHOOD = 3;
/** Shortest duration a word is given when its neighbours squeeze it. */
const MIN_WORD = 0.03;
/** Seconds of audio after a chunk that found no path in which turns are decoded one by one. */
const ALONE_SECONDS = 60;
/** The tokens in the last seconds of a window are aligned again with the next window (see keptTokens). */
const HOLDBACK = 3;

interface Region {
  /** Token indices, in order. */
  tokens: number[];
  from: number;
  to: number;
}

class Aborted extends Error {}

/**
 * Thrown when the transcript plainly is not the transcript of this audio:
 * most of its turns cannot be found in it. Checked as the alignment goes, so
 * a wrong pair fails in seconds rather than after widening every window.
 */
export class TranscriptMismatchError extends Error {
  override name = 'TranscriptMismatchError';
}

/** A French text with a smaller share of its words in the dictionary gets no letter-to-sound (see TokenLexicon.guessing). */
const MIN_DICTIONARY_SHARE = 0.8;

/** Give up once at least this many turns failed and they are at least half of those tried. */
const MISMATCH_MIN_FAILED = 3;
const MISMATCH_SHARE = 0.5;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Aborted('alignment cancelled');
}

/** Lets a worker's message loop deliver a cancel between chunks. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function primaryLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/u)[0] ?? language;
}

/** Splits the tokens into runs between anchors (fixed word times, anchored turn or event edges). */
function regionsOf(tokens: AlignToken[], duration: number): Region[] {
  const regions: Region[] = [];
  let current: number[] = [];
  let from = 0;
  const close = (to: number) => {
    if (current.length > 0) regions.push({ tokens: current, from, to: Math.max(from, Math.min(duration, to)) });
    current = [];
  };
  tokens.forEach((token, index) => {
    if (token.notBefore !== undefined) {
      close(token.notBefore);
      from = token.notBefore;
    }
    const fixed = token.fixedStart !== undefined && token.fixedEnd !== undefined;
    if (!fixed) current.push(index);
    if (token.notAfter !== undefined) {
      close(token.notAfter);
      from = token.notAfter;
    }
  });
  close(duration);
  return regions;
}

/** Index (into `run`) where the chunk starting at `start` ends (exclusive). */
function chunkEnd(tokens: AlignToken[], run: number[], start: number, maxTurns: number): number {
  let syllables = 0;
  let turns = 0;
  let sentenceCut = -1;
  for (let i = start; i < run.length; i++) {
    const token = tokens[run[i] as number] as AlignToken;
    syllables += token.syllables;
    if (token.turnEnd || i === run.length - 1) {
      turns += 1;
      if (syllables >= CHUNK_SYLLABLES || turns >= maxTurns) return i + 1;
    } else if (syllables >= CHUNK_SYLLABLES && sentenceCut < 0 && token.sentenceEnd) {
      sentenceCut = i + 1;
    }
    if (syllables >= MAX_CHUNK_SYLLABLES) return sentenceCut > 0 ? sentenceCut : i + 1;
  }
  return run.length;
}

export async function alignTranscript(audio: AlignAudio, transcript: Transcript, options: AlignOptions): Promise<AlignOutcome> {
  const { engine, signal, onProgress } = options;
  const warnings: string[] = [];
  const report = (fraction: number, stage: string, pending?: PendingPass) =>
    onProgress?.({ fraction: Math.min(1, Math.max(0, fraction)), stage, ...(pending ? { pending } : {}) });
  if (!(audio.sampleRate > 0) || audio.samples.length === 0) throw new Error('the audio is empty');
  const duration = audio.samples.length / audio.sampleRate;
  const language = options.language ?? transcript.language ?? 'en';
  const model = acousticModelFor(language);
  throwIfAborted(signal);

  if (model === null || options.estimateOnly) {
    if (model === null) warnings.push(`no acoustic model for language "${language}" (available: en, fr)`);
    // The trained detector's islands, where the engine has one: signal energy hears a hissing
    // MP3's noise floor and a breath as speech and bridges short pauses (German LibriVox: 3 of 24
    // line starts within 0.5 s on energy islands, 20 of 24 on Silero's).
    let speech: SpeechIsland[];
    if (engine.loadSpeechDetector) {
      report(0.05, 'finding speech');
      const vad = await engine.loadSpeechDetector();
      const resampled = resample(audio.samples, audio.sampleRate, MODEL_SAMPLE_RATE);
      speech = await findSpeechIslands(resampled, vad, { signal, onProgress: (fraction) => report(0.05 + 0.9 * fraction, 'finding speech') });
    } else {
      speech = energySpeechIslands(audio.samples, audio.sampleRate);
    }
    throwIfAborted(signal);
    report(0.95, 'estimating from speech pauses');
    const outcome = speechPauseOutcome(transcript, speech, duration, language, warnings);
    report(1, 'done');
    return outcome;
  }

  report(0, 'preparing audio');
  const samples = resample(audio.samples, audio.sampleRate, MODEL_SAMPLE_RATE);
  const energies = frameEnergies(samples, MODEL_SAMPLE_RATE);
  throwIfAborted(signal);

  // Speech as a trained detector hears it: music, jingles and noise are not speech.
  let islands: SpeechIsland[] | null = null;
  if (engine.loadSpeechDetector) {
    report(0.01, 'finding speech');
    const vad = await engine.loadSpeechDetector();
    islands = await findSpeechIslands(samples, vad, { signal, onProgress: (fraction) => report(0.01 + 0.04 * fraction, 'finding speech') });
  }

  const spoken = primaryLanguage(language) === 'fr' ? 'fr' : 'en';
  const tokens = collectTokens(transcript, spoken);
  if (tokens.every((token) => token.readings.length === 0)) throw new Error('the transcript has no words to align');
  report(0.05, 'loading model');
  const decoder = await engine.createDecoder(model, DECODER_CONFIG, readingWords(tokens));
  try {
    throwIfAborted(signal);
    const lexicon = new TokenLexicon(decoder, model, engine.toArpabet);
    // French FLEURS: 97 % of the words in the dictionary; an English text given to French audio: far fewer.
    if (model === 'fr-fr') lexicon.guessing = lexicon.dictionaryShare(tokens.map((token) => token.readings)) >= MIN_DICTIONARY_SHARE;
    const windows = new WindowDecoder(decoder, lexicon, model, ditherAmplitude(samples, MODEL_SAMPLE_RATE));
    windows.budgetSeconds = DECODE_BUDGET * duration + DECODE_BUDGET_SLACK;
    if (islands) windows.levels = levelPlan(samples, MODEL_SAMPLE_RATE, islands);
    const placed = new Map<number, TokenSegment>();
    const widenedTurns = new Set<number>();
    const failedTurns = new Set<number>();

    const triedTurns = new Set<number>();
    let alignable = 0;
    const levels = localLevels(energies);
    const sound: SoundTest = (start, end) => soundingShare(energies, levels, start, end) >= 0.5;
    const regions = regionsOf(tokens, duration);
    const totalSpan = regions.reduce((sum, region) => sum + (region.to - region.from), 0) || 1;
    let doneSpan = 0;
    const rates = new SpeakingRates();

    for (const region of regions) {
      const run = region.tokens.filter((index) => windows.pronounceable(index, tokens[index] as AlignToken));
      // The token after a spoken word the model cannot pronounce: its sound is in the audio, and
      // without room for it the words around it stretch over it or find no path at all (French
      // FLEURS: "Fisichella", "terminé" are not in the dictionary).
      const unsaid = new Set<number>();
      region.tokens.forEach((index, k) => {
        const next = region.tokens[k + 1];
        if (next !== undefined && (tokens[index] as AlignToken).readings.length > 0 && !windows.pronounceable(index, tokens[index] as AlignToken)) unsaid.add(next);
      });
      alignable += run.length;
      let cursor = region.from;
      const fractionAt = (time: number) => 0.06 + 0.89 * ((doneSpan + (Math.min(region.to, Math.max(cursor, time)) - region.from)) / totalSpan);
      // A window's words end about HOLDBACK seconds before its end (those are decoded again).
      windows.onPass = (audioSeconds, windowEnd) => report(fractionAt(cursor), 'aligning', { fraction: fractionAt(windowEnd - HOLDBACK), audioSeconds });
      let context: number | null = null;
      let position = 0;
      let maxTurns = Infinity;
      /** After a chunk found no path, turns are decoded one by one until the cursor passes this. */
      let aloneUntil = -Infinity;
      /** After a chunk found no path, only the detector's speech is decoded until the cursor passes this. */
      let speechOnlyUntil = -Infinity;
      /** Seconds of failed turns between the last confident word and the next chunk. */
      let pendingGap = 0;
      /** The token after a failed stretch: untranscribed-like audio (the failed words) may precede it. */
      let afterFailure: number | undefined;
      while (position < run.length) {
        throwIfAborted(signal);
        const end = chunkEnd(tokens, run, position, maxTurns);
        const chunk = run.slice(position, end);
        const reachesEnd = end === run.length;
        const expected = rates.expected(piecesOf(tokens, chunk));
        // The last committed word is decoded again as the window's first word, so the boundary
        // between it and the chunk is decided with the words on both sides in the grammar
        // (starting the window at its end let the next word take its last phone).
        const contextSegment = context === null ? undefined : placed.get(context);
        const from = contextSegment ? Math.max(region.from, contextSegment.start - 0.02) : cursor;
        const indices = context === null ? chunk : [context, ...chunk];
        // Untranscribed audio of any length may precede the file's first words (an intro) and
        // follow every stage direction.
        const fileStart = chunk[0] === run[0] && region.from === 0;
        const gapBefore = (index: number) => (tokens[index] as AlignToken).afterEvent || (fileStart && index === chunk[0]) || index === afterFailure;
        const alone = maxTurns === 1;
        const speechOnly = islands && cursor < speechOnlyUntil ? islands : undefined;
        const result = decodeChunk({
          windows, samples, tokens, chunk: indices, from, limit: region.to, reachesEnd, expected: expected + pendingGap + (cursor - from), gapBefore, sound,
          knownRate: (speaker) => rates.known(speaker), alone, unsaidBefore: (index) => unsaid.has(index), ...(speechOnly ? { speechOnly } : {}),
        });
        for (const index of chunk) triedTurns.add((tokens[index] as AlignToken).entry);
        if (result) {
          // A turn decoded alone had a garbage loop after it, so nothing pulled its last words on.
          const keep = reachesEnd || alone ? chunk.length : keptTokens(chunk, result.segments);
          const committed = chunk.slice(0, keep);
          commit(placed, committed, result.segments, context);
          context = committed.at(-1) as number;
          if (result.widenings > 0) for (const index of committed) widenedTurns.add((tokens[index] as AlignToken).entry);
          learnRates(rates, tokens, committed, placed);
          const last = placed.get(committed.at(-1) as number) as TokenSegment;
          cursor = last.end;
          position += keep;
          maxTurns = cursor < aloneUntil ? 1 : Infinity;
          pendingGap = 0;
          afterFailure = undefined;
        } else if (islands && !speechOnly && !windows.overBudget()) {
          // No path through the audio as it is: noise between and under the words. Again with only
          // the speech the detector heard (a street-noise mix of the Praat sentences: 9 of 9 turns
          // lost, then all 9 found within 0.11 s).
          speechOnlyUntil = cursor + ALONE_SECONDS;
          continue;
        } else if (countTurns(tokens, chunk) > 1 && !windows.overBudget()) {
          // Decoded together the turns found no path (noise, a word the model cannot say): one by
          // one for a while, each with room after it for what it is not.
          maxTurns = 1;
          aloneUntil = cursor + ALONE_SECONDS;
          continue;
        } else {
          // Nothing fits. The error stays local: the cursor stays at the last confident word, the
          // next chunk gets a garbage loop before its first word (it takes this stretch's audio) and
          // a window longer by this stretch, and these words are later spread over the speech found
          // between the confident turns on either side (build-outcome.ts).
          for (const index of chunk) failedTurns.add((tokens[index] as AlignToken).entry);
          pendingGap += expected;
          afterFailure = run[end];
          position = end;
          maxTurns = cursor < aloneUntil ? 1 : Infinity;
          if (failedTurns.size >= MISMATCH_MIN_FAILED && failedTurns.size >= MISMATCH_SHARE * triedTurns.size) {
            throw new TranscriptMismatchError(
              `the transcript does not seem to match the audio: ${failedTurns.size} of the first ${triedTurns.size} turns could not be found in it`,
            );
          }
        }
        report(fractionAt(cursor), 'aligning');
        await yieldToHost();
      }
      doneSpan += region.to - region.from;
    }
    windows.onPass = null;

    throwIfAborted(signal);
    if (alignable >= MISMATCH_MIN_FAILED && placed.size < MISMATCH_SHARE * alignable) {
      throw new TranscriptMismatchError(
        `the transcript does not seem to match the audio: only ${placed.size} of its ${alignable} words could be found in it`,
      );
    }
    const generated = lexicon.generatedWords();
    if (generated.length > 0) warnings.push(`pronunciations guessed for ${counted(generated.length, 'word')} not in the dictionary: ${generated.slice(0, 10).join(', ')}${generated.length > 10 ? ', …' : ''}`);
    if (failedTurns.size > 0) warnings.push(`${counted(failedTurns.size, 'turn')} could not be aligned and ${failedTurns.size === 1 ? 'has' : 'have'} estimated times`);
    if (islands) realignTurnsOnSpeech(windows, samples, tokens, placed, islands);
    const orderedIndices = [...placed.keys()].sort((a, b) => a - b);
    const ordered = orderedIndices.map((index) => placed.get(index) as TokenSegment);
    const tilted = frameEnergies(samples, MODEL_SAMPLE_RATE, PREEMPHASIS);
    const views = [
      { energies, levels: localLevels(energies, ONSET_NEIGHBOURHOOD) },
      { energies: tilted, levels: localLevels(tilted, ONSET_NEIGHBOURHOOD) },
    ];
    refineOnsets(ordered, views);
    claimOrphanSounds(ordered, (i) => (tokens[orderedIndices[i] as number] as AlignToken).turnStart, views);
    const outcome = buildOutcome(transcript, tokens, placed, failedTurns, widenedTurns, energies, duration, warnings, islands ?? undefined);
    // Every window may have found a path and still the text is not of this audio (text-support.ts).
    const support = textSupport(outcome.transcript, transcript, model);
    const refusal = mismatchSentence(support);
    if (refusal) throw new TranscriptMismatchError(refusal);
    report(1, 'done');
    return { ...outcome, support };
  } finally {
    decoder.delete();
  }
}

/** Every word of every reading: all the dictionary is asked about (see AlignEngine.createDecoder). */
function readingWords(tokens: readonly AlignToken[]): Set<string> {
  const words = new Set<string>();
  for (const token of tokens) for (const reading of token.readings) for (const word of reading) words.add(word);
  return words;
}

/**
 * How many of a decoded chunk's tokens to keep. The last words of a window
 * are the least certain: nothing after them in the grammar stops them from
 * stretching over the next speaker's first words. So the tokens of the last
 * HOLDBACK seconds are decoded again at the start of the next window, where
 * the words that follow them are in the grammar too.
 */
function keptTokens(chunk: number[], segments: Map<number, TokenSegment>): number {
  if (chunk.length < 2) return chunk.length;
  const lastEnd = (segments.get(chunk.at(-1) as number) as TokenSegment).end;
  let keep = chunk.length - 1;
  while (keep > 1 && (segments.get(chunk[keep - 1] as number) as TokenSegment).start >= lastEnd - HOLDBACK) keep -= 1;
  return keep;
}

/** A chunk as turn pieces (speaker, syllables) for the rate model. */
function piecesOf(tokens: AlignToken[], chunk: number[]): { speaker: string | null; syllables: number }[] {
  const pieces: { entry: number; speaker: string | null; syllables: number }[] = [];
  for (const index of chunk) {
    const token = tokens[index] as AlignToken;
    const last = pieces.at(-1);
    if (last && last.entry === token.entry) last.syllables += token.syllables;
    else pieces.push({ entry: token.entry, speaker: token.speaker, syllables: token.syllables });
  }
  return pieces;
}

/** Feeds every turn committed from its first to its last word to the rate model. */
function learnRates(rates: SpeakingRates, tokens: AlignToken[], committed: number[], placed: Map<number, TokenSegment>): void {
  let start = -1;
  let syllables = 0;
  for (const index of committed) {
    const token = tokens[index] as AlignToken;
    if (token.turnStart) {
      start = index;
      syllables = 0;
    }
    syllables += token.syllables;
    if (token.turnEnd && start >= 0) {
      const first = placed.get(start) as TokenSegment;
      const last = placed.get(index) as TokenSegment;
      rates.learn({ entry: token.entry, speaker: token.speaker, syllables, start: first.start, end: last.end });
      start = -1;
    }
  }
}

function countTurns(tokens: AlignToken[], chunk: number[]): number {
  return new Set(chunk.map((index) => (tokens[index] as AlignToken).entry)).size;
}

/**
 * Stores a chunk's segments. The context word (the previous window's last
 * committed word, decoded again at the start of this window) keeps its start
 * and takes its end from this window, where the word after it was in the
 * grammar too.
 */
function commit(placed: Map<number, TokenSegment>, chunk: number[], segments: Map<number, TokenSegment>, context: number | null): void {
  const first = segments.get(chunk[0] as number) as TokenSegment;
  const previous = context === null ? undefined : placed.get(context);
  const again = context === null ? undefined : segments.get(context);
  if (previous && again) {
    previous.end = Math.max(previous.start + MIN_WORD, Math.min(again.end, first.start));
    first.start = Math.max(first.start, previous.end);
  }
  for (const index of chunk) placed.set(index, segments.get(index) as TokenSegment);
}

