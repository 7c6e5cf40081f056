/**
 * Converts a transcript between formats with the same importers and writers the app uses.
 *
 *   npm run convert -- INPUT --to vtt|srt|json|podcast-json|txt|md|html [--out FILE] [--from FORMAT_ID]
 *                     [--word-times] [--title TEXT] [--audio URL]
 *
 * INPUT `-` reads standard input. Exit status: 0 done, 1 the input could not be read or
 * parsed, 2 the command line is wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { WriteOptions } from '../src/transcript/formats/format-spec.ts';
import { documentExportFormats, exportFormats, findDocumentFormat, findExportFormat, importFormats } from '../src/transcript/formats/registry.ts';
import type { DocumentExportFormat } from '../src/transcript/formats/format-spec.ts';
import { describeParseError } from '../src/transcript/parse-result.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';
import { timedCues } from '../src/transcript/writers/timed-cues.ts';
import { inlinePlayer } from './inline-player.ts';

export interface ConvertArgs {
  input: string;
  to: string;
  out?: string;
  from?: string;
  wordTimestamps: boolean;
  title?: string;
  audio?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Writers that need times and so leave untimed entries out. */
const TIMED_WRITERS = new Set(['webvtt', 'srt', 'podcast-json']);

export function usage(): string {
  const to = [...exportFormats, ...documentExportFormats].map((format) => `${format.id} (.${format.extension})`).join(', ');
  const from = importFormats.map((format) => format.id).join(', ');
  return [
    'usage: npm run convert -- INPUT --to FORMAT [--out FILE] [--from FORMAT_ID] [--word-times] [--title TEXT] [--audio URL]',
    '',
    `  --to      output format, by id or extension: ${to}`,
    `  --from    read INPUT as this format instead of detecting it: ${from}`,
    '  --out     write to FILE instead of standard output',
    '  --word-times  WebVTT: add inline word timestamps',
    '  --title   title for text, Markdown and HTML output',
    '  --audio   audio URL or file name for the HTML page',
    '  INPUT `-` reads standard input.',
  ].join('\n');
}

export function parseConvertArgs(argv: readonly string[]): Outcome<ConvertArgs> {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let wordTimestamps = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--word-times') {
      wordTimestamps = true;
    } else if (['--to', '--out', '--from', '--title', '--audio'].includes(arg)) {
      const value = argv[index + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return { ok: false, error: `${arg} needs a value` };
      values[arg.slice(2)] = value;
      index += 1;
    } else if (arg.startsWith('--') && arg.includes('=')) {
      const [name = '', ...rest] = arg.slice(2).split('=');
      if (!['to', 'out', 'from', 'title', 'audio'].includes(name)) return { ok: false, error: `unknown option --${name}` };
      values[name] = rest.join('=');
    } else if (arg.startsWith('--')) {
      return { ok: false, error: `unknown option ${arg}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0) return { ok: false, error: 'no input file given' };
  if (positional.length > 1) return { ok: false, error: `one input file at a time (got ${positional.join(', ')})` };
  if (values.to === undefined) return { ok: false, error: 'say which format to write with --to' };
  if (!findExportFormat(values.to) && !findDocumentFormat(values.to)) {
    const known = exportFormats.map((format) => `${format.id}/${format.extension}`).join(', ');
    return { ok: false, error: `unknown output format "${values.to}" (known: ${known})` };
  }
  if (values.from !== undefined && !importFormats.some((format) => format.id === values.from)) {
    return { ok: false, error: `unknown input format "${values.from}" (known: ${importFormats.map((format) => format.id).join(', ')})` };
  }
  return {
    ok: true,
    value: {
      input: positional[0] ?? '',
      to: values.to,
      out: values.out,
      from: values.from,
      wordTimestamps,
      title: values.title,
      audio: values.audio,
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
  if (args.title !== undefined) options.title = args.title;
  if (args.audio !== undefined) options.audioUrl = args.audio;
  if (writer.id === 'html') options.player = inlinePlayer();
  return { ok: true, value: { output: writer.write(read.transcript, options), warnings, formatLabel: read.formatLabel } };
}

export interface ConvertIo {
  readFile(path: string): string;
  readStdin(): string;
  writeFile(path: string, text: string | Uint8Array): void;
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}

const nodeIo: ConvertIo = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
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
  if (argv.includes('--help') || argv.includes('-h')) {
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
    text = args.input === '-' ? io.readStdin() : io.readFile(args.input);
  } catch (error) {
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
