/**
 * Aligns a transcript to its audio with the same core the app uses.
 *
 *   npm run align -- AUDIO TRANSCRIPT [--out FILE] [--language en] [--jobs N] [--max-size SIZE] [--help]
 *
 * AUDIO: MP3, WAV, OGG, Opus, FLAC or M4A (decoded by WebAssembly, no ffmpeg).
 * TRANSCRIPT: any format the app reads (NPR-style text, SRT, WebVTT, JSON from
 * speech-to-text services, Verbatim JSON, ...). Existing times in it are kept.
 *
 * Output: JSON on standard output, or to FILE whose extension picks the
 * writer (.json, .vtt, .srt). The JSON is
 *   {"turns":[{"kind":"speech","speaker":"Name","start":1.23,"end":4.56,"text":"...",
 *              "words":[{"text":"...","start":1.23,"end":1.5}]},
 *             {"kind":"event","text":"(SOUNDBITE OF MUSIC)","start":...,"end":...}]}
 * in transcript order, times in seconds with 3 decimals. `speaker` is the
 * speaker's display name, or null for an unlabelled turn. Progress goes to
 * standard error.
 *
 * Exit status: 0 aligned; 1 the audio or transcript cannot be used (unreadable,
 * empty, or plainly not the transcript of this audio); 2 wrong command line.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { alignTranscript, TranscriptMismatchError } from '../src/align/align-transcript.ts';
import { detectTranscriptLanguage } from '../src/transcript/detect-language.ts';
import { createNodeEngine } from '../src/align/node-engine.ts';
import { type Transcript, speakerName, speechTurns, turnText } from '../src/transcript/model.ts';
import { describeParseError } from '../src/transcript/parse-result.ts';
import { MAX_TRANSCRIPT_BYTES, formatByteSize, parseByteSize } from '../src/transcript/size-limit.ts';
import { readTranscript } from '../src/transcript/read-transcript.ts';
import { writeSrt } from '../src/transcript/writers/srt-writer.ts';
import { writeWebVtt } from '../src/transcript/writers/webvtt-writer.ts';
import { type OptionTable, type Outcome, asksForHelp, optionLines, parseCommandLine } from './command-line.ts';
import { decodeAudioFile } from './decode-audio.ts';
import { TooLargeError, readLimited, tooLargeAdvice } from './read-limited.ts';
import { counted } from '../src/transcript/counted.ts';

export interface AlignArgs {
  audio: string;
  transcript: string;
  out?: string;
  language?: string;
  /** Transcripts larger than this are refused before they are read (default: the app's limit). */
  maxBytes?: number;
  /** Give estimated times (marked so) when the transcript is refused as not of this audio. */
  force?: boolean;
  /** Threads for the speech detector on long files (default: the core count). */
  jobs?: number;
}

export type Parsed<T> = Outcome<T>;

const OUTPUT_EXTENSIONS = ['.json', '.vtt', '.srt'];
/** Exit status for a transcript refused as not of this audio (1 is any other failure). */
export const MISMATCH_EXIT = 3;
/** A detection weaker than this (a few words) is not trusted over the English default. */
const MIN_DETECTION_CONFIDENCE = 0.5;

/** Every option of `npm run align`, one line each (read by node:util parseArgs). */
export const ALIGN_OPTIONS = {
  out: { type: 'string', value: 'FILE', help: 'write to FILE (.json, .vtt or .srt) instead of JSON on standard output' },
  language: { type: 'string', value: 'TAG', help: "BCP-47 tag; default: the file's, else detected from the text. en and fr are aligned word by word; other languages get times estimated from the speech pauses" },
  force: { type: 'boolean', help: 'when the transcript does not match the audio (exit status 3), give estimated times anyway' },
  jobs: { type: 'string', value: 'N', help: `threads for the speech detector on files of 5 minutes or more (default: the core count, ${availableParallelism()} here); 1 uses one core` },
  'max-size': { type: 'string', value: 'SIZE', help: `refuse a TRANSCRIPT larger than SIZE (default ${formatByteSize(MAX_TRANSCRIPT_BYTES)}, the app's limit; e.g. 200MB)` },
  help: { type: 'boolean', short: 'h', help: 'print this text' },
} as const satisfies OptionTable;

export function usage(): string {
  return [
    'usage: npm run align -- AUDIO TRANSCRIPT [options]',
    '',
    ...optionLines(ALIGN_OPTIONS, [
      ['AUDIO', 'MP3, WAV, OGG, Opus, FLAC or M4A'],
      ['TRANSCRIPT', 'any transcript format Verbatim reads; times it already has are kept'],
    ]),
  ].join('\n');
}

export function parseAlignArgs(argv: readonly string[]): Parsed<AlignArgs> {
  const parsed = parseCommandLine(argv, ALIGN_OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  if (positionals.length !== 2) return { ok: false, error: 'expected an audio file and a transcript file' };
  const { out, language, force } = values;
  if (out !== undefined && !OUTPUT_EXTENSIONS.includes(extname(out).toLowerCase())) {
    return { ok: false, error: `--out must end in ${OUTPUT_EXTENSIONS.join(', ')}` };
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) return { ok: false, error: `--jobs must be a whole number from 1 to 256, not ${values.jobs}` };
  const maxBytes = values['max-size'] === undefined ? undefined : parseByteSize(values['max-size']);
  if (values['max-size'] !== undefined && maxBytes === undefined) return { ok: false, error: `--max-size must be a size such as 200MB or 1.5GB, not ${values['max-size']}` };
  return {
    ok: true,
    value: {
      audio: positionals[0] as string,
      transcript: positionals[1] as string,
      ...(out !== undefined ? { out } : {}),
      ...(language !== undefined ? { language } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      ...(force === true ? { force: true } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
    },
  };
}

export interface AlignmentJson {
  turns: (
    | {
        kind: 'speech';
        speaker: string | null;
        start: number | null;
        end: number | null;
        text: string;
        words: { text: string; start: number | null; end: number | null }[];
      }
    | { kind: 'event'; text: string; start: number | null; end: number | null }
  )[];
}

function seconds(time: number | undefined): number | null {
  return time === undefined ? null : Math.round(time * 1000) / 1000;
}

/** The CLI's JSON: every entry in order, speaker by display name (null when unlabelled). */
export function alignmentJson(transcript: Transcript): AlignmentJson {
  return {
    turns: transcript.entries.map((entry) =>
      entry.kind === 'event'
        ? { kind: 'event' as const, text: entry.text, start: seconds(entry.start), end: seconds(entry.end) }
        : {
            kind: 'speech' as const,
            speaker: entry.speakerId === null ? null : (speakerName(transcript, entry.speakerId) ?? entry.speakerId),
            start: seconds(entry.start),
            end: seconds(entry.end),
            text: turnText(entry),
            words: entry.words.map((word) => ({ text: word.text, start: seconds(word.start), end: seconds(word.end) })),
          },
    ),
  };
}

/** Renders the aligned transcript in the format `out`'s extension asks for (JSON when there is no file). */
export function render(transcript: Transcript, out?: string): string {
  const extension = out === undefined ? '.json' : extname(out).toLowerCase();
  if (extension === '.vtt') return writeWebVtt(transcript);
  if (extension === '.srt') return writeSrt(transcript);
  // One entry per line: readable, diffable, and a fraction of the size of fully indented JSON.
  const lines = alignmentJson(transcript).turns.map((turn) => JSON.stringify(turn));
  return `{"turns":[\n${lines.join(',\n')}\n]}\n`;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal: progress then updates one line. */
  interactive?: boolean;
}

/**
 * Progress on standard error: on a terminal one line updated at every step; otherwise (a log)
 * a line at each new stage and then at least every 5 s of audio. Steps are percents, tenths of a
 * percent on files over 500 s (where 1 % is more than 5 s).
 */
export function progressPrinter(io: Io, duration: number): (fraction: number, stage: string) => void {
  const started = Date.now();
  const scale = duration > 500 ? 1000 : 100;
  const step = Math.max(1, Math.floor((5 / Math.max(duration, 1e-3)) * scale));
  let last = -1;
  let lastStage = '';
  return (fraction, stage) => {
    const units = Math.floor(fraction * scale);
    if (units === last && stage === lastStage) return;
    if (!io.interactive && stage === lastStage && units < last + step && units < scale) return;
    last = units;
    lastStage = stage;
    const elapsed = (Date.now() - started) / 1000;
    const left = fraction > 0.05 && fraction < 1 ? ` (about ${Math.ceil((elapsed * (1 - fraction)) / fraction)} s left)` : '';
    const percent = scale === 100 ? `${units}` : (units / 10).toFixed(1);
    const line = `align: ${stage} ${percent}%${left}`;
    io.stderr(io.interactive ? `\r${line.padEnd(60)}${units >= scale ? '\n' : ''}` : `${line}\n`);
  };
}

/** Runs the command; returns the exit status. */
export async function runAlign(args: AlignArgs, io: Io): Promise<number> {
  let text: string;
  try {
    text = readLimited(args.transcript, args.maxBytes ?? MAX_TRANSCRIPT_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof TooLargeError) {
      io.stderr(`align: ${tooLargeAdvice(error)}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`align: ${code === 'ENOENT' ? `transcript file not found: ${args.transcript}` : (error as Error).message}\n`);
    return 1;
  }
  const parsed = readTranscript(text, { fileName: args.transcript });
  if (!parsed.ok) {
    io.stderr(`align: ${describeParseError(parsed.error)}\n`);
    return 1;
  }
  const transcript = parsed.transcript;
  if (!speechTurns(transcript).some((turn) => turn.words.length > 0)) {
    io.stderr(`align: ${args.transcript} has no spoken words to align\n`);
    return 1;
  }

  io.stderr(`align: decoding ${args.audio}\n`);
  let audio;
  try {
    audio = await decodeAudioFile(args.audio);
  } catch (error) {
    io.stderr(`align: ${(error as Error).message}\n`);
    return 1;
  }

  let language = args.language ?? transcript.language;
  if (language === undefined) {
    const detected = detectTranscriptLanguage(transcript);
    language = detected && detected.confidence >= MIN_DETECTION_CONFIDENCE ? detected.language : 'en';
    io.stderr(`align: language ${language} (${detected ? `detected from the text, confidence ${detected.confidence}` : 'not detectable from the text; assumed'}); --language overrides\n`);
  }
  const progress = progressPrinter(io, audio.samples.length / audio.sampleRate);
  let outcome;
  const run = (estimateOnly: boolean) =>
    alignTranscript(audio, transcript, {
      engine: createNodeEngine({ jobs: args.jobs ?? availableParallelism() }),
      language: language as string,
      ...(estimateOnly ? { estimateOnly } : {}),
      onProgress: ({ fraction, stage }) => progress(fraction, stage),
    });
  try {
    outcome = await run(false);
  } catch (error) {
    if (!(error instanceof TranscriptMismatchError)) {
      io.stderr(`align: ${(error as Error).message}\n`);
      return 1;
    }
    if (!args.force) {
      io.stderr(`align: refused: ${error.message}. Use --force for times estimated from the speech pauses.\n`);
      return MISMATCH_EXIT;
    }
    io.stderr(`align: ${error.message}; --force: giving times estimated from the speech pauses, marked "estimated"\n`);
    outcome = await run(true);
  }
  if (outcome.support) io.stderr(`align: the audio supports ${Math.round(outcome.support.share * 100)}% of the transcript's words (${outcome.support.supported} of ${outcome.support.total})\n`);
  if (outcome.estimated) io.stderr('align: every time is estimated from speech pauses and syllable counts, not aligned word by word\n');
  for (const warning of outcome.warnings) io.stderr(`align: warning: ${warning}\n`);
  if (outcome.lowConfidence.length > 0) {
    io.stderr(`align: ${counted(outcome.lowConfidence.length, 'turn')} ${outcome.lowConfidence.length === 1 ? 'has' : 'have'} low confidence; check entries ${outcome.lowConfidence.slice(0, 20).join(', ')}${outcome.lowConfidence.length > 20 ? ', …' : ''}\n`);
  }

  const rendered = render(outcome.transcript, args.out);
  if (args.out === undefined) {
    io.stdout(rendered);
  } else {
    try {
      writeFileSync(args.out, rendered);
    } catch (error) {
      io.stderr(`align: cannot write ${args.out}: ${(error as Error).message}\n`);
      return 1;
    }
    io.stderr(`align: wrote ${args.out}\n`);
  }
  return 0;
}

async function main(argv: readonly string[]): Promise<void> {
  if (asksForHelp(argv)) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const parsed = parseAlignArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`align: ${parsed.error}\n\n${usage()}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await runAlign(parsed.value, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
