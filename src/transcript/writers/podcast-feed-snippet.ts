/**
 * The `<podcast:transcript>` tags a publisher pastes into an RSS item for the files
 * Verbatim exports, as the Podcasting 2.0 namespace defines them: `type` is the
 * file's MIME type, `language` its BCP-47 language, and `rel="captions"` marks
 * the timed caption formats (WebVTT, SRT) that apps may show as captions.
 */
import { escapeHtml } from './html-writer.ts';

interface FeedFile {
  extension: string;
  type: string;
  captions: boolean;
}

/** In the order the namespace recommends apps prefer them: captions first. */
const FEED_FILES: readonly FeedFile[] = [
  { extension: 'vtt', type: 'text/vtt', captions: true },
  { extension: 'srt', type: 'application/x-subrip', captions: true },
  { extension: 'podcast.json', type: 'application/json', captions: false },
  { extension: 'podcast.html', type: 'text/html', captions: false },
];

export interface FeedSnippetOptions {
  /** Where the files will be published, ending in `/` (an absolute URL; feeds need one). */
  baseUrl: string;
  /** The export's base name: `episode` for `episode.vtt`. */
  baseName: string;
  language?: string;
}

export function podcastTranscriptTags({ baseUrl, baseName, language }: FeedSnippetOptions): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return FEED_FILES.map((file) => {
    const url = `${base}${encodeURIComponent(baseName)}.${file.extension}`;
    const attributes = [`url="${escapeHtml(url)}"`, `type="${file.type}"`];
    if (language) attributes.push(`language="${escapeHtml(language)}"`);
    if (file.captions) attributes.push('rel="captions"');
    return `<podcast:transcript ${attributes.join(' ')} />`;
  }).join('\n');
}
