/**
 * Podcasting 2.0 HTML transcript (`<podcast:transcript type="text/html">`): per turn a
 * `<cite>` with the speaker, a `<time>` with its start and a `<p>` with the words, as
 * the podcast namespace's example shows and as podcast-html.ts reads it back.
 * Paragraphs inside a turn become further `<p>`s (each with its own `<time>`), which
 * the format reads as the same speaker continuing.
 */
import { speakerName, type Entry, type Transcript, type Word } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatClockTime } from '../formats/timecode.ts';
import { escapeHtml } from './html-writer.ts';
import { entryStart } from './timed-cues.ts';

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A turn's words split where `Word.paragraph` (optional in the model) starts a new one. */
function paragraphs(words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  words.forEach((word, index) => {
    if (index > 0 && (word as Word & { paragraph?: boolean }).paragraph === true) out.push([]);
    out[out.length - 1]!.push(word);
  });
  return out.filter((group) => group.length > 0);
}

function timeLine(start: number | undefined): string {
  return start === undefined ? '' : `<time>${formatClockTime(start)}</time>\n`;
}

function entryHtml(transcript: Transcript, entry: Entry, previousSpeaker: string | null | undefined): string {
  if (entry.kind === 'event') {
    const text = oneLine(entry.text);
    return text ? `${timeLine(entry.start)}<p>${escapeHtml(text)}</p>` : '';
  }
  const name = speakerName(transcript, entry.speakerId);
  // An unlabelled turn after a labelled one needs an empty <cite>, or it would read as that speaker continuing.
  const cite = name !== undefined ? `<cite>${escapeHtml(oneLine(name))}:</cite>\n` : previousSpeaker ? '<cite></cite>\n' : '';
  const blocks = paragraphs(entry.words).map((words, index) => {
    const text = escapeHtml(words.map((word) => oneLine(word.text)).filter(Boolean).join(' '));
    const start = index === 0 ? entryStart(entry) : words.find((word) => word.start !== undefined)?.start;
    return `${timeLine(start)}<p>${text}</p>`;
  });
  return cite + blocks.join('\n');
}

export function writePodcastHtml(transcript: Transcript, options: WriteOptions = {}): string {
  const title = escapeHtml(oneLine(options.title ?? '') || 'Transcript');
  const language = escapeHtml(transcript.language ?? 'en');
  let previous: string | null | undefined;
  const body = transcript.entries
    .map((entry) => {
      const html = entryHtml(transcript, entry, previous);
      if (entry.kind === 'speech') previous = entry.speakerId;
      return html;
    })
    .filter((html) => html.length > 0)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${title}</title>
</head>
<body>
${body}
</body>
</html>
`;
}

export const podcastHtmlWriter: ExportFormat = {
  id: 'podcast-html',
  label: 'Podcasting 2.0 HTML',
  extension: 'html',
  mimeType: 'text/html',
  write: writePodcastHtml,
};
