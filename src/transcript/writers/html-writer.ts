/**
 * A self-contained interactive transcript page: `<verbatim-player>` (the same element
 * publishers embed) inlined as the page's one script, around the transcript already
 * rendered as read-along markup, so the page reads without script and hyperaudio
 * importers read it back (words are `<span data-m="ms" data-d="ms">`).
 *
 * Safety: everything from the transcript is HTML-escaped, the script never contains
 * transcript data, and a Content-Security-Policy starting from `default-src 'none'`
 * allows only that script and the page's style (by hash) and only its own audio,
 * so transcript text cannot run code or load anything even if escaping were ever wrong.
 */
import type { Transcript } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { escapeHtml, playerMarkup, readAlongMarkup } from './read-along-markup.ts';
import { PLAYER_CSS } from './player-css.ts';

export { escapeHtml };

/**
 * `options.player` is the script to inline (`dist/embed/verbatim-player.inline.js`)
 * and its base64 SHA-256 for the CSP. The caller supplies both: the app fetches the
 * built file, the CLI reads it; hashing here would make this writer asynchronous.
 * Without it the page is a static, readable transcript.
 */
export type InlinePlayer = NonNullable<WriteOptions['player']>;

/**
 * The page's style: its own layout, then the player's stylesheet, so a long page is
 * styled (and its off-screen turns skipped by content-visibility) while it is still
 * being parsed, before the player script runs. Pinned by hash in the CSP.
 */
export const PAGE_STYLE =
  'body{margin:0;font:18px/1.6 system-ui,sans-serif;color:#1d1d1f;background:#fff}' +
  'main{max-width:48em;margin:0 auto;padding:16px 24px}h1{font-size:22px;margin:0 0 12px}' +
  'verbatim-player{--vp-height:calc(100vh - 11rem)}.note{color:#5c5c66;font-size:14px}' +
  '@media (prefers-color-scheme:dark){body{color:#e8e8ea;background:#17171a}.note{color:#b4b4bb}}' +
  PLAYER_CSS;

/** base64 SHA-256 of PAGE_STYLE; a unit test checks the two agree (update it when the player's CSS changes). */
export const PAGE_STYLE_SHA256 = 'sPAEw6WA4w4DeL+wOKoX30hTI/rbqNIf8upD9P+cNLk=';

/**
 * Where the page may load media from: exactly the audio URL when it is absolute,
 * the page's own origin when it is a file name beside the page.
 */
function mediaSource(audioUrl: string | undefined): string {
  if (!audioUrl) return "'none'";
  if (/^https?:\/\//iu.test(audioUrl)) {
    // A source expression cannot hold spaces, commas or semicolons; encoded, the URL still matches.
    return audioUrl.replace(/[\s,;']/gu, (character) => encodeURIComponent(character)).replace(/[?#].*$/u, '');
  }
  return "'self'";
}

export function writeHtml(transcript: Transcript, options: WriteOptions = {}): string {
  const title = escapeHtml(options.title?.replace(/\s+/gu, ' ').trim() || 'Transcript');
  const transcriptHtml = readAlongMarkup(transcript);
  const language = transcript.language ? ` lang="${escapeHtml(transcript.language)}"` : '';
  const player = playerMarkup({ audioUrl: options.audioUrl, transcriptHtml, label: `Transcript: ${options.title ?? 'Transcript'}` }).replace(
    '<div class="vp-transcript">',
    `<div class="vp-transcript"${language}>`,
  );
  const script = options.player ? `'sha256-${options.player.sha256}'` : "'none'";
  const policy = [
    "default-src 'none'",
    `script-src ${script}`,
    `style-src 'sha256-${PAGE_STYLE_SHA256}'`,
    `media-src ${mediaSource(options.audioUrl)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const note = options.audioUrl ? '' : '\n<div class="note">No audio file is linked to this transcript.</div>';
  // The page's own words (controls, labels) are English; the transcript carries its language.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="generator" content="Verbatim">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main id="transcript" class="hyperaudio-transcript">
<h1>${title}</h1>${note}
<verbatim-player>${player}</verbatim-player>
</main>
${options.player ? `<script type="module">${options.player.script}</script>\n` : ''}</body>
</html>
`;
}

export const htmlWriter: ExportFormat = {
  id: 'html',
  label: 'Interactive HTML page',
  extension: 'html',
  mimeType: 'text/html',
  write: writeHtml,
};
