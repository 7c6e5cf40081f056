/**
 * Hyperaudio interactive transcripts: words as `<span data-m="1200" data-d="300">`
 * (start and duration in milliseconds) inside `<p>` paragraphs, the speaker in an element
 * with class `speaker` (`Alexandra: ` or `[Speaker 0] `). Verbatim's own HTML export is
 * this shape too, with the turn's time on the `<p>` and `class="event"` for events.
 */
import type { Word } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { hasClass, lineLocator, tokenizeHtml } from './html-tokens.ts';
import { isEventText } from './subtitle-cues.ts';
import { roundToMillis } from './timecode.ts';
import { makeWord, TranscriptBuilder } from './transcript-builder.ts';

const FORMAT_ID = 'hyperaudio-html';
const BLOCKS = new Set(['div', 'section', 'article', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'header', 'footer']);
/** Deeper nesting than this is not tracked, so hostile input cannot make closing tags quadratic. */
const MAX_DEPTH = 200;
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'source', 'track', 'wbr', 'col', 'area', 'base', 'embed', 'param']);

interface Mark {
  offset: number;
  endOffset: number;
  start: number;
  end?: number;
}

interface Paragraph {
  text: string;
  marks: Mark[];
  speaker?: string;
  event: boolean;
  start?: number;
  end?: number;
}

class BadTime extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Milliseconds from a `data-m` / `data-d` value, or `undefined` when absent. */
function readMillis(attributes: Record<string, string>, name: 'data-m' | 'data-d', offset: number): number | undefined {
  const raw = attributes[name];
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new BadTime(offset, `${name}="${raw.slice(0, 20)}" is not a number of milliseconds`);
  }
  return value;
}

function readParagraphs(html: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let paragraph: Paragraph | undefined;
  /** Open elements inside the paragraph, with what each one is collecting. */
  const stack: { name: string; role: 'mark' | 'speaker' | 'skip' | 'other'; mark?: Mark }[] = [];
  const push = (entry: (typeof stack)[number], selfClosing: boolean): void => {
    if (!selfClosing && !VOID.has(entry.name) && stack.length < MAX_DEPTH) stack.push(entry);
  };
  let speakerText: string | undefined;

  const close = (): void => {
    if (paragraph) {
      for (const open of stack) if (open.mark) open.mark.endOffset = paragraph.text.length;
      if (speakerText !== undefined && paragraph.speaker === undefined) paragraph.speaker = speakerText;
    }
    paragraph = undefined;
    stack.length = 0;
    speakerText = undefined;
  };
  const begin = (attributes: Record<string, string>, offset: number): Paragraph => {
    close();
    const start = readMillis(attributes, 'data-m', offset);
    const duration = readMillis(attributes, 'data-d', offset);
    const next: Paragraph = { text: '', marks: [], event: hasClass(attributes, 'event') };
    if (start !== undefined) {
      next.start = roundToMillis(start / 1000);
      if (duration !== undefined) next.end = roundToMillis((start + duration) / 1000);
    }
    paragraphs.push(next);
    paragraph = next;
    return next;
  };

  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') {
      if (!paragraph || stack.some((open) => open.role === 'skip')) continue;
      if (stack.some((open) => open.role === 'speaker')) speakerText = (speakerText ?? '') + token.text;
      else paragraph.text += token.text;
      continue;
    }
    if (token.name === 'p') {
      if (token.kind === 'open') begin(token.attributes, token.offset);
      else close();
      continue;
    }
    if (BLOCKS.has(token.name)) {
      close();
      continue;
    }
    if (token.kind === 'close') {
      const index = stack.map((open) => open.name).lastIndexOf(token.name);
      if (index === -1) continue;
      for (const open of stack.splice(index)) {
        if (open.mark && paragraph) open.mark.endOffset = paragraph.text.length;
      }
      continue;
    }
    if (token.name === 'br') {
      if (paragraph) paragraph.text += ' ';
      continue;
    }
    if (token.name === 'button') {
      // Controls (Verbatim's own "play from" buttons) are never transcript text.
      if (paragraph) push({ name: token.name, role: 'skip' }, token.selfClosing);
      continue;
    }
    const start = readMillis(token.attributes, 'data-m', token.offset);
    const isSpeaker = hasClass(token.attributes, 'speaker');
    if (!paragraph && start === undefined && !isSpeaker) continue;
    const current = paragraph ?? begin({}, token.offset);
    if (isSpeaker) {
      speakerText = '';
      push({ name: token.name, role: 'speaker' }, token.selfClosing);
      continue;
    }
    if (start === undefined) {
      push({ name: token.name, role: 'other' }, token.selfClosing);
      continue;
    }
    const duration = readMillis(token.attributes, 'data-d', token.offset);
    const mark: Mark = { offset: current.text.length, endOffset: Infinity, start: roundToMillis(start / 1000) };
    if (duration !== undefined && duration > 0) mark.end = roundToMillis((start + duration) / 1000);
    current.marks.push(mark);
    push({ name: token.name, role: 'mark', mark }, token.selfClosing);
  }
  close();
  return paragraphs;
}

/** Words of a paragraph: a word takes the span it starts in; words sharing one span split it evenly. */
function paragraphWords(paragraph: Paragraph): Word[] {
  const tokens = [...paragraph.text.matchAll(/\S+/gu)].map((match) => ({ text: match[0], offset: match.index }));
  let latest = -1;
  const owners = tokens.map((token) => {
    while (latest + 1 < paragraph.marks.length && (paragraph.marks[latest + 1]?.offset ?? Infinity) <= token.offset) latest += 1;
    const mark = paragraph.marks[latest];
    return mark && token.offset < mark.endOffset ? mark : undefined;
  });
  const words: Word[] = [];
  let index = 0;
  while (index < tokens.length) {
    const owner = owners[index];
    let count = 1;
    while (owner && owners[index + count] === owner) count += 1;
    if (!owner) {
      words.push(makeWord(tokens[index]?.text ?? ''));
    } else if (count === 1) {
      words.push(makeWord(tokens[index]?.text ?? '', owner.start, owner.end, 'file'));
    } else {
      const step = owner.end === undefined ? undefined : (owner.end - owner.start) / count;
      for (let offset = 0; offset < count; offset += 1) {
        const text = tokens[index + offset]?.text ?? '';
        if (step === undefined) words.push(makeWord(text, offset === 0 ? owner.start : undefined, undefined, offset === 0 ? 'file' : undefined));
        else words.push(makeWord(text, roundToMillis(owner.start + step * offset), roundToMillis(owner.start + step * (offset + 1)), 'estimated'));
      }
    }
    index += count;
  }
  return words;
}

function cleanSpeaker(text: string): string | undefined {
  const name = text.replace(/\s+/gu, ' ').trim().replace(/:$/u, '').replace(/^\[(.*)\]$/u, '$1').trim();
  return name.length > 0 ? name : undefined;
}

export function parseHyperaudioHtml(text: string, options?: ParseOptions): ParseResult {
  let paragraphs: Paragraph[];
  try {
    paragraphs = readParagraphs(text);
  } catch (error) {
    if (!(error instanceof BadTime)) throw error;
    return parseFail({ format: FORMAT_ID, fileName: options?.fileName, line: lineLocator(text)(error.offset), message: error.message });
  }
  if (!paragraphs.some((paragraph) => paragraph.marks.length > 0 || paragraph.start !== undefined)) {
    return parseFail({
      format: FORMAT_ID,
      fileName: options?.fileName,
      line: 1,
      message: 'no timed words found; a hyperaudio transcript holds elements like <span data-m="1200" data-d="300">',
    });
  }
  const builder = new TranscriptBuilder();
  let speaker: string | null = null;
  for (const paragraph of paragraphs) {
    const words = paragraphWords(paragraph);
    if (words.length === 0) continue;
    const timedWords = words.filter((word) => word.start !== undefined);
    const start = paragraph.start ?? timedWords[0]?.start;
    const end = paragraph.end ?? timedWords.reduce<number | undefined>((last, word) => word.end ?? last, undefined);
    const timing = start !== undefined ? 'file' : undefined;
    const name = paragraph.speaker === undefined ? undefined : cleanSpeaker(paragraph.speaker);
    const body = words.map((word) => word.text).join(' ');
    if (paragraph.event || (name === undefined && paragraph.speaker === undefined && isEventText(body))) {
      builder.addEvent(body, start, end, timing);
      continue;
    }
    if (paragraph.speaker !== undefined) speaker = builder.speakerId(name);
    builder.addTurn({ speakerId: speaker, start, end: end !== undefined && start !== undefined && end < start ? start : end, words, timing });
  }
  return parseOk(builder.build());
}

function detectHyperaudioHtml(text: string): number {
  return /\sdata-m\s*=\s*["']?\d/iu.test(text.slice(0, 50000)) ? 0.9 : 0;
}

export const hyperaudioHtmlFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'Hyperaudio interactive transcript (HTML)',
  extensions: ['html', 'htm'],
  detect: detectHyperaudioHtml,
  parse: parseHyperaudioHtml,
};
