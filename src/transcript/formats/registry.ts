/**
 * The list of every importer and writer. Detection, the CLI and the UI's
 * "open as…" / "export as…" menus read these lists; adding a format is one line here.
 */
import { withWritableTimes } from '../writable-times.ts';
import { htmlWriter } from '../writers/html-writer.ts';
import { markdownWriter } from '../writers/markdown-writer.ts';
import { podcastJsonWriter } from '../writers/podcast-json-writer.ts';
import { podcastHtmlWriter } from '../writers/podcast-html-writer.ts';
import { srtWriter } from '../writers/srt-writer.ts';
import { textWriter } from '../writers/text-writer.ts';
import { verbatimJsonWriter } from '../writers/verbatim-json-writer.ts';
import { webvttWriter } from '../writers/webvtt-writer.ts';
import { dpeJsonFormat } from './dpe-json.ts';
import type { DocumentExportFormat, ExportFormat, ImportFormat } from './format-spec.ts';
import { hyperaudioHtmlFormat } from './hyperaudio-html.ts';
import { nprTextFormat } from './npr-text.ts';
import { otranscribeFormat } from './otranscribe.ts';
import { podcastHtmlFormat } from './podcast-html.ts';
import { podcastJsonFormat } from './podcast-json.ts';
import { srtFormat } from './srt.ts';
import { verbatimJsonFormat } from './verbatim-json.ts';
import { timestampedTextFormat } from './timestamped-text.ts';
import { webvttFormat } from './webvtt.ts';
import { whisperJsonFormat } from './whisper-json.ts';
import { whisperCppJsonFormat } from './whisper-cpp-json.ts';
import { whisperXJsonFormat } from './whisperx-json.ts';
import { assemblyAiJsonFormat } from './assemblyai-json.ts';
import { deepgramJsonFormat } from './deepgram-json.ts';
import { awsTranscribeJsonFormat } from './aws-transcribe-json.ts';
import { revAiJsonFormat } from './revai-json.ts';
import { speechmaticsJsonFormat } from './speechmatics-json.ts';

/** Importers, one per line. Order only breaks exact detection ties (earlier wins). */
export const importFormats: readonly ImportFormat[] = [
  verbatimJsonFormat,
  webvttFormat,
  srtFormat,
  podcastJsonFormat,
  podcastHtmlFormat,
  otranscribeFormat,
  dpeJsonFormat,
  hyperaudioHtmlFormat,
  whisperJsonFormat,
  whisperCppJsonFormat,
  whisperXJsonFormat,
  assemblyAiJsonFormat,
  deepgramJsonFormat,
  awsTranscribeJsonFormat,
  revAiJsonFormat,
  speechmaticsJsonFormat,
  timestampedTextFormat,
  nprTextFormat,
];

/** Every writer, as the app and the CLI call it, only ever sees times it can write (see writable-times.ts). */
function writingOnlyWritableTimes(format: ExportFormat): ExportFormat {
  return { ...format, write: (transcript, options) => format.write(withWritableTimes(transcript), options) };
}

/** Writers, one per line. `--to json` on the CLI picks the first with that extension. */
export const exportFormats: readonly ExportFormat[] = [
  verbatimJsonWriter,
  webvttWriter,
  srtWriter,
  podcastJsonWriter,
  textWriter,
  markdownWriter,
  htmlWriter,
  podcastHtmlWriter,
].map(writingOnlyWritableTimes);

/**
 * Writers and the reader that reads their output back: each pair has a write -> read
 * round-trip property test (format-pairs.test.ts). Markdown is written for reading only.
 */
const PAIRED_READERS: Record<string, ImportFormat> = {
  'verbatim-json': verbatimJsonFormat,
  webvtt: webvttFormat,
  srt: srtFormat,
  'podcast-json': podcastJsonFormat,
  text: timestampedTextFormat,
  html: hyperaudioHtmlFormat,
  'podcast-html': podcastHtmlFormat,
};

export const formatPairs: readonly { writer: ExportFormat; reader: ImportFormat }[] = exportFormats.flatMap((writer) => {
  const reader = PAIRED_READERS[writer.id];
  return reader ? [{ writer, reader }] : [];
});

/** Writers with no reader: their output is for people, not for reading back. */
export const writeOnlyFormats: readonly ExportFormat[] = exportFormats.filter((writer) => PAIRED_READERS[writer.id] === undefined);

/** Binary document writers; each loads its library on first use. */
export const documentExportFormats: readonly DocumentExportFormat[] = [
  {
    id: 'docx',
    label: 'Word document',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: async (transcript, options) => (await import('../writers/docx-writer.ts')).writeDocx(transcript, options),
  },
];

/** Read as this when no importer recognises the text: NPR-style plain text. */
export const FALLBACK_IMPORT_FORMAT_ID = 'plain-text';

export function findImportFormat(id: string): ImportFormat | undefined {
  return importFormats.find((format) => format.id === id);
}

/** By id (`webvtt`) or, failing that, by extension (`vtt`). */
export function findExportFormat(idOrExtension: string): ExportFormat | undefined {
  const key = idOrExtension.toLowerCase().replace(/^\./u, '');
  return exportFormats.find((format) => format.id === key) ?? exportFormats.find((format) => format.extension === key);
}

/** A document writer by id or extension (`docx`). */
export function findDocumentFormat(idOrExtension: string): DocumentExportFormat | undefined {
  const key = idOrExtension.toLowerCase().replace(/^\./u, '');
  return documentExportFormats.find((format) => format.id === key || format.extension === key);
}
