/**
 * Plain-text radio/podcast transcripts in the NPR house style:
 *
 *   Unlabelled host intro paragraph.
 *   CHARLES MAYNES, BYLINE: Hi there.
 *   SUMMERS: Charles, ... ? MAYNES: Well, ...
 *   (SOUNDBITE OF MUSIC)
 *   Copyright © 2026 NPR. All rights reserved. ...
 *
 * (Over 300 lines: the labelling rules below depend on each other's guesses, and the
 * paragraph/continuation logic needs the same line classification; kept together.)
 *
 * Labels are guessed from shape alone, so every rule here leans towards leaving
 * text as speech: a wrong speaker change is worse than a missed one, because the
 * editor can split a turn but nobody notices a sentence attributed to "Note".
 * Every step is a single pass with bounded regular expressions, so a megabyte
 * on one line or a hundred thousand lines parse in linear time.
 */
import {
  speakerIdFromName,
  wordsFromText,
  type Entry,
  type EventEntry,
  type Speaker,
  type Transcript,
  type Word,
} from '../model.ts';
import { parseFail, parseOk, type ParseOptions, type ParseResult } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { counted } from '../counted.ts';

const FORMAT_ID = 'plain-text';

// Name pieces are length-capped so a failed label match costs a bounded number of steps
// however long the line is (a megabyte of capitals must not backtrack quadratically).
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}\p{Nd}'’.\-]{0,30}`;
const CAPS_NAME = String.raw`${CAPS_WORD}(?: (?:${CAPS_WORD}|#?\d{1,3})){0,5}`;
const CAPS_ROLE = String.raw`${CAPS_WORD}(?:,? ${CAPS_WORD}){0,5}`;
const CAPS_LABEL = String.raw`(${CAPS_NAME})(?:, (${CAPS_ROLE}))?:(?= |$)`;
const CAPS_LABEL_AT_START = new RegExp(`^${CAPS_LABEL}`, 'u');
const CAPS_LABEL_STICKY = new RegExp(CAPS_LABEL, 'uy');

const MIXED_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’\-]{0,30}\.?`;
const PARTICLE = String.raw`(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|ibn|al|el|y)`;
const MIXED_NAME = String.raw`${MIXED_WORD}(?: (?:${PARTICLE} ){0,2}${MIXED_WORD}){0,3}(?: #?\d{1,3})?`;
const MIXED_ROLE = String.raw`${MIXED_WORD}(?: ${MIXED_WORD}){0,2}`;
const MIXED_LABEL_AT_START = new RegExp(String.raw`^(${MIXED_NAME})(?:, (${MIXED_ROLE}))?:(?= |$)`, 'u');

/** Where a label may start inside a line: after sentence-ending punctuation (and closing quotes). */
const MID_LINE_LABEL_START = /[.?!…]["”’')\]]* (?=\p{Lu})/gu;

/** First words of editorial notes (`NOTE:`, `Editor's note:`), never of speaker labels. */
const EDITORIAL_WORDS = new Set([
  'caption', 'caution', 'clarification', 'correction', 'corrections', 'credit', 'disclaimer', "editor's", 'editors',
  'fyi', 'nb', 'note', 'notes', 'posted', 'ps', 'published', 'related', 'reminder', 'source', 'sources', 'summary',
  'topics', 'transcript', 'update', 'updated', 'warning',
]);

/**
 * First words that make a mixed-case `Words:` line a sentence rather than a label
 * (`Here: ...`, `The Point: ...`). ALL-CAPS labels skip this list: NPR's `A MARTÍNEZ, HOST:` is a name.
 */
const SENTENCE_WORDS = new Set([
  'a', 'about', 'after', 'also', 'an', 'and', 'answer', 'anyway', 'at', 'audio', 'background', 'before', 'bottom',
  'but', 'by', 'chapter', 'conclusion', 'context', 'date', 'episode', 'example', 'fact', 'finally', 'first', 'for',
  'from', 'he', 'her', 'here', 'his', 'how', 'however', 'i', 'if', 'image', 'important', 'in', 'it', 'its', 'key',
  'listen', 'location', 'look', 'meanwhile', 'my', 'next', 'no', 'now', 'ok', 'okay', 'on', 'or', 'our', 'part',
  'photo', 'question', 'quote', 're', 'read', 'remember', 'result', 'results', 'season', 'second', 'section', 'see',
  'she', 'so', 'step', 'subject', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'third', 'this', 'those',
  'time', 'tip', 'to', 'today', 'video', 'via', 'watch', 'we', 'well', 'what', 'when', 'where', 'which', 'who', 'why',
  'with', 'yes', 'you', 'your',
]);

/** Single mixed-case words that name a speaker on their own (`Host: ...`). */
const ROLE_WORDS = new Set([
  'anchor', 'announcer', 'audience', 'byline', 'caller', 'chorus', 'co-host', 'cohost', 'correspondent', 'crowd',
  'guest', 'host', 'interpreter', 'interviewee', 'interviewer', 'moderator', 'narrator', 'panelist', 'participant',
  'presenter', 'producer', 'reporter', 'speaker', 'subtitle', 'translator', 'voice',
]);

/** Titles dropped when comparing full names, so `DR. ANTHONY FAUCI` and `ANTHONY FAUCI` are one person. */
const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MX', 'DR', 'PROF', 'SIR', 'DAME', 'REV', 'FR', 'SEN', 'REP', 'GOV', 'PRESIDENT']);
const NAME_SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV']);
/** Labels for anonymous voices: their last word is not a surname. */
const GENERIC_FIRST_WORDS = new Set(['UNIDENTIFIED', 'UNKNOWN', 'ANONYMOUS']);
const LOWERCASE_PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn']);
const ROMAN_NUMERALS = new Set(['II', 'III', 'IV', 'VI', 'VII', 'VIII']);

/** Lines that begin the page furniture after an NPR-style transcript; everything from one on is dropped. */
const TRAILER_STARTS = [
  /^(?:©\s*)?copyright\s*(?:©|\(c\)|&copy;)?\s*(?:\d{4}|npr)\b/iu,
  /^(?:©|\(c\)|&copy;)\s*(?:copyright\s*)?\d{4}\b/iu,
  /^accuracy and availability of npr transcripts\b/iu,
  /^npr transcripts are created on a rush deadline\b/iu,
  /^transcript provided by npr\b/iu,
  /^editorial context\s*(?:&|&amp;|and)\s*insight\b/iu,
];
const HEADER_LINE = /^(?:full |episode )?transcript:?$/iu;
const CUE_TIMING_LINE = /^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}\s*-->/mu;

const STAGE_DIRECTION_MAX = 300;
const STAGE_DIRECTION_LOOKAHEAD = 3;
const DETECT_SAMPLE_CHARS = 65_536;

interface Label {
  /** The name as written, whitespace collapsed. */
  name: string;
  role?: string;
  allCaps: boolean;
  /** Offsets of the label in its line: where it starts and just past its colon. */
  start: number;
  end: number;
}

type Line =
  | { kind: 'blank' }
  | { kind: 'event'; text: string }
  | { kind: 'text'; text: string; leading?: Label; midLine: Label[] };

/** Identity of a label: upper-cased words without trailing dots, title removed when a full name remains. */
interface LabelKey {
  words: string[];
  hasTitle: boolean;
  /** The key of the person this label names by itself (its full name, or the label as a whole). */
  key: string;
  /** Surname when the label is a bare surname (`MAYNES`, `DR. FAUCI`) that may stand for a full name. */
  shortSurname?: string;
  /** Surname when the label is a full name that bare surnames may refer to. */
  fullSurname?: string;
}

/**
 * Reads a plain-text transcript into untimed turns: `NAME:` / `NAME, ROLE:` / `Name:` labels
 * start turns (bare surnames map to the one full name they fit), unlabelled paragraphs
 * continue the previous turn, bracketed lines become events, page boilerplate is dropped.
 */
export function parseNprText(text: string, options?: ParseOptions): ParseResult {
  const fail = (message: string, line?: number): ParseResult =>
    parseFail({
      format: FORMAT_ID,
      ...(options?.fileName === undefined ? {} : { fileName: options.fileName }),
      ...(line === undefined ? {} : { line }),
      message,
    });
  if (typeof text !== 'string') return fail('the input is not text');

  const scan = scanCharacters(text);
  if (scan.nulAt !== -1) {
    return fail('the file contains NUL bytes, so it is binary or UTF-16 rather than UTF-8 text', lineOf(text, scan.nulAt));
  }
  if (scan.visible === 0) return fail('the transcript is empty');
  if (scan.undecodable > scan.visible * 0.1) {
    return fail('the file does not look like text: too many characters could not be decoded (is it UTF-8?)');
  }
  const warnings: string[] = [];
  if (scan.replacement > 0) {
    warnings.push(`${counted(scan.replacement, 'character')} could not be decoded and ${scan.replacement === 1 ? 'shows' : 'show'} as "\uFFFD"; the file may not be UTF-8`);
  }

  const lines = withoutBoilerplate(text.split(/\r\n|\r|\n/u).map(normalizeLine));
  if (lines.every((line) => line.length === 0)) {
    return fail('the text holds only page boilerplate (copyright and transcript notices), no transcript');
  }

  const classified = classifyLines(lines);
  const labels = acceptLabels(classified);
  return parseOk(buildTranscript(classified, labels, warnings), warnings);
}

/** The fallback importer for any text; see `parseNprText`. */
export const nprTextFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'Plain text (radio/podcast)',
  extensions: ['txt'],
  detect: detectNprText,
  parse: parseNprText,
};

/** The fallback format: a little confidence for any text, more when lines start with `NAME:`. */
function detectNprText(text: string, parsedJson: unknown): number {
  try {
    if (typeof text !== 'string') return 0;
    if (typeof parsedJson === 'object' && parsedJson !== null) return 0;
    const sample = text.slice(0, DETECT_SAMPLE_CHARS);
    const scan = scanCharacters(sample);
    if (scan.visible === 0 || scan.nulAt !== -1 || scan.undecodable > scan.visible * 0.1) return 0;
    if (/^\uFEFF?WEBVTT/u.test(sample) || CUE_TIMING_LINE.test(sample)) return 0.05;
    let needCompany = 0;
    for (const raw of sample.split(/\r\n|\r|\n/u)) {
      const label = leadingLabel(normalizeLine(raw));
      if (label === undefined) continue;
      if (!needsCompany(label)) return 0.6;
      needCompany += 1;
      if (needCompany >= 2) return 0.6;
    }
    return 0.1;
  } catch {
    return 0;
  }
}

interface CharacterScan {
  /** Offset of the first NUL, or -1. */
  nulAt: number;
  /** Non-whitespace characters. */
  visible: number;
  /** U+FFFD replacement characters. */
  replacement: number;
  /** Replacement characters plus control characters that never appear in text. */
  undecodable: number;
}

function scanCharacters(text: string): CharacterScan {
  let visible = 0;
  let replacement = 0;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return { nulAt: index, visible, replacement, undecodable: replacement + controls };
    if (code === 0xfffd) replacement += 1;
    else if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f) controls += 1;
    if (code > 0x20 && code !== 0xfeff && code !== 0xa0 && code !== 0x3000 && !(code >= 0x2000 && code <= 0x200b)) {
      visible += 1;
    }
  }
  return { nulAt: -1, visible, replacement, undecodable: replacement + controls };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

/** One line with the BOM, tabs, non-breaking and repeated spaces folded to single spaces. */
function normalizeLine(line: string): string {
  return line.replace(/[\s\uFEFF\u200B]+/gu, ' ').trim();
}

/**
 * Drops page furniture: a `Transcript` heading before the text, and everything from
 * the first trailer line (copyright, NPR transcript notice, "Editorial Context")
 * on. A trailer-looking line before any text is dropped alone, so a page that
 * opens with its copyright line keeps its transcript.
 */
function withoutBoilerplate(lines: string[]): string[] {
  const kept: string[] = [];
  let seenText = false;
  for (const line of lines) {
    if (line.length === 0) {
      kept.push(line);
      continue;
    }
    const trailer = TRAILER_STARTS.some((pattern) => pattern.test(line));
    if (trailer && seenText) break;
    if (trailer || (!seenText && HEADER_LINE.test(line))) continue;
    seenText = true;
    kept.push(line);
  }
  return kept;
}

function classifyLines(lines: string[]): Line[] {
  const classified: Line[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.length === 0) {
      classified.push({ kind: 'blank' });
      continue;
    }
    const direction = stageDirectionAt(lines, index);
    if (direction !== undefined) {
      classified.push({ kind: 'event', text: direction.text });
      index += direction.extraLines;
      continue;
    }
    const leading = leadingLabel(line);
    classified.push({ kind: 'text', text: line, leading, midLine: midLineLabels(line, leading?.end ?? 0) });
  }
  return classified;
}

/** A stage direction filling its line, or wrapped over a few lines of one paragraph. */
function stageDirectionAt(lines: string[], index: number): { text: string; extraLines: number } | undefined {
  let text = lines[index] ?? '';
  if (text[0] !== '(' && text[0] !== '[') return undefined;
  for (let extraLines = 0; extraLines <= STAGE_DIRECTION_LOOKAHEAD; extraLines += 1) {
    if (extraLines > 0) {
      const next = lines[index + extraLines];
      if (next === undefined || next.length === 0) return undefined;
      text = `${text} ${next}`;
    }
    if (text.length > STAGE_DIRECTION_MAX) return undefined;
    const closedAt = bracketCloseIndex(text);
    if (closedAt === text.length - 1) return /\p{L}/u.test(text) ? { text, extraLines } : undefined;
    if (closedAt !== -1) return undefined;
  }
  return undefined;
}

/** Index of the bracket closing the one at position 0, or -1 when it stays open. */
function bracketCloseIndex(text: string): number {
  const open = text[0];
  const close = open === '(' ? ')' : ']';
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === open) depth += 1;
    else if (char === close) {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

function leadingLabel(line: string): Label | undefined {
  const caps = CAPS_LABEL_AT_START.exec(line);
  if (caps) return labelFrom(caps, 0, true);
  const mixed = MIXED_LABEL_AT_START.exec(line);
  // A name without lower-case letters that CAPS_LABEL refused (too many words) is not a label either.
  if (mixed && /\p{Ll}/u.test(mixed[1] ?? '')) return labelFrom(mixed, 0, false);
  return undefined;
}

/** ALL-CAPS labels after sentence ends, e.g. `... being asked. SUMMERS: How ...`. */
function midLineLabels(line: string, from: number): Label[] {
  const found: Label[] = [];
  MID_LINE_LABEL_START.lastIndex = from;
  for (let match = MID_LINE_LABEL_START.exec(line); match !== null; match = MID_LINE_LABEL_START.exec(line)) {
    const start = match.index + match[0].length;
    CAPS_LABEL_STICKY.lastIndex = start;
    const caps = CAPS_LABEL_STICKY.exec(line);
    const label = caps ? labelFrom(caps, start, true) : undefined;
    if (label !== undefined) {
      found.push(label);
      MID_LINE_LABEL_START.lastIndex = label.end;
    } else {
      MID_LINE_LABEL_START.lastIndex = start;
    }
  }
  return found;
}

function labelFrom(match: RegExpExecArray, start: number, allCaps: boolean): Label | undefined {
  const name = match[1] ?? '';
  const firstWord = (name.split(' ')[0] ?? '').replace(/\.$/u, '').replace(/’/gu, "'").toLowerCase();
  if (EDITORIAL_WORDS.has(firstWord) || (!allCaps && SENTENCE_WORDS.has(firstWord))) return undefined;
  if (!/\p{L}.*\p{L}/su.test(name)) return undefined;
  const end = start + match[0].length;
  const role = match[2];
  return role === undefined ? { name, allCaps, start, end } : { name, role, allCaps, start, end };
}

/** A single mixed-case word (`Chicago:`) counts as a label only in a document with other mixed-case labels. */
function needsCompany(label: Label): boolean {
  return !label.allCaps && !label.name.includes(' ') && !ROLE_WORDS.has(label.name.toLowerCase());
}

function labelKey(name: string): LabelKey {
  const words = name
    .toUpperCase()
    .replace(/’/gu, "'")
    .split(' ')
    .map((word) => word.replace(/\.$/u, ''));
  const hasTitle = words.length >= 2 && HONORIFICS.has(words[0] ?? '');
  const core = hasTitle ? words.slice(1) : words;
  if (core.length === 1) {
    return { words, hasTitle, key: words.join(' '), shortSurname: core[0] };
  }
  const named = core.filter((word) => !NAME_SUFFIXES.has(word));
  const anonymous = GENERIC_FIRST_WORDS.has(core[0] ?? '') || core.some((word) => /^#?\d+$/u.test(word));
  const fullSurname = anonymous || named.length < 2 ? undefined : named[named.length - 1];
  return fullSurname === undefined
    ? { words, hasTitle, key: core.join(' ') }
    : { words, hasTitle, key: core.join(' '), fullSurname };
}

interface AcceptedLabels {
  /** Per classified line: its accepted labels in order. */
  byLine: Map<number, Label[]>;
  /** Person key for every accepted label. */
  personOf: Map<Label, string>;
  /** Display name per person key, from the label that names the person most fully. */
  displayName: Map<string, string>;
  ambiguities: string[];
}

/**
 * Decides which candidate labels are real and who each one names. Needs the
 * whole document: a mid-line `SUMMERS:` is trusted because `SUMMERS:` also
 * starts lines, and `MAYNES:` is Charles Maynes only if no other full name ends in Maynes.
 */
function acceptLabels(lines: Line[]): AcceptedLabels {
  let mixedCaseLabels = 0;
  for (const line of lines) {
    if (line.kind === 'text' && line.leading && !line.leading.allCaps) mixedCaseLabels += 1;
  }
  const leadingKeys = new Set<string>();
  const accepted: { line: number; label: Label; key: LabelKey }[] = [];
  const pendingMidLine: { line: number; label: Label; key: LabelKey }[] = [];
  lines.forEach((line, index) => {
    if (line.kind !== 'text') return;
    if (line.leading && (mixedCaseLabels >= 2 || !needsCompany(line.leading))) {
      const key = labelKey(line.leading.name);
      leadingKeys.add(key.key);
      accepted.push({ line: index, label: line.leading, key });
    }
    for (const label of line.midLine) {
      const entry = { line: index, label, key: labelKey(label.name) };
      // A full name with a role (`NOEL KING, BYLINE`) is distinctive enough to trust without a
      // line-start twin; a single word with one (`WASHINGTON, D.C.`) may be a dateline.
      if (label.role !== undefined && entry.key.shortSurname === undefined) accepted.push(entry);
      else pendingMidLine.push(entry);
    }
  });

  const fullBySurname = new Map<string, Set<string>>();
  const titledBySurname = new Map<string, Set<string>>();
  const addTo = (index: Map<string, Set<string>>, surname: string, key: string): void => {
    const keys = index.get(surname) ?? new Set<string>();
    keys.add(key);
    index.set(surname, keys);
  };
  const indexKey = (key: LabelKey): void => {
    if (key.fullSurname !== undefined) addTo(fullBySurname, key.fullSurname, key.key);
    else if (key.shortSurname !== undefined && key.hasTitle) addTo(titledBySurname, key.shortSurname, key.key);
  };
  accepted.forEach((entry) => indexKey(entry.key));

  for (const entry of pendingMidLine) {
    const surname = entry.key.shortSurname;
    const resolvable = surname !== undefined && fullBySurname.get(surname)?.size === 1;
    if (leadingKeys.has(entry.key.key) || resolvable) accepted.push(entry);
  }

  const displayName = new Map<string, string>();
  for (const { label, key } of accepted) {
    if (!displayName.has(key.key)) displayName.set(key.key, label.allCaps ? titleCaseName(label.name) : label.name);
  }

  const ambiguities: string[] = [];
  const reported = new Set<string>();
  const personOf = new Map<Label, string>();
  const resolve = (key: LabelKey): string => {
    const surname = key.shortSurname;
    if (surname === undefined) return key.key;
    const fulls = fullBySurname.get(surname);
    const candidates = fulls !== undefined ? fulls : key.hasTitle ? undefined : titledBySurname.get(surname);
    if (candidates === undefined || candidates.size === 0) return key.key;
    if (candidates.size === 1) return candidates.values().next().value ?? key.key;
    if (!reported.has(key.key)) {
      reported.add(key.key);
      const names = [...candidates].map((candidate) => displayName.get(candidate) ?? candidate);
      ambiguities.push(
        `"${displayName.get(key.key) ?? key.key}" could be ${names.join(' or ')}, so it is kept as a speaker of its own`,
      );
    }
    return key.key;
  };

  const byLine = new Map<number, Label[]>();
  for (const { line, label, key } of accepted) {
    personOf.set(label, resolve(key));
    const labels = byLine.get(line) ?? [];
    labels.push(label);
    byLine.set(line, labels);
  }
  for (const labels of byLine.values()) labels.sort((a, b) => a.start - b.start);
  return { byLine, personOf, displayName, ambiguities };
}

interface DraftTurn {
  kind: 'speech';
  person: string | null;
  words: Word[];
}

function buildTranscript(lines: Line[], accepted: AcceptedLabels, warnings: string[]): Transcript {
  const drafts: (DraftTurn | EventEntry)[] = [];
  const roleOf = new Map<string, string>();
  const hasLabels = accepted.byLine.size > 0;
  const hasBlankLines = lines.some((line) => line.kind === 'blank');
  let current: DraftTurn | undefined;
  let lastPerson: string | null = null;
  let afterBlank = false;

  const startTurn = (person: string | null): DraftTurn => {
    const turn: DraftTurn = { kind: 'speech', person, words: [] };
    drafts.push(turn);
    return turn;
  };
  const append = (turn: DraftTurn, text: string, paragraph = false): void => {
    const words = wordsFromText(text);
    const first = words[0];
    // A new line continuing a turn is a paragraph of it (never on the turn's first word).
    if (paragraph && first && turn.words.length > 0) first.paragraph = true;
    // A loop, not push(...words): a megabyte line has more words than the call stack allows arguments.
    for (const word of words) turn.words.push(word);
  };
  const linesAreParagraphs = !hasBlankLines || lineBreaksAreVerse(lines, accepted);

  lines.forEach((line, index) => {
    if (line.kind === 'blank') {
      afterBlank = true;
      return;
    }
    if (line.kind === 'event') {
      drafts.push({ kind: 'event', text: line.text });
      current = undefined;
      afterBlank = false;
      return;
    }
    const labels = accepted.byLine.get(index) ?? [];
    const lead = line.text.slice(0, labels[0]?.start ?? line.text.length);
    if (lead.trim().length > 0) {
      // Without any labels, paragraphs are the only structure there is, so each becomes a turn.
      const newParagraph = !hasLabels && (afterBlank || !hasBlankLines);
      const continues = current !== undefined && !newParagraph;
      if (!continues) current = startTurn(lastPerson);
      append(current as DraftTurn, lead, continues && (afterBlank || linesAreParagraphs));
    }
    labels.forEach((label, position) => {
      const person = accepted.personOf.get(label) ?? null;
      if (person !== null && label.role !== undefined && !roleOf.has(person)) roleOf.set(person, label.role);
      lastPerson = person;
      current = startTurn(person);
      append(current, line.text.slice(label.end, labels[position + 1]?.start ?? line.text.length));
    });
    afterBlank = false;
  });

  const speakers: Speaker[] = [];
  const idOf = new Map<string, string>();
  const usedIds = new Set<string>();
  const entries: Entry[] = [];
  for (const draft of drafts) {
    if (draft.kind === 'event') {
      entries.push(draft);
      continue;
    }
    if (draft.words.length === 0) continue;
    let speakerId: string | null = null;
    if (draft.person !== null) {
      speakerId = idOf.get(draft.person) ?? null;
      if (speakerId === null) {
        const name = accepted.displayName.get(draft.person) ?? titleCaseName(draft.person);
        const base = speakerIdFromName(name);
        let id = base;
        for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
        usedIds.add(id);
        idOf.set(draft.person, id);
        const role = roleOf.get(draft.person);
        speakers.push(role === undefined ? { id, name } : { id, name, role });
        speakerId = id;
      }
    }
    entries.push({ kind: 'speech', speakerId, words: draft.words });
  }

  warnings.push(...accepted.ambiguities);
  if (!hasLabels && entries.some((entry) => entry.kind === 'speech')) {
    warnings.push('no speaker labels such as "NAME:" were found, so every paragraph is an unlabelled turn');
  }
  return { speakers, entries };
}

/**
 * In a file with blank lines between paragraphs, a line break inside a paragraph is either
 * the page wrapping prose or a line of verse (poems, lyrics). Verse lines start with a capital
 * nearly always; wrapped prose continues mid-sentence in lower case. Decided once per file.
 */
function lineBreaksAreVerse(lines: Line[], accepted: AcceptedLabels): boolean {
  let breaks = 0;
  let capitalised = 0;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (line.kind !== 'text' || previous?.kind !== 'text' || accepted.byLine.get(index)?.[0]?.start === 0) return;
    breaks += 1;
    if (/^["'“‘(¡¿]*\p{Lu}/u.test(line.text)) capitalised += 1;
  });
  return breaks > 0 && capitalised >= breaks * 0.8;
}

/** `CHARLES MAYNES` -> `Charles Maynes`, `BETO O'ROURKE` -> `Beto O'Rourke`, `CHARLES DE GAULLE` -> `Charles de Gaulle`. */
function titleCaseName(name: string): string {
  const words = name.split(' ');
  return words
    .map((word, index) => {
      if (/^#?\d+$/u.test(word)) return word;
      if (index > 0 && ROMAN_NUMERALS.has(word)) return word;
      const lower = word.toLowerCase();
      if (index > 0 && index < words.length - 1 && LOWERCASE_PARTICLES.has(lower)) return lower;
      return lower.split('-').map(capitalizePart).join('-');
    })
    .join(' ');
}

function capitalizePart(part: string): string {
  const capitalized = part.charAt(0).toUpperCase() + part.slice(1);
  return capitalized
    .replace(/^Mc(\p{Ll})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`)
    .replace(/^(\p{Lu})(['’])(\p{Ll})/u, (_, first: string, mark: string, letter: string) => `${first}${mark}${letter.toUpperCase()}`);
}
