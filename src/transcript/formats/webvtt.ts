/**
 * WebVTT importer (https://www.w3.org/TR/webvtt1/).
 *
 * Hand-written rather than media-captions: that library parses asynchronously (lazy
 * loaded parsers behind a Promise) while importers here are synchronous, and its
 * errors do not carry the line numbers this importer reports.
 */
import { decodeHTML } from 'entities';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { cuesToTranscript, type CueBlock, type SubtitleCue } from './subtitle-cues.ts';
import { formatClockTime, parseClockTime } from './timecode.ts';
import { counted } from '../counted.ts';

const FORMAT = 'webvtt';
const SIGNATURE = /^\uFEFF?WEBVTT(?:[ \t]|\r?\n|\r|$)/u;
const TIMING = /^(\S+?)[ \t]*-->[ \t]*(\S+)(?:[ \t].*)?$/u;

/** Splits cue text into voice blocks and timestamped spans, dropping other tags and decoding entities. */
export function parseCueText(payload: string): CueBlock[] {
  const blocks: CueBlock[] = [{ spans: [{ text: '' }] }];
  let inRubyText = false;
  const current = (): CueBlock => blocks[blocks.length - 1] as CueBlock;
  const hasText = (block: CueBlock): boolean => block.spans.some((span) => span.text.trim().length > 0);
  const appendText = (text: string): void => {
    if (inRubyText || text.length === 0) return;
    const spans = current().spans;
    const last = spans[spans.length - 1];
    if (last) last.text += decodeHTML(text);
  };

  let at = 0;
  while (at < payload.length) {
    const open = payload.indexOf('<', at);
    if (open === -1) {
      appendText(payload.slice(at));
      break;
    }
    appendText(payload.slice(at, open));
    const close = payload.indexOf('>', open + 1);
    const tag = payload.slice(open + 1, close === -1 ? payload.length : close);
    at = close === -1 ? payload.length : close + 1;

    if (/^\d/u.test(tag)) {
      const time = parseClockTime(tag);
      if (time !== undefined) current().spans.push({ text: '', time });
      continue;
    }
    const voice = /^v(?:\.[^\s]*)?(?:[ \t\n]+([\s\S]*))?$/u.exec(tag);
    if (voice) {
      const name = decodeHTML(voice[1] ?? '').trim();
      if (hasText(current())) blocks.push({ voice: name, spans: [{ text: '' }] });
      else current().voice = name;
      continue;
    }
    if (tag === '/v') {
      if (hasText(current())) blocks.push({ spans: [{ text: '' }] });
      else delete current().voice;
      continue;
    }
    if (/^rt(?:[.\s]|$)/u.test(tag)) inRubyText = true;
    else if (tag === '/rt') inRubyText = false;
    // Every other tag (c, i, b, u, lang, ruby, unknown) only styles text.
  }
  return blocks.filter(hasText);
}

export function parseWebVtt(text: string, options?: ParseOptions): ParseResult {
  const fail = (line: number, message: string): ParseResult =>
    parseFail({ format: FORMAT, fileName: options?.fileName, line, message });
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const warnings: string[] = [];

  let index = 0;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
  if (!/^WEBVTT(?:[ \t]|$)/u.test(lines[index] ?? '')) {
    return fail(index + 1, 'a WebVTT file must start with the line "WEBVTT"');
  }
  if (index > 0) warnings.push(`blank lines before "WEBVTT" were ignored`);

  let language: string | undefined;
  for (index += 1; index < lines.length && (lines[index] ?? '').trim() !== ''; index += 1) {
    const header = /^Language:\s*(\S+)/iu.exec(lines[index] ?? '');
    if (header) language = header[1];
  }

  const cues: SubtitleCue[] = [];
  let skippedBlocks = 0;
  let previousStart = -Infinity;
  let outOfOrder = false;
  while (index < lines.length) {
    if ((lines[index] ?? '').trim() === '') {
      index += 1;
      continue;
    }
    const blockStart = index;
    const block: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '') {
      block.push(lines[index] ?? '');
      index += 1;
    }
    const first = block[0] ?? '';
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/u.test(first) && !first.includes('-->')) continue;

    const timingIndex = first.includes('-->') ? 0 : (block[1] ?? '').includes('-->') ? 1 : -1;
    if (timingIndex === -1) {
      skippedBlocks += 1;
      continue;
    }
    const lineNumber = blockStart + timingIndex + 1;
    const timingLine = (block[timingIndex] ?? '').trim();
    const timing = TIMING.exec(timingLine);
    if (!timing || timingLine.indexOf('-->') !== timingLine.lastIndexOf('-->')) {
      return fail(lineNumber, `"${timingLine}" is not a cue time line like 00:00:01.000 --> 00:00:04.000`);
    }
    const start = parseClockTime(timing[1] ?? '');
    const end = parseClockTime(timing[2] ?? '');
    if (start === undefined) return fail(lineNumber, `"${timing[1]}" is not a WebVTT time like 00:00:01.000`);
    if (end === undefined) return fail(lineNumber, `"${timing[2]}" is not a WebVTT time like 00:00:01.000`);
    if (end < start) {
      return fail(lineNumber, `end time ${formatClockTime(end)} is before start time ${formatClockTime(start)}`);
    }
    if (start < previousStart) outOfOrder = true;
    previousStart = start;

    // A payload line holding "-->" ends the cue (spec); such lines are treated as cue text here.
    const payload = block.slice(timingIndex + 1).join('\n');
    cues.push({ start, end, line: lineNumber, blocks: parseCueText(payload) });
  }

  if (skippedBlocks > 0) warnings.push(`${counted(skippedBlocks, 'block')} without a cue time line ${skippedBlocks === 1 ? 'was' : 'were'} skipped`);
  if (outOfOrder) warnings.push('cues are not in time order; they were kept in file order');
  if (cues.length === 0) warnings.push('the file has no cues');
  return parseOk(cuesToTranscript(cues, language), warnings);
}

export const webvttFormat: ImportFormat = {
  id: FORMAT,
  label: 'WebVTT captions',
  extensions: ['vtt', 'webvtt'],
  detect: (text) => (SIGNATURE.test(text) ? 1 : /^\s*WEBVTT\b/u.test(text.slice(0, 200)) ? 0.8 : 0),
  parse: parseWebVtt,
};
