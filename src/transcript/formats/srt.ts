/**
 * SubRip (.srt) importer. SRT has no formal spec; this accepts what real files contain:
 * missing or wrong cue numbers, `.` for `,`, a BOM, CRLF, blank lines inside cue text,
 * missing blank lines between cues, `<i>`/`<font>` tags and `{\an8}` overrides.
 */
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { cuesToTranscript, type SubtitleCue } from './subtitle-cues.ts';
import { formatClockTime, parseClockTime } from './timecode.ts';

const FORMAT = 'srt';
const TIMING = /^(\S+?)[ \t]*-->[ \t]*(\S+)(?:[ \t].*)?$/u;
const STYLE_TAG = /<\/?(?:i|b|u|s|font)(?:\s[^>]*)?>/giu;
const OVERRIDE = /\{\\[^}]*\}/gu;
const DETECT = /^\s*(?:\d+[ \t]*\r?\n)?[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+[ \t]*-->[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+/u;

/** A line that is meant as a time line: starts with a digit and has an arrow. */
function isTimingCandidate(line: string): boolean {
  return /^\d/u.test(line) && line.includes('-->');
}

function cleanText(line: string): string {
  return line.replace(STYLE_TAG, '').replace(OVERRIDE, '');
}

export function parseSrt(text: string, options?: ParseOptions): ParseResult {
  const fail = (line: number, message: string): ParseResult =>
    parseFail({ format: FORMAT, fileName: options?.fileName, line, message });
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);

  interface Pending {
    start: number;
    end: number;
    line: number;
    text: { line: number; text: string }[];
  }
  const pending: Pending[] = [];
  let current: Pending | undefined;

  for (let index = 0; index < lines.length; index += 1) {
    const lineNumber = index + 1;
    const raw = lines[index] ?? '';
    const trimmed = raw.trim();
    if (isTimingCandidate(trimmed)) {
      const timing = TIMING.exec(trimmed);
      if (!timing || trimmed.indexOf('-->') !== trimmed.lastIndexOf('-->')) {
        return fail(lineNumber, `"${trimmed}" is not a time line like 00:00:01,000 --> 00:00:04,000`);
      }
      const start = parseClockTime(timing[1] ?? '');
      const end = parseClockTime(timing[2] ?? '');
      if (start === undefined) return fail(lineNumber, `"${timing[1]}" is not an SRT time like 00:00:01,000`);
      if (end === undefined) return fail(lineNumber, `"${timing[2]}" is not an SRT time like 00:00:01,000`);
      if (end < start) {
        return fail(
          lineNumber,
          `end time ${formatClockTime(end, ',')} is before start time ${formatClockTime(start, ',')}`,
        );
      }
      // The cue number sits right above its time line; without a blank line before it,
      // it was collected as the previous cue's last text line.
      const last = current?.text[current.text.length - 1];
      if (current && last && last.line === lineNumber - 1 && /^\d+$/u.test(last.text.trim())) current.text.pop();
      current = { start, end, line: lineNumber, text: [] };
      pending.push(current);
      continue;
    }
    if (trimmed === '') continue;
    if (current) {
      current.text.push({ line: lineNumber, text: raw });
      continue;
    }
    if (/^\d+$/u.test(trimmed)) continue;
    return fail(
      lineNumber,
      `expected a cue number or a time line like 00:00:01,000 --> 00:00:04,000, found "${trimmed.slice(0, 40)}"`,
    );
  }

  const cues: SubtitleCue[] = pending.map((cue) => ({
    start: cue.start,
    end: cue.end,
    line: cue.line,
    blocks: [{ spans: [{ text: cue.text.map((entry) => cleanText(entry.text)).join('\n') }] }],
  }));
  const warnings = cues.length === 0 ? ['the file has no cues'] : [];
  return parseOk(cuesToTranscript(cues), warnings);
}

export const srtFormat: ImportFormat = {
  id: FORMAT,
  label: 'SubRip subtitles (SRT)',
  extensions: ['srt'],
  detect: (text) => (DETECT.test(text.slice(0, 1000)) ? 0.9 : 0),
  parse: parseSrt,
};
