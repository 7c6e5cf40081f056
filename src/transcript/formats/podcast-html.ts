/**
 * Podcasting 2.0 HTML transcripts (podcast namespace, `type="text/html"`): a `<cite>`
 * names the speaker, a `<time>` gives the start, a `<p>` holds the monologue.
 * A `<p>` without its own `<cite>` continues the previous speaker.
 */
import { wordsFromText } from '../model.ts';
import type { ParseOptions, ParseResult } from '../parse-result.ts';
import { parseFail, parseOk } from '../parse-result.ts';
import type { ImportFormat } from './format-spec.ts';
import { lineLocator, tokenizeHtml } from './html-tokens.ts';
import { isEventText } from './subtitle-cues.ts';
import { parseClockTime } from './timecode.ts';
import { TranscriptBuilder } from './transcript-builder.ts';

const FORMAT_ID = 'podcast-html';

export function parsePodcastHtml(text: string, options?: ParseOptions): ParseResult {
  const tokens = tokenizeHtml(text);
  const lineOf = lineLocator(text);
  const builder = new TranscriptBuilder();

  let collecting: 'cite' | 'time' | 'p' | undefined;
  let collected = '';
  let collectedAt = 0;
  let speaker: string | undefined;
  let citedSinceParagraph = false;
  let start: number | undefined;
  let paragraphs = 0;

  const finish = (): ParseResult | undefined => {
    const value = collected.replace(/\s+/gu, ' ').trim();
    const kind = collecting;
    collecting = undefined;
    collected = '';
    if (kind === 'cite') {
      speaker = value.replace(/\s*:$/u, '').trim() || undefined;
      citedSinceParagraph = true;
    } else if (kind === 'time') {
      const time = parseClockTime(value);
      if (time === undefined) {
        return parseFail({
          format: FORMAT_ID,
          fileName: options?.fileName,
          line: lineOf(collectedAt),
          message: `<time>${value.slice(0, 30)}</time> is not a time like 0:09 or 01:02:03`,
        });
      }
      start = time;
    } else if (kind === 'p') {
      paragraphs += 1;
      if (value.length > 0) {
        const timing = start !== undefined ? 'file' : undefined;
        if (!citedSinceParagraph && isEventText(value)) builder.addEvent(value, start, undefined, timing);
        else builder.addTurn({ speakerId: builder.speakerId(speaker), start, words: wordsFromText(value), timing });
      }
      start = undefined;
      citedSinceParagraph = false;
    }
    return undefined;
  };

  for (const token of tokens) {
    if (token.kind === 'text') {
      if (collecting) collected += token.text;
      continue;
    }
    const name = token.name;
    if (name === 'br' && collecting) {
      collected += ' ';
      continue;
    }
    if (name !== 'cite' && name !== 'time' && name !== 'p') continue;
    if (token.kind === 'open') {
      // An unclosed element ends where the next one of these starts.
      if (collecting && !(collecting === 'p' && name !== 'p')) {
        const failed = finish();
        if (failed) return failed;
      }
      if (collecting === 'p') continue;
      collecting = name;
      collected = '';
      collectedAt = token.offset;
    } else if (collecting === name) {
      const failed = finish();
      if (failed) return failed;
    }
  }
  if (collecting) {
    const failed = finish();
    if (failed) return failed;
  }
  if (paragraphs === 0) {
    return parseFail({
      format: FORMAT_ID,
      fileName: options?.fileName,
      line: 1,
      message: 'no <p> paragraphs found; a podcast HTML transcript holds <cite>, <time> and <p> elements',
    });
  }
  return parseOk(builder.build());
}

function detectPodcastHtml(text: string): number {
  const sample = text.slice(0, 20000);
  if (!/<p[\s>]/iu.test(sample)) return 0;
  if (/\sdata-m\s*=/iu.test(sample)) return 0.2;
  const cite = /<cite[\s>]/iu.test(sample);
  const time = /<time[\s>]/iu.test(sample);
  return cite && time ? 0.9 : cite ? 0.8 : time ? 0.5 : 0.1;
}

export const podcastHtmlFormat: ImportFormat = {
  id: FORMAT_ID,
  label: 'Podcasting 2.0 HTML',
  extensions: ['html', 'htm'],
  detect: detectPodcastHtml,
  parse: parsePodcastHtml,
};
