/**
 * Turns parsed subtitle cues (WebVTT, SRT) into transcript entries. The two parsers
 * differ only in syntax; what a cue's text means for a transcript is decided here once:
 * voices and `Name:` prefixes become speakers, dialogue dashes and `>>` split a cue
 * into turns, a cue that is only `[...]` or `(...)` is an event, inline timestamps
 * become word times.
 */
import type { Transcript, Word } from '../model.ts';
import { roundToMillis } from './timecode.ts';
import { makeWord, TranscriptBuilder } from './transcript-builder.ts';

/** A run of cue text; `time` is the inline timestamp (WebVTT `<00:00:01.500>`) that starts it. */
export interface CueSpan {
  text: string;
  time?: number;
}

/** Text under one voice (`<v Name>`), or untagged text when `voice` is absent. */
export interface CueBlock {
  voice?: string;
  spans: CueSpan[];
}

export interface SubtitleCue {
  start: number;
  end: number;
  /** 1-based line of the cue's timing line, for messages. */
  line: number;
  blocks: CueBlock[];
}

/** One turn's worth of a cue: its text and where inline timestamps fall in it. */
interface CuePart {
  text: string;
  marks: { offset: number; time: number }[];
  voice?: string;
  /** The part began with a dialogue dash or `>>`: a new, possibly unnamed, speaker. */
  speakerChange: boolean;
}

const DIALOGUE_DASH = /^[-‐–—](?=\s|\p{L}|["'“‘¿¡([])\s*/u;
const SPEAKER_CHANGE = /^>>\s*/u;
const PREFIX = /^\s*(\[[^\]\n]{1,40}\]|[^:\n]{1,40}?)\s*:(?:\s+|$)/u;
const NAME_WORD = /^[\p{Lu}\p{Lt}\p{N}][\p{L}\p{M}\p{N}_.'’-]*$/u;
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'al', 'el']);
const BRACKETED = /^\s*(?:\[[^[\]]*\]|\([^()]*\))\s*$/u;

/** True when the text is wholly one `[...]` or `(...)`: a sound, not speech. */
export function isEventText(text: string): boolean {
  return BRACKETED.test(text);
}

/** The speaker name in a `Name:` / `[Name]:` prefix, or undefined when the prefix is not name-like. */
function prefixName(candidate: string): string | undefined {
  const bare = candidate.startsWith('[') ? candidate.slice(1, -1).trim() : candidate.trim();
  const words = bare.split(/\s+/u).filter((word) => word.length > 0);
  if (words.length === 0 || words.length > 5) return undefined;
  const nameWords = words.filter((word) => !NAME_PARTICLES.has(word));
  if (nameWords.length === 0 || nameWords.length > 4) return undefined;
  if (!NAME_WORD.test(words[0] ?? '')) return undefined;
  return nameWords.every((word) => NAME_WORD.test(word)) ? bare : undefined;
}

/** Splits a name-like `Name:` / `[Name]:` prefix off the text. */
export function splitSpeakerPrefix(text: string): { name: string; rest: string } | undefined {
  const match = PREFIX.exec(text);
  if (!match) return undefined;
  const name = prefixName(match[1] ?? '');
  return name === undefined ? undefined : { name, rest: text.slice(match[0].length) };
}

/**
 * Colons belong to sentences in some files (`Note: ...`, `The reason is: ...`). Prefixes
 * count as speakers only when name-like prefixes outnumber other words-before-a-colon.
 */
function filePrefixesAreSpeakers(parts: CuePart[]): boolean {
  let names = 0;
  let others = 0;
  for (const part of parts) {
    if (part.voice !== undefined) continue;
    const match = PREFIX.exec(part.text);
    if (!match) continue;
    if (prefixName(match[1] ?? '') === undefined) others += 1;
    else names += 1;
  }
  return names > others;
}

/** Splits a cue's blocks into parts at voices, dialogue dashes and `>>` line starts. */
function cueParts(cue: SubtitleCue): CuePart[] {
  const parts: CuePart[] = [];
  for (const block of cue.blocks) {
    let current: CuePart | undefined;
    let atLineStart = true;
    const startPart = (speakerChange: boolean): CuePart => {
      const part: CuePart = { text: '', marks: [], voice: block.voice, speakerChange };
      parts.push(part);
      return part;
    };
    for (const span of block.spans) {
      const lines = span.text.split('\n');
      lines.forEach((rawLine, lineIndex) => {
        let line = rawLine;
        if (lineIndex > 0) atLineStart = true;
        if (atLineStart && line.trim().length > 0) {
          const trimmed = line.trimStart();
          // Under an explicit voice a leading dash is just text: the voice already names the speaker.
          const marker = block.voice === undefined ? (DIALOGUE_DASH.exec(trimmed) ?? SPEAKER_CHANGE.exec(trimmed)) : null;
          if (marker) {
            current = startPart(true);
            line = trimmed.slice(marker[0].length);
          } else if (current && current.text.length > 0) {
            current.text += ' ';
          }
          atLineStart = false;
        } else if (lineIndex > 0 && current) {
          current.text += ' ';
        }
        current ??= startPart(false);
        if (lineIndex === 0 && span.time !== undefined) {
          current.marks.push({ offset: current.text.length, time: span.time });
        }
        current.text += line;
      });
    }
  }
  return parts.filter((part) => part.text.trim().length > 0);
}

/**
 * Words of a part. Without inline timestamps the words are untimed (the turn has the time).
 * With them, each word takes the latest timestamp at or before it; words sharing one
 * timestamp split its span evenly and are marked estimated.
 */
function partWords(part: CuePart, start: number, end: number): Word[] {
  const tokens = [...part.text.matchAll(/\S+/gu)].map((match) => ({ text: match[0], offset: match.index }));
  if (part.marks.length === 0) return tokens.map((token) => makeWord(token.text));
  const groups: { time: number; texts: string[] }[] = [];
  let markIndex = -1;
  let floor = start;
  for (const token of tokens) {
    let nextMark = markIndex;
    while (nextMark + 1 < part.marks.length && (part.marks[nextMark + 1]?.offset ?? Infinity) <= token.offset) {
      nextMark += 1;
    }
    if (groups.length === 0 || nextMark !== markIndex) {
      const markTime = nextMark >= 0 ? (part.marks[nextMark]?.time ?? start) : start;
      const time = Math.min(Math.max(markTime, floor), end);
      floor = time;
      groups.push({ time, texts: [] });
      markIndex = nextMark;
    }
    groups[groups.length - 1]?.texts.push(token.text);
  }
  const words: Word[] = [];
  groups.forEach((group, index) => {
    const groupEnd = groups[index + 1]?.time ?? end;
    const step = (groupEnd - group.time) / group.texts.length;
    const timing = group.texts.length === 1 ? 'file' : 'estimated';
    group.texts.forEach((text, wordIndex) => {
      words.push(
        makeWord(text, roundToMillis(group.time + step * wordIndex), roundToMillis(group.time + step * (wordIndex + 1)), timing),
      );
    });
  });
  return words;
}

/**
 * Builds the transcript. A cue without a speaker label continues the previous speaker,
 * because caption files (and the podcast namespace spec) label only speaker changes;
 * a dialogue dash or `>>` without a name starts an unnamed speaker instead.
 */
export function cuesToTranscript(cues: SubtitleCue[], language?: string): Transcript {
  const builder = new TranscriptBuilder();
  const cueParts_ = cues.map((cue) => ({ cue, parts: cueParts(cue) }));
  const usePrefixes = filePrefixesAreSpeakers(cueParts_.flatMap((entry) => entry.parts));
  let lastSpeaker: string | null = null;

  for (const { cue, parts } of cueParts_) {
    const totalLength = parts.reduce((sum, part) => sum + part.text.trim().length, 0);
    let offset = 0;
    const split = parts.length > 1;
    parts.forEach((part, index) => {
      let name = part.voice;
      if (name === undefined && usePrefixes) {
        const prefix = splitSpeakerPrefix(part.text);
        if (prefix) {
          name = prefix.name;
          const removed = part.text.length - prefix.rest.length;
          part.text = prefix.rest;
          part.marks = part.marks.map((mark) => ({ offset: Math.max(0, mark.offset - removed), time: mark.time }));
        }
      }
      const length = part.text.trim().length;
      const firstMark = part.marks[0];
      let start = split ? roundToMillis(cue.start + ((cue.end - cue.start) * offset) / totalLength) : cue.start;
      if (split && firstMark && firstMark.offset === 0) start = Math.max(cue.start, Math.min(firstMark.time, cue.end));
      offset += length;
      const end =
        split && index < parts.length - 1 ? roundToMillis(cue.start + ((cue.end - cue.start) * offset) / totalLength) : cue.end;
      const timing = split ? 'estimated' : 'file';

      if (name === undefined && isEventText(part.text)) {
        builder.addEvent(part.text, start, end, timing);
        return;
      }
      const speakerId: string | null =
        name !== undefined ? builder.speakerId(name) : part.speakerChange ? null : lastSpeaker;
      lastSpeaker = speakerId;
      builder.addTurn({ speakerId, start, end: Math.max(start, end), words: partWords(part, start, Math.max(start, end)), timing });
    });
  }
  return builder.build(language);
}
