/**
 * Shared plumbing for the speech-to-text service importers (Whisper, AssemblyAI, Deepgram, …):
 * word assembly from tokens and punctuation, and turn building. Their JSON is read through
 * json-shape.ts like every other JSON importer. Everything here is pure and never touches the DOM.
 * It is long because every service's word/punctuation conventions meet here, so that each
 * importer stays a thin mapping (about 100–200 lines each).
 */
import { speakerIdFromName, type Speaker, type SpeechTurn, type Word } from '../model.ts';

// ---------------------------------------------------------------------------------------------
// Words from tokens and punctuation
// ---------------------------------------------------------------------------------------------

/** How a piece joins its neighbours: Speechmatics' `attaches_to` vocabulary, used for every service. */
export type Glue = 'none' | 'previous' | 'next' | 'both';

export interface Piece {
  text: string;
  start?: number;
  end?: number;
  confidence?: number;
  glue: Glue;
  /** Punctuation never moves a word's times or confidence (AWS gives it confidence 0). */
  punct?: boolean;
}

interface WordDraft {
  text: string;
  start?: number;
  end?: number;
  confidenceSum: number;
  confidenceCount: number;
  punctStart?: number;
  punctEnd?: number;
}

function emptyDraft(): WordDraft {
  return { text: '', confidenceSum: 0, confidenceCount: 0 };
}

function addToDraft(draft: WordDraft, piece: Piece): void {
  draft.text += piece.text;
  if (piece.punct) {
    if (piece.start !== undefined && draft.punctStart === undefined) draft.punctStart = piece.start;
    if (piece.end !== undefined) draft.punctEnd = piece.end;
    return;
  }
  if (piece.start !== undefined) draft.start = draft.start === undefined ? piece.start : Math.min(draft.start, piece.start);
  if (piece.end !== undefined) draft.end = draft.end === undefined ? piece.end : Math.max(draft.end, piece.end);
  if (piece.confidence !== undefined) {
    draft.confidenceSum += piece.confidence;
    draft.confidenceCount += 1;
  }
}

function finishDraft(draft: WordDraft): Word {
  // A word made only of punctuation (a stray dash) keeps the punctuation's own times.
  const start = draft.start ?? (draft.end === undefined ? draft.punctStart : undefined);
  const end = draft.end ?? (draft.start === undefined ? draft.punctEnd : undefined);
  const word: Word = { text: draft.text };
  if (start !== undefined) word.start = start;
  if (end !== undefined) word.end = end;
  if (draft.confidenceCount > 0) word.confidence = draft.confidenceSum / draft.confidenceCount;
  if (start !== undefined || end !== undefined) word.timing = 'file';
  return word;
}

/**
 * Joins recognised pieces into words: `previous` glues to the word before, `next` to the word
 * after, `both` to both, `none` stands alone. Sub-word tokens (whisper.cpp) are `previous`-glued
 * pieces that are not punctuation, so they extend the word's times and average its confidence.
 * Leading/trailing whitespace in a piece is dropped; an empty piece is ignored.
 */
export function joinPieces(pieces: readonly Piece[]): Word[] {
  const words: Word[] = [];
  let current: WordDraft | null = null;
  let pending: WordDraft | null = null; // pieces waiting to prefix the next word
  let joinNext = false; // the previous piece glued forward into `current`

  const flush = (): void => {
    if (current && current.text !== '') words.push(finishDraft(current));
    current = null;
  };

  for (const raw of pieces) {
    const text = raw.text.trim();
    if (text === '') continue;
    const piece: Piece = { ...raw, text };
    const gluesBack = piece.glue === 'previous' || piece.glue === 'both';
    const gluesForward = piece.glue === 'next' || piece.glue === 'both';

    if (pending) {
      addToDraft(pending, piece);
      if (!gluesForward) {
        flush();
        current = pending;
        pending = null;
      }
      joinNext = false;
      continue;
    }
    if ((gluesBack || joinNext) && current) {
      addToDraft(current, piece);
      joinNext = gluesForward;
      continue;
    }
    if (gluesForward && !gluesBack) {
      pending = emptyDraft();
      addToDraft(pending, piece);
      continue;
    }
    flush();
    current = emptyDraft();
    addToDraft(current, piece);
    joinNext = gluesForward;
  }
  if (pending) {
    // An opening quote at the very end has nothing to open: it closes the last word instead.
    const tail: WordDraft = pending;
    if (current) {
      const last: WordDraft = current;
      last.text += tail.text;
    } else current = tail;
  }
  flush();
  return words;
}

/** Letters and digits only, lower-cased: what two spellings of the same word share. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const LOOKAHEAD = 8;

/**
 * Matches bare recognised words to the tokens of the service's own punctuated text, greedily with
 * a small look-ahead so that one mismatch does not derail the rest. Linear in the input size.
 * Returns, for each word, the index of its token or -1.
 */
export function alignWordsToTokens(words: readonly string[], tokens: readonly string[]): Int32Array {
  const wordKeys = words.map(normalizeForMatch);
  const tokenKeys = tokens.map(normalizeForMatch);
  const match = new Int32Array(words.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < words.length && j < tokens.length) {
    const word = wordKeys[i] ?? '';
    const token = tokenKeys[j] ?? '';
    if (token === '') {
      j += 1;
      continue;
    }
    if (word === token) {
      match[i] = j;
      i += 1;
      j += 1;
      continue;
    }
    // The token may be several words written together (`well-known` for `well` `known`).
    let joined = word;
    let span = 1;
    while (span < 4 && token.startsWith(joined) && joined !== token && i + span < words.length) {
      joined += wordKeys[i + span] ?? '';
      span += 1;
    }
    if (joined === token && span > 1) {
      i += span;
      j += 1;
      continue;
    }
    let skipTokens = -1;
    for (let k = j + 1; k < Math.min(tokens.length, j + 1 + LOOKAHEAD); k += 1) {
      if (tokenKeys[k] === word) {
        skipTokens = k;
        break;
      }
    }
    let skipWords = -1;
    for (let k = i + 1; k < Math.min(words.length, i + 1 + LOOKAHEAD); k += 1) {
      if (wordKeys[k] === token) {
        skipWords = k;
        break;
      }
    }
    if (skipTokens !== -1 && (skipWords === -1 || skipTokens - j <= skipWords - i)) {
      j = skipTokens;
    } else if (skipWords !== -1) {
      i = skipWords;
    } else {
      i += 1;
      j += 1;
    }
  }
  return match;
}

/** A stretch of the service's punctuated running text, e.g. one Whisper segment. */
export interface TextGroup {
  text: string;
  start?: number;
}

/**
 * Gives bare timed words (the OpenAI API's `words[]` carry no punctuation) the spelling they have
 * in the service's punctuated text, and tells which text group (segment) each word belongs to.
 * Matching is by text; a word that matches no token goes by its start time. Punctuation-only
 * tokens that match no word (`—`) are appended to the word before them. Words are never dropped.
 */
export function punctuateIntoGroups(groups: readonly TextGroup[], words: readonly Word[]): Word[][] {
  const tokens: string[] = [];
  const tokenGroup: number[] = [];
  groups.forEach((group, index) => {
    for (const token of group.text.split(/\s+/u)) {
      if (token === '') continue;
      tokens.push(token);
      tokenGroup.push(index);
    }
  });
  const match = alignWordsToTokens(
    words.map((word) => word.text),
    tokens,
  );
  const perGroup: Word[][] = groups.map(() => []);
  const placed: Word[] = [];
  const owner = new Int32Array(tokens.length).fill(-1);
  let groupIndex = 0;
  words.forEach((word, index) => {
    const token = match[index] ?? -1;
    if (token >= 0) {
      groupIndex = Math.max(groupIndex, tokenGroup[token] ?? 0);
      owner[token] = index;
    } else if (word.start !== undefined) {
      while (groupIndex + 1 < groups.length && (groups[groupIndex + 1]?.start ?? Infinity) <= word.start) {
        groupIndex += 1;
      }
    }
    const copy = token >= 0 ? { ...word, text: tokens[token] ?? word.text } : { ...word };
    placed.push(copy);
    perGroup[groupIndex]?.push(copy);
  });
  let lastWord: Word | undefined;
  let lastGroup = -1;
  for (let t = 0; t < tokens.length; t += 1) {
    const o = owner[t] ?? -1;
    if (o >= 0) {
      lastWord = placed[o];
      lastGroup = tokenGroup[t] ?? -1;
    } else if (lastWord && lastGroup === tokenGroup[t] && normalizeForMatch(tokens[t] ?? '') === '') {
      lastWord.text += tokens[t] ?? '';
    }
  }
  return perGroup;
}

// ---------------------------------------------------------------------------------------------
// Speakers and turns
// ---------------------------------------------------------------------------------------------

/** Speakers in order of first appearance, keyed by the service's raw label (`A`, `spk_0`, `S1`). */
export class SpeakerTable {
  private readonly byLabel = new Map<string, Speaker>();
  private readonly usedIds = new Set<string>();

  constructor(private readonly displayName: (label: string) => string) {}

  /** The speaker id for a raw label; `null` labels stay `null` (unattributed speech). */
  idFor(label: string | null | undefined): string | null {
    if (label === null || label === undefined) return null;
    const known = this.byLabel.get(label);
    if (known) return known.id;
    const name = this.displayName(label);
    const base = speakerIdFromName(name);
    let id = base;
    for (let n = 2; this.usedIds.has(id); n += 1) id = `${base}-${n}`;
    const speaker: Speaker = { id, name };
    this.usedIds.add(id);
    this.byLabel.set(label, speaker);
    return id;
  }

  speakers(): Speaker[] {
    return [...this.byLabel.values()];
  }
}

export interface TurnTimes {
  start?: number;
  end?: number;
  confidence?: number;
}

/** A speech turn; times default to its first/last timed word, and timed turns are marked `file`. */
export function makeTurn(speakerId: string | null, words: Word[], given: TurnTimes = {}): SpeechTurn {
  let start = given.start;
  let end = given.end;
  if (start === undefined) {
    for (const word of words) {
      if (word.start !== undefined) {
        start = word.start;
        break;
      }
    }
  }
  if (end === undefined) {
    for (let i = words.length - 1; i >= 0; i -= 1) {
      const time = words[i]?.end;
      if (time !== undefined) {
        end = time;
        break;
      }
    }
  }
  const turn: SpeechTurn = { kind: 'speech', speakerId, words };
  if (start !== undefined) turn.start = start;
  if (end !== undefined) turn.end = end;
  if (given.confidence !== undefined) turn.confidence = given.confidence;
  if (start !== undefined || end !== undefined) turn.timing = 'file';
  return turn;
}

const SENTENCE_END = /[.?!…]["'”’)\]]*$/u;

/** Thresholds for cutting an unstructured stream of words into readable paragraphs. */
const PARAGRAPH = {
  /** After this many words, the next sentence end closes the paragraph. */
  softWords: 40,
  /** A sentence end followed by at least this pause (s) closes the paragraph. */
  sentencePause: 1.2,
  /** A pause this long (s) closes the paragraph even mid-sentence. */
  hardPause: 3,
  /** Unpunctuated text still gets cut this often. */
  maxWords: 150,
} as const;

/**
 * Cuts a run of one speaker's words (or of unattributed words) into paragraphs at sentence ends
 * and long pauses, for services that give no turn structure of their own.
 */
export function splitIntoParagraphs(words: readonly Word[]): Word[][] {
  const paragraphs: Word[][] = [];
  let current: Word[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as Word;
    current.push(word);
    const next = words[i + 1];
    if (!next) break;
    const gap = word.end !== undefined && next.start !== undefined ? next.start - word.end : 0;
    const endsSentence = SENTENCE_END.test(word.text);
    if (
      (endsSentence && (current.length >= PARAGRAPH.softWords || gap >= PARAGRAPH.sentencePause)) ||
      gap >= PARAGRAPH.hardPause ||
      current.length >= PARAGRAPH.maxWords
    ) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** A word as a service gives it: its text with the times and confidence read for it, the times marked as the file's own. */
export function timedWord(text: string, times: { start?: number; end?: number; confidence?: number }): Word {
  const word: Word = { text, ...times };
  if (times.start !== undefined || times.end !== undefined) word.timing = 'file';
  return word;
}

export interface LabelledWord {
  word: Word;
  speaker: string | null;
}

/** Turns from a flat word stream: a new turn at every speaker change, long runs cut into paragraphs. */
export function turnsFromLabelledWords(words: readonly LabelledWord[], speakers: SpeakerTable): SpeechTurn[] {
  const turns: SpeechTurn[] = [];
  let i = 0;
  while (i < words.length) {
    const label = (words[i] as LabelledWord).speaker;
    let j = i;
    const run: Word[] = [];
    while (j < words.length && (words[j] as LabelledWord).speaker === label) {
      run.push((words[j] as LabelledWord).word);
      j += 1;
    }
    const speakerId = speakers.idFor(label);
    for (const paragraph of splitIntoParagraphs(run)) turns.push(makeTurn(speakerId, paragraph));
    i = j;
  }
  return turns;
}

/** `SPEAKER_00` -> `Speaker 0`, `spk_3` -> `Speaker 3`: keeps the service's own numbering. */
export function numberedSpeakerName(label: string): string {
  const digits = /(\d+)\s*$/u.exec(label);
  return digits?.[1] === undefined ? label : `Speaker ${Number(digits[1])}`;
}

/** `en_us` -> `en-US`, `en` -> `en`; anything that is not a language tag is dropped. */
export function languageTag(code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?$/iu.exec(code.trim());
  if (!match?.[1]) return undefined;
  const language = match[1].toLowerCase();
  return match[2] ? `${language}-${match[2].toUpperCase()}` : language;
}

/** Whole-segment sound descriptions (`[Music]`, `(audience laughing)`, `[BLANK_AUDIO]`, `♪`). */
export function isSoundDescription(text: string): boolean {
  const trimmed = text.trim();
  return /^(?:\[[^[\]]+\]|\([^()]+\)|[♪♫\s]+)$/u.test(trimmed) && trimmed.length > 0;
}
