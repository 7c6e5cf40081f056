/**
 * The transcript flattened into what the aligner works on: one token per
 * word of every speech turn, in order, with its spoken readings, its
 * syllable weight and the anchor times it must keep.
 */
import type { Transcript, Word } from '../transcript/model.ts';
import { countSyllables } from '../transcript/syllables.ts';
import { type Reading, type SpokenLanguage, spokenForms } from './spoken-forms.ts';

export interface AlignToken {
  /** Index into `transcript.entries` of the speech turn. */
  entry: number;
  /** Index into that turn's `words`. */
  word: number;
  /** The turn's speaker id (null when unlabelled). */
  speaker: string | null;
  /** How the token may be read aloud; empty when it is not spoken (`—`, `(LAUGHTER)`). */
  readings: Reading[];
  /** Weight for expected durations. */
  syllables: number;
  /** Word times the aligner must keep (from the file or set by hand). */
  fixedStart?: number;
  fixedEnd?: number;
  /**
   * Times the token's speech cannot cross: its own fixed times, or the
   * anchored start/end of its turn. The aligner works between them.
   */
  notBefore?: number;
  notAfter?: number;
  /** True for the first token of its turn. */
  turnStart: boolean;
  /** True for the last token of its turn. */
  turnEnd: boolean;
  /** True when the token ends a sentence (`.`, `?`, `!`): a good place to split a long turn. */
  sentenceEnd: boolean;
  /**
   * True for the first token of a turn that follows a stage-direction event
   * (`(SOUNDBITE OF MUSIC)`): non-speech audio of unknown length lies before it.
   */
  afterEvent: boolean;
}

/** Tokens whose final period belongs to an abbreviation, not to the end of a sentence. */
const ABBREVIATION = /^(?:[A-Za-z]\.){2,}$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Prof|Mt|No|M|Mme)\.$/u;

/** Times from a file or set by hand are anchors; earlier aligner output and estimates are not. */
export function isAnchorTime(time: number | undefined, timing: string | undefined): time is number {
  return time !== undefined && Number.isFinite(time) && timing !== 'aligned' && timing !== 'estimated';
}

/**
 * Marks tokens inside parentheses or brackets, which transcripts use for
 * things that are not said: `(LAUGHTER)`, `[inaudible]`, `(SOUNDBITE OF MUSIC)`.
 */
function unspokenMask(words: Word[]): boolean[] {
  const mask = new Array<boolean>(words.length).fill(false);
  let open = false;
  words.forEach((word, i) => {
    const text = word.text.trim();
    if (!open && /^[([]/u.test(text)) open = true;
    if (open) mask[i] = true;
    if (open && /[)\]][.,;:!?"'”’]*$/u.test(text)) open = false;
  });
  // An opening bracket that never closes is more likely a typo than a stage direction.
  if (open) {
    const from = mask.lastIndexOf(false) + 1;
    for (let i = from; i < mask.length; i++) mask[i] = false;
  }
  return mask;
}

export function collectTokens(transcript: Transcript, language: SpokenLanguage): AlignToken[] {
  const tokens: AlignToken[] = [];
  let eventPending = false;
  transcript.entries.forEach((entry, entryIndex) => {
    if (entry.kind !== 'speech') {
      eventPending = true;
      return;
    }
    const afterEvent = eventPending && entry.words.length > 0;
    if (entry.words.length > 0) eventPending = false;
    const unspoken = unspokenMask(entry.words);
    entry.words.forEach((word, wordIndex) => {
      const readings = unspoken[wordIndex] ? [] : spokenForms(word.text, language);
      const token: AlignToken = {
        entry: entryIndex,
        word: wordIndex,
        speaker: entry.speakerId,
        readings,
        syllables: readings.length > 0 ? Math.max(1, countSyllables(word.text)) : 0,
        turnStart: wordIndex === 0,
        turnEnd: wordIndex === entry.words.length - 1,
        sentenceEnd: /[.!?…]["'”’)\]]*$/u.test(word.text) && !ABBREVIATION.test(word.text),
        afterEvent: afterEvent && wordIndex === 0,
      };
      if (isAnchorTime(word.start, word.timing)) token.fixedStart = token.notBefore = word.start;
      if (isAnchorTime(word.end, word.timing)) token.fixedEnd = token.notAfter = word.end;
      if (token.turnStart && token.notBefore === undefined && isAnchorTime(entry.start, entry.timing)) token.notBefore = entry.start;
      if (token.turnEnd && token.notAfter === undefined && isAnchorTime(entry.end, entry.timing)) token.notAfter = entry.end;
      tokens.push(token);
    });
  });
  applyEventAnchors(transcript, tokens);
  return tokens;
}

/** An event with anchored times is a wall too: speech before it ends by its start, speech after starts after its end. */
function applyEventAnchors(transcript: Transcript, tokens: AlignToken[]): void {
  transcript.entries.forEach((entry, entryIndex) => {
    if (entry.kind !== 'event') return;
    const before = tokens.findLast((token) => token.entry < entryIndex);
    const after = tokens.find((token) => token.entry > entryIndex);
    if (before && isAnchorTime(entry.start, entry.timing) && !(before.notAfter !== undefined && before.notAfter <= entry.start)) {
      before.notAfter = entry.start;
    }
    if (after && isAnchorTime(entry.end, entry.timing) && !(after.notBefore !== undefined && after.notBefore >= entry.end)) {
      after.notBefore = entry.end;
    }
  });
}
