/**
 * Converts a transcript between formats with the same importers and writers the app uses.
 *
 *   npm run convert -- INPUT --to vtt|srt|json|podcast-json|txt|md|html [--out FILE] [--from FORMAT_ID]
 *                     [--word-times] [--title TEXT] [--audio URL] [--max-size SIZE] [--help]
 *                     [--cue-per-turn] [--max-chars N] [--max-lines N] [--max-duration SECONDS]
 *
 * INPUT `-` reads standard input. Exit status: 0 done, 1 the input could not be read or
 * parsed, 2 the command line is wrong.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { WriteOptions } from '../src/transcript/formats/format-spec.ts';
import type { CaptionOptions } from '../src/transcript/writers/caption-cues.ts';
import { documentExportFormats, exportFormats, findDocumentFormat, findExportFormat, importFormats } from '../src/transcript/formats/registry.ts';
import type { DocumentExportFormat } from '../src/transcript/formats/format-spec.ts';
import { describeParseError } from '../src/transcript/parse-result.ts';
import { decodeText } from '../src/transcript/decode-text.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';
import { MAX_TRANSCRIPT_BYTES, formatByteSize, parseByteSize } from '../src/transcript/size-limit.ts';
import { timedCues } from '../src/transcript/writers/timed-cues.ts';
import { type OptionTable, type Outcome, asksForHelp, optionLines, parseCommandLine } from './command-line.ts';
import { TooLargeError, readLimited, tooLargeAdvice } from './read-limited.ts';
import { inlinePlayer } from './inline-player.ts';

export interface ConvertArgs {
  input: string;
  to: string;
  out?: string;
  from?: string;
  wordTimestamps: boolean;
  title?: string;
  audio?: string;
  /** Inputs larger than this are refused before they are read (default: the app's limit). */
  maxBytes?: number;
  /** WebVTT/SRT cue cutting: limits or one cue per turn. */
  captions?: CaptionOptions;
}

export type { Outcome };

/** Every option of `npm run convert`, one line each (read by node:util parseArgs). */
export const CONVERT_OPTIONS = {
  to: { type: 'string', value: 'FORMAT', help: `output format, by id or extension: ${[...exportFormats, ...documentExportFormats].map((format) => `${format.id} (.${format.extension})`).join(', ')}` },
  from: { type: 'string', value: 'FORMAT_ID', help: `read INPUT as this format instead of detecting it: ${importFormats.map((format) => format.id).join(', ')}` },
  out: { type: 'string', value: 'FILE', help: 'write to FILE instead of standard output' },
  'word-times': { type: 'boolean', help: 'WebVTT: add inline word timestamps' },
  title: { type: 'string', value: 'TEXT', help: 'title for text, Markdown and HTML output' },
  audio: { type: 'string', value: 'URL', help: 'audio URL or file name for the HTML page' },
  'cue-per-turn': { type: 'boolean', help: 'WebVTT/SRT: one cue per turn instead of subtitle-ready cues' },
  'max-chars': { type: 'string', value: 'N', help: 'WebVTT/SRT: at most N characters per caption line (default 42)' },
  'max-lines': { type: 'string', value: 'N', help: 'WebVTT/SRT: at most N lines per cue (default 2)' },
  'max-duration': { type: 'string', value: 'SECONDS', help: 'WebVTT/SRT: at most SECONDS per cue (default 7)' },
  'max-size': { type: 'string', value: 'SIZE', help: `refuse an INPUT larger than SIZE (default ${formatByteSize(MAX_TRANSCRIPT_BYTES)}, the app's limit; e.g. 200MB)` },
  help: { type: 'boolean', short: 'h', help: 'print this text' },
} as const satisfies OptionTable;

const LIMIT_OPTIONS = ['max-chars', 'max-lines', 'max-duration'] as const;
const LIMIT_KEYS = { 'max-chars': 'maxChars', 'max-lines': 'maxLines', 'max-duration': 'maxDuration' } as const;

/** Writers that need times and so leave untimed entries out. */
const TIMED_WRITERS = new Set(['webvtt', 'srt', 'podcast-json']);

export function usage(): string {
  return ['usage: npm run convert -- INPUT --to FORMAT [options]', '', ...optionLines(CONVERT_OPTIONS, [['INPUT', 'a transcript file, or `-` for standard input']])].join('\n');
}

export function parseConvertArgs(argv: readonly string[]): Outcome<ConvertArgs> {
  const parsed = parseCommandLine(argv, CONVERT_OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  if (positionals.length === 0) return { ok: false, error: 'no input file given' };
  if (positionals.length > 1) return { ok: false, error: `one input file at a time (got ${positionals.join(', ')})` };
  if (values.to === undefined) return { ok: false, error: 'say which format to write with --to' };
  if (!findExportFormat(values.to) && !findDocumentFormat(values.to)) {
    const known = [...exportFormats, ...documentExportFormats].map((format) => `${format.id}/${format.extension}`).join(', ');
    return { ok: false, error: `unknown output format "${values.to}" (known: ${known})` };
  }
  if (values.from !== undefined && !importFormats.some((format) => format.id === values.from)) {
    return { ok: false, error: `unknown input format "${values.from}" (known: ${importFormats.map((format) => format.id).join(', ')})` };
  }
  const maxBytes = values['max-size'] === undefined ? undefined : parseByteSize(values['max-size']);
  if (values['max-size'] !== undefined && maxBytes === undefined) return { ok: false, error: `--max-size must be a size such as 200MB or 1.5GB, not ${values['max-size']}` };
  const captions: CaptionOptions = values['cue-per-turn'] === true ? { cuePerTurn: true } : {};
  for (const name of LIMIT_OPTIONS) {
    const text = values[name];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) return { ok: false, error: `--${name} needs a positive number (got "${text}")` };
    captions[LIMIT_KEYS[name]] = value;
  }
  return {
    ok: true,
    value: {
      captions,
      input: positionals[0] ?? '',
      to: values.to,
      out: values.out,
      from: values.from,
      wordTimestamps: values['word-times'] === true,
      title: values.title,
      audio: values.audio,
      ...(maxBytes !== undefined ? { maxBytes } : {}),
    },
  };
}

export interface Converted {
  output: string;
  /** Human sentences for standard error. */
  warnings: string[];
  formatLabel: string;
}

/** The pure core: text in, text out. */
export function convertText(text: string, fileName: string, args: ConvertArgs): Outcome<Converted> {
  const writer = findExportFormat(args.to);
  if (!writer) return { ok: false, error: `unknown output format "${args.to}"` };
  const read = readTranscript(text, { fileName, formatId: args.from });
  if (!read.ok) return { ok: false, error: describeParseError({ ...read.error, fileName }) };
  const warnings = read.warnings.map((warning) => `${fileName}: ${warning}`);
  if (TIMED_WRITERS.has(writer.id)) {
    const { skipped } = timedCues(read.transcript);
    if (skipped > 0) warnings.push(`${skipped} ${skipped === 1 ? 'entry has' : 'entries have'} no time and ${skipped === 1 ? 'was' : 'were'} left out of the ${writer.label}`);
  }
  const options: WriteOptions = { wordTimestamps: args.wordTimestamps };
  if (args.captions !== undefined) options.captions = args.captions;
  if (args.title !== undefined) options.title = args.title;
  if (args.audio !== undefined) options.audioUrl = args.audio;
  if (writer.id === 'html') options.player = inlinePlayer();
  return { ok: true, value: { output: writer.write(read.transcript, options), warnings, formatLabel: read.formatLabel } };
}

export interface ConvertIo {
  /** Throws TooLargeError for a file over `maxBytes`. */
  readFile(path: string, maxBytes: number): string;
  readStdin(maxBytes: number): string;
  writeFile(path: string, text: string | Uint8Array): void;
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}

const nodeIo: ConvertIo = {
  // The app's decoding (UTF-8 with or without BOM, UTF-16 LE/BE), not Node's UTF-8-only 'utf8'.
  readFile: (path, maxBytes) => decodeText(readLimited(path, maxBytes)).text,
  readStdin: (maxBytes) => decodeText(readLimited(0, maxBytes)).text,
  writeFile: (path, text) => (typeof text === 'string' ? writeFileSync(path, text, 'utf8') : writeFileSync(path, text)),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function ioReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** A binary document (Word): written asynchronously, to --out or standard output. */
async function convertDocument(text: string, fileName: string, args: ConvertArgs, writer: DocumentExportFormat, io: ConvertIo): Promise<number> {
  const read = readTranscript(text, { fileName, formatId: args.from });
  if (!read.ok) {
    io.stderr(`convert: ${describeParseError({ ...read.error, fileName })}\n`);
    return 1;
  }
  for (const warning of read.warnings) io.stderr(`convert: warning: ${fileName}: ${warning}\n`);
  const bytes = await writer.write(read.transcript, { markLowConfidence: true, ...(args.title !== undefined ? { title: args.title } : {}) });
  try {
    if (args.out === undefined) io.stdout(bytes);
    else io.writeFile(args.out, bytes);
  } catch (error) {
    io.stderr(`convert: cannot write ${args.out}: ${ioReason(error)}\n`);
    return 1;
  }
  if (args.out !== undefined) io.stderr(`convert: read ${fileName} as ${read.formatLabel}, wrote ${args.out}\n`);
  return 0;
}

/** Runs the command; returns the exit status (a promise for binary documents). */
export function runConvert(argv: readonly string[], io: ConvertIo = nodeIo): number | Promise<number> {
  if (asksForHelp(argv)) {
    io.stdout(`${usage()}\n`);
    return 0;
  }
  const parsed = parseConvertArgs(argv);
  if (!parsed.ok) {
    io.stderr(`convert: ${parsed.error}\n\n${usage()}\n`);
    return 2;
  }
  const args = parsed.value;
  let text: string;
  try {
    const maxBytes = args.maxBytes ?? MAX_TRANSCRIPT_BYTES;
    text = args.input === '-' ? io.readStdin(maxBytes) : io.readFile(args.input, maxBytes);
  } catch (error) {
    if (error instanceof TooLargeError) {
      io.stderr(`convert: ${tooLargeAdvice(error)}\n`);
      return 1;
    }
    io.stderr(`convert: cannot read ${args.input}: ${ioReason(error)}\n`);
    return 1;
  }
  const fileName = args.input === '-' ? 'standard input' : args.input;
  const document = findExportFormat(args.to) ? undefined : findDocumentFormat(args.to);
  if (document) return convertDocument(text, fileName, args, document, io);
  const converted = convertText(text, fileName, args);
  if (!converted.ok) {
    io.stderr(`convert: ${converted.error}\n`);
    return 1;
  }
  for (const warning of converted.value.warnings) io.stderr(`convert: warning: ${warning}\n`);
  if (args.out === undefined) {
    io.stdout(converted.value.output);
    return 0;
  }
  try {
    io.writeFile(args.out, converted.value.output);
  } catch (error) {
    io.stderr(`convert: cannot write ${args.out}: ${ioReason(error)}\n`);
    return 1;
  }
  io.stderr(`convert: read ${fileName} as ${converted.value.formatLabel}, wrote ${args.out}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void Promise.resolve(runConvert(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
