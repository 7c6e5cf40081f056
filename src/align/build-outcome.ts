/**
 * The aligner's result: decoder segments turned into timed words and turns
 * with confidences, events placed, and whatever could not be aligned filled
 * in by the syllable-proportional estimate between the times now known.
 */
import { estimateTimings } from '../transcript/estimate-times.ts';
import type { Entry, SpeechTurn, Transcript, Word } from '../transcript/model.ts';
import type { AlignOutcome } from './align-outcome.ts';
import { type AlignToken, isAnchorTime } from './align-tokens.ts';
import { localLevels } from './frame-energy.ts';
import { placeEvents } from './place-events.ts';
import type { SpeechIsland } from './speech-islands.ts';
import { spreadOnSpeech } from './spread-on-speech.ts';
import type { TokenSegment } from './window-decoder.ts';
import { countSyllables } from '../transcript/syllables.ts';

/** Turns whose confidence falls below this are reported for checking. */
const LOW_CONFIDENCE = 0.6;

/** Every time estimated from syllables, every turn at confidence 0: for languages without a model. */
export function estimatedOutcome(transcript: Transcript, duration: number, warnings: string[]): AlignOutcome {
  const estimated = estimateTimings(transcript, duration);
  const entries = estimated.entries.map((entry): Entry => (entry.kind === 'speech' ? { ...entry, confidence: 0 } : entry));
  const lowConfidence = entries.flatMap((entry, index) => (entry.kind === 'speech' ? [index] : []));
  return { transcript: { ...estimated, entries }, lowConfidence, estimated: true, warnings };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Turns aligned token segments into the outcome transcript. Turn confidence is
 * the share of its words that aligned times their mean decoder posterior,
 * lowered when its window had to be widened and capped at 0.2 when the turn
 * could not be aligned at all.
 */
export function buildOutcome(
  transcript: Transcript,
  tokens: AlignToken[],
  placed: Map<number, TokenSegment>,
  failedTurns: Set<number>,
  widenedTurns: Set<number>,
  energies: Float32Array,
  duration: number,
  warnings: string[],
  islands?: readonly SpeechIsland[],
): AlignOutcome {
  const byEntry = new Map<number, { token: AlignToken; index: number }[]>();
  tokens.forEach((token, index) => {
    const list = byEntry.get(token.entry) ?? [];
    list.push({ token, index });
    byEntry.set(token.entry, list);
  });

  const confidences = new Map<number, number>();
  const entries: Entry[] = transcript.entries.map((entry, entryIndex): Entry => {
    if (entry.kind === 'event') return entry;
    const list = byEntry.get(entryIndex) ?? [];
    let probabilitySum = 0;
    let alignable = 0;
    let aligned = 0;
    const words = entry.words.map((word, wordIndex): Word => {
      const item = list[wordIndex];
      if (!item) return word;
      const keep = isAnchorTime(word.start, word.timing) && isAnchorTime(word.end, word.timing);
      if (keep) return word;
      if (item.token.readings.length > 0) alignable += 1;
      const segment = placed.get(item.index);
      if (!segment) return word.paragraph ? { text: word.text, paragraph: true } : { text: word.text };
      aligned += 1;
      probabilitySum += segment.probability;
      const timed: Word = { text: word.text, start: round3(segment.start), end: round3(segment.end), confidence: round3(segment.probability), timing: 'aligned' };
      if (word.paragraph) timed.paragraph = true;
      return timed;
    });
    let confidence = alignable === 0 ? 1 : (aligned / alignable) * (aligned > 0 ? probabilitySum / aligned : 0);
    if (failedTurns.has(entryIndex)) confidence = Math.min(confidence, 0.2);
    if (widenedTurns.has(entryIndex)) confidence *= 0.9;
    confidences.set(entryIndex, confidence);
    const timedWords = words.filter((word) => word.start !== undefined && word.end !== undefined);
    const turn: SpeechTurn = { ...entry, words, confidence: round3(confidence) };
    const anchoredStart = isAnchorTime(entry.start, entry.timing);
    const anchoredEnd = isAnchorTime(entry.end, entry.timing);
    if (!anchoredStart) delete turn.start;
    if (!anchoredEnd) delete turn.end;
    if (timedWords.length > 0) {
      if (!anchoredStart) turn.start = (timedWords[0] as Word).start as number;
      if (!anchoredEnd) turn.end = (timedWords.at(-1) as Word).end as number;
      // A turn with a hand-set or file time keeps its timing source, so it stays an anchor.
      turn.timing = anchoredStart || anchoredEnd ? (entry.timing ?? 'file') : 'aligned';
    }
    return turn;
  });

  const spread = islands ? spreadFailedTurns(entries, failedTurns, islands, duration) : entries;
  const placedEntries = placeEvents(spread, energies, localLevels(energies));
  // Whatever is still untimed (unpronounceable words, turns that failed, events without a gap) is
  // spread by syllables between the times now known, which never move.
  const filled = estimateTimings({ ...transcript, entries: placedEntries }, duration);
  const lowConfidence: number[] = [];
  filled.entries.forEach((entry, index) => {
    if (entry.kind !== 'speech') return;
    if ((confidences.get(index) ?? 1) < LOW_CONFIDENCE) lowConfidence.push(index);
  });
  return { transcript: filled, lowConfidence, estimated: false, warnings };
}

/**
 * Turns that could not be aligned, pinned between the timed entries on
 * either side: each run of such turns gets the speech the detector found
 * between them, its words spread over it by syllables, marked `estimated`
 * (their confidence is already low, so they are listed for checking).
 */
function spreadFailedTurns(entries: Entry[], failedTurns: Set<number>, islands: readonly SpeechIsland[], duration: number): Entry[] {
  const out = entries.slice();
  const timedEnd = (entry: Entry | undefined) => (entry && entry.kind === 'speech' ? entry.end : entry?.end);
  let i = 0;
  while (i < out.length) {
    const entry = out[i] as Entry;
    if (!(entry.kind === 'speech' && failedTurns.has(i) && entry.words.every((word) => word.start === undefined))) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < out.length && (out[j]?.kind === 'event' ? out[j]?.start === undefined : failedTurns.has(j) && (out[j] as SpeechTurn).words.every((word) => word.start === undefined))) j += 1;
    // Back to the last speech turn of the run: trailing untimed events are placed on their own.
    let last = j - 1;
    while (last > i && out[last]?.kind === 'event') last -= 1;
    let from = 0;
    for (let k = i - 1; k >= 0; k--) {
      const end = timedEnd(out[k]);
      if (end !== undefined) {
        from = end;
        break;
      }
    }
    let to = duration;
    for (let k = last + 1; k < out.length; k++) {
      const start = out[k]?.start;
      if (start !== undefined) {
        to = start;
        break;
      }
    }
    const words: { entry: number; word: number; syllables: number }[] = [];
    for (let k = i; k <= last; k++) {
      const turn = out[k] as Entry;
      if (turn.kind === 'speech') turn.words.forEach((word, w) => words.push({ entry: k, word: w, syllables: Math.max(1, countSyllables(word.text)) }));
    }
    if (to > from && words.length > 0) {
      const spans = spreadOnSpeech(words.map((word) => word.syllables), islands, from, to);
      words.forEach((item, n) => {
        const turn = out[item.entry] as SpeechTurn;
        const span = spans[n] as { start: number; end: number };
        const timedWords = turn.words.slice();
        timedWords[item.word] = { text: (timedWords[item.word] as Word).text, start: round3(span.start), end: round3(span.end), timing: 'estimated' };
        out[item.entry] = { ...turn, words: timedWords };
      });
      for (let k = i; k <= last; k++) {
        const turn = out[k] as Entry;
        if (turn.kind !== 'speech' || turn.words.length === 0) continue;
        out[k] = { ...turn, start: turn.words[0]?.start as number, end: turn.words.at(-1)?.end as number, timing: 'estimated' };
      }
    }
    i = j;
  }
  return out;
}
