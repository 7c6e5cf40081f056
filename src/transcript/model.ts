/**
 * The transcript model shared by every parser, writer, the aligner, the CLI and the UI.
 *
 * Times are seconds from the start of the audio. Every time is optional:
 * untimed and partly timed transcripts are first-class, so nothing may assume
 * that an entry or a word carries `start`/`end`.
 */

/** Where a time came from; lets the editor keep hand-set times as anchors. */
export type TimingSource = 'file' | 'aligned' | 'estimated' | 'manual';

export interface Speaker {
  /** Stable id, unique within a transcript (e.g. `charles-maynes`). */
  id: string;
  /** Display name as the transcript spells it, e.g. `Charles Maynes`. */
  name: string;
  /** Role or affiliation from the label, e.g. `BYLINE`. */
  role?: string;
}

export interface Word {
  /** The token as written, punctuation attached: `Maduro.`, `(LAUGHTER)`. */
  text: string;
  start?: number;
  end?: number;
  /** 0..1 when the source or the aligner supplies one. */
  confidence?: number;
  timing?: TimingSource;
  /**
   * This word starts a new paragraph inside its turn (an NPR continuation paragraph, a
   * line of a poem, a second caption cue of one speaker). Never set on a turn's first word;
   * absent rather than `false` so old files and objects compare equal.
   */
  paragraph?: true;
}

export interface SpeechTurn {
  kind: 'speech';
  /** `null` for an unlabelled turn (e.g. a radio host's unattributed intro). */
  speakerId: string | null;
  start?: number;
  end?: number;
  words: Word[];
  /** 0..1 when known (aligner confidence, service confidence). */
  confidence?: number;
  timing?: TimingSource;
}

/** A non-speech entry such as `(SOUNDBITE OF MUSIC)`. */
export interface EventEntry {
  kind: 'event';
  text: string;
  start?: number;
  end?: number;
  timing?: TimingSource;
}

export type Entry = SpeechTurn | EventEntry;

export interface Transcript {
  speakers: Speaker[];
  entries: Entry[];
  /** BCP-47 language tag when known, e.g. `en`. */
  language?: string;
}

export function isSpeech(entry: Entry): entry is SpeechTurn {
  return entry.kind === 'speech';
}

/** Splits running text into word tokens (whitespace-separated, punctuation kept). */
export function tokenize(text: string): string[] {
  return text.split(/\s+/u).filter((token) => token.length > 0);
}

/** Makes untimed words from running text. */
export function wordsFromText(text: string): Word[] {
  return tokenize(text).map((token) => ({ text: token }));
}

export function turnText(turn: SpeechTurn): string {
  return turn.words.map((word) => word.text).join(' ');
}

/** The turn's paragraphs, each a list of its words; a turn without breaks is one paragraph. */
export function turnParagraphs(turn: SpeechTurn): Word[][] {
  const paragraphs: Word[][] = [];
  let current: Word[] = [];
  for (const word of turn.words) {
    if (word.paragraph && current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** The turn's text with a `\n` before each paragraph-starting word: what the text editor edits. */
export function turnTextWithParagraphs(turn: SpeechTurn): string {
  return turnParagraphs(turn)
    .map((paragraph) => paragraph.map((word) => word.text).join(' '))
    .join('\n');
}

/**
 * Words from edited text: whitespace separates words, a line break also starts a paragraph
 * on the word after it (blank lines count once). The first word never starts one.
 */
export function wordsFromParagraphText(text: string): Word[] {
  const words: Word[] = [];
  for (const line of text.split(/\r\n|\r|\n/u)) {
    tokenize(line).forEach((token, index) => {
      words.push(index === 0 && words.length > 0 ? { text: token, paragraph: true } : { text: token });
    });
  }
  return words;
}

export function entryText(entry: Entry): string {
  return entry.kind === 'speech' ? turnText(entry) : entry.text;
}

/** Speech turns in order; their position in this list is the turn index the UI exposes. */
export function speechTurns(transcript: Transcript): SpeechTurn[] {
  return transcript.entries.filter(isSpeech);
}

export function speakerName(transcript: Transcript, speakerId: string | null): string | undefined {
  if (speakerId === null) return undefined;
  return transcript.speakers.find((speaker) => speaker.id === speakerId)?.name;
}

/** A URL/ID-safe speaker id from a display name: `Charles Maynes` -> `charles-maynes`. */
export function speakerIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug.length > 0 ? slug : 'speaker';
}

export function emptyTranscript(): Transcript {
  return { speakers: [], entries: [] };
}

/** True when at least one entry or word carries a start time. */
export function hasAnyTiming(transcript: Transcript): boolean {
  return transcript.entries.some(
    (entry) =>
      entry.start !== undefined ||
      (entry.kind === 'speech' && entry.words.some((word) => word.start !== undefined)),
  );
}

/** Turns whose alignment confidence is below this are marked for a person to check. */
export const LOW_CONFIDENCE = 0.6;
