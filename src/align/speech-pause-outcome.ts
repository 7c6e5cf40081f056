/**
 * The aligner's answer for a language without an acoustic model: sentences
 * and lines placed on the recording's speech islands by syllable count
 * (place-on-speech.ts), every time marked `estimated`. Times the transcript
 * already has (file, hand-set) are anchors: the text between two of them is
 * placed on the speech between them.
 */
import { estimateTimings } from '../transcript/estimate-times.ts';
import type { Entry, SpeechTurn, Transcript, Word } from '../transcript/model.ts';
import type { AlignOutcome } from './align-outcome.ts';
import { isAnchorTime } from './align-tokens.ts';
import type { SpeechIsland } from './energy-islands.ts';
import { syllableCounter } from './language-syllables.ts';
import { type SpeechUnit, placeOnSpeech } from './place-on-speech.ts';

/** A word that ends a sentence: `.`, `!`, `?`, `…` possibly followed by quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

interface UnitRef {
  entry: number;
  /** Word indices in the entry. */
  words: number[];
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function anchored(entry: Entry): boolean {
  return isAnchorTime(entry.start, entry.timing) && isAnchorTime(entry.end, entry.timing);
}

/** A turn's sentences and paragraphs, each a unit of its own: they most often start after a pause. */
function unitsOfTurn(turn: SpeechTurn, entry: number): UnitRef[] {
  const units: UnitRef[] = [];
  let current: number[] = [];
  turn.words.forEach((word, index) => {
    if (current.length > 0 && (word as Word & { paragraph?: boolean }).paragraph) {
      units.push({ entry, words: current });
      current = [];
    }
    current.push(index);
    if (SENTENCE_END.test(word.text)) {
      units.push({ entry, words: current });
      current = [];
    }
  });
  if (current.length > 0) units.push({ entry, words: current });
  return units;
}

/**
 * Every untimed speech turn gets times from the speech islands; events and
 * whatever could not be placed are spread between the times now known.
 */
export function speechPauseOutcome(transcript: Transcript, islands: readonly SpeechIsland[], duration: number, language: string, warnings: string[]): AlignOutcome {
  const count = syllableCounter(language);
  const entries = [...transcript.entries];
  let regionStart = 0;
  let pending: UnitRef[] = [];
  let placedAny = false;

  const flush = (regionEnd: number) => {
    if (pending.length === 0) return;
    const units: SpeechUnit[] = pending.map((unit) => ({
      wordSyllables: unit.words.map((index) => count(((entries[unit.entry] as SpeechTurn).words[index] as Word).text)),
    }));
    const placed = placeOnSpeech(units, islands, regionStart, Math.max(regionStart, regionEnd));
    if (placed) {
      placedAny = true;
      const touched = new Map<number, Word[]>();
      pending.forEach((unit, u) => {
        const turn = entries[unit.entry] as SpeechTurn;
        const words = touched.get(unit.entry) ?? [...turn.words];
        const times = placed[u]?.words ?? [];
        unit.words.forEach((index, k) => {
          const time = times[k];
          const word = words[index] as Word;
          if (!time || (isAnchorTime(word.start, word.timing) && isAnchorTime(word.end, word.timing))) return;
          words[index] = { ...word, start: round3(time[0]), end: round3(time[1]), timing: 'estimated' };
        });
        touched.set(unit.entry, words);
      });
      for (const [index, words] of touched) {
        const turn = entries[index] as SpeechTurn;
        const timed = words.filter((word) => word.start !== undefined && word.end !== undefined);
        entries[index] = { ...turn, words, start: timed[0]?.start ?? turn.start, end: timed.at(-1)?.end ?? turn.end, timing: 'estimated', confidence: 0 };
      }
    }
    pending = [];
  };

  transcript.entries.forEach((entry, index) => {
    if (anchored(entry)) {
      flush(entry.start as number);
      regionStart = entry.end as number;
      return;
    }
    if (entry.kind === 'speech') pending.push(...unitsOfTurn(entry, index));
  });
  flush(duration);

  if (!placedAny) warnings.push('no speech was found in the audio, so the timings are spread evenly by syllables');
  const filled = estimateTimings({ ...transcript, entries }, duration);
  const out = filled.entries.map((entry): Entry => (entry.kind === 'speech' && !anchored(entry) ? { ...entry, confidence: 0 } : entry));
  const lowConfidence = out.flatMap((entry, index) => (entry.kind === 'speech' && !anchored(entry) ? [index] : []));
  return { transcript: { ...filled, entries: out }, lowConfidence, estimated: true, warnings };
}
