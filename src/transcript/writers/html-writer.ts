/**
 * A self-contained interactive transcript page in the hyperaudio shape: an `<audio>`
 * element and words as `<span data-m="ms" data-d="ms">`. Clicking a word seeks there;
 * the word being spoken is highlighted; each timed turn starts with a keyboard-operable
 * "play from here" button. Everything from the transcript is HTML-escaped,
 * the script is a fixed string that never contains transcript data, and a
 * Content-Security-Policy allows only that script (by hash), so transcript text cannot
 * run code even if escaping were ever wrong.
 */
import { speakerName, type SpeechTurn, type Transcript } from '../model.ts';
import type { ExportFormat, WriteOptions } from '../formats/format-spec.ts';
import { formatClock } from '../format-time.ts';
import { entryStart, oneLine } from './timed-cues.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** The page's only script. Its SHA-256 is pinned in the CSP below; a unit test checks the two agree. */
export const PLAYER_SCRIPT = `(function () {
  var audio = document.getElementById('audio');
  var root = document.getElementById('transcript');
  var spans = Array.prototype.slice.call(root.querySelectorAll('span[data-m]'));
  var items = spans.map(function (span) { return { span: span, time: Number(span.getAttribute('data-m')) / 1000 }; });
  items.sort(function (a, b) { return a.time - b.time; });
  var active = null;
  function find(time) {
    var low = 0, high = items.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (items[middle].time <= time) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found < 0 ? null : items[found].span;
  }
  function update() {
    var span = find(audio.currentTime);
    if (span === active) return;
    if (active) active.classList.remove('active');
    if (span) {
      span.classList.add('active');
      var box = span.getBoundingClientRect();
      if (!audio.paused && (box.top < 80 || box.bottom > window.innerHeight)) span.scrollIntoView({ block: 'center' });
    }
    active = span;
  }
  root.addEventListener('click', function (event) {
    var target = event.target && event.target.closest ? event.target.closest('[data-m]') : null;
    if (!target || !root.contains(target)) return;
    audio.currentTime = Number(target.getAttribute('data-m')) / 1000;
    update();
    if (audio.paused && audio.currentSrc) audio.play();
  });
  var frame = 0;
  function tick() { update(); frame = audio.paused ? 0 : requestAnimationFrame(tick); }
  audio.addEventListener('play', function () { if (!frame) frame = requestAnimationFrame(tick); });
  audio.addEventListener('timeupdate', update);
  audio.addEventListener('seeked', update);
})();`;

/** base64 SHA-256 of PLAYER_SCRIPT, for the CSP `script-src`. */
export const PLAYER_SCRIPT_SHA256 = 'LpWjjWo5lbml4Ns+/0hfBxCm39x2MUvh9QEhsYIfHus=';

const STYLE = `
  body { font: 18px/1.6 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fff; }
  header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 12px 24px; }
  header h1 { font-size: 20px; margin: 0 0 8px; }
  audio { width: 100%; }
  .note { color: #666; font-size: 14px; }
  main { max-width: 46em; margin: 0 auto; padding: 16px 24px 50vh; }
  .speaker { font-weight: 700; }
  .event { color: #666; font-style: italic; }
  span[data-m] { cursor: pointer; border-radius: 3px; }
  span[data-m]:hover { background: #eef; }
  span.active { background: #ffe58a; color: #1d1d1f; }
  button.time { font: 13px/1 ui-monospace, monospace; color: #555; background: none; border: 1px solid #ccc;
    border-radius: 4px; padding: 3px 6px; margin-right: 8px; cursor: pointer; vertical-align: 2px; }
  button.time:hover { background: #eef; }
  :focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body, header { color: #e8e8ea; background: #17171a; }
    header { border-color: #333; }
    .note, .event, button.time { color: #b4b4bb; }
    button.time { border-color: #555; }
    span[data-m]:hover, button.time:hover { background: #2a2a40; }
    :focus-visible { outline-color: #8ab4ff; }
  }
`;

function timeAttributes(start: number | undefined, end: number | undefined): string {
  if (start === undefined) return '';
  const startMs = Math.round(start * 1000);
  const duration = end === undefined ? 0 : Math.max(0, Math.round(end * 1000) - startMs);
  return ` data-m="${startMs}" data-d="${duration}"`;
}

/**
 * A timed turn starts with a button that plays from its start: words are not tab
 * stops (a long page would have tens of thousands), so this is how a keyboard user
 * seeks. Importers skip buttons, so the label never becomes a word.
 */
function seekButton(start: number | undefined): string {
  if (start === undefined) return '';
  const clock = formatClock(start);
  return `<button type="button" class="time" data-m="${Math.round(start * 1000)}" aria-label="Play from ${clock}">${clock}</button>`;
}

function turnHtml(transcript: Transcript, turn: SpeechTurn): string {
  const name = speakerName(transcript, turn.speakerId);
  const speaker = name === undefined ? '' : `<span class="speaker">${escapeHtml(oneLine(name))}: </span>`;
  const words = turn.words
    .filter((word) => oneLine(word.text).length > 0)
    .map((word) => {
      const text = escapeHtml(oneLine(word.text));
      return word.start === undefined ? text : `<span${timeAttributes(word.start, word.end)}>${text}</span>`;
    })
    .join(' ');
  const lastEnd = [...turn.words].reverse().find((word) => word.end !== undefined)?.end;
  const start = entryStart(turn);
  return `<p class="turn"${timeAttributes(start, turn.end ?? lastEnd)}>${seekButton(start)}${speaker}${words}</p>`;
}

export function writeHtml(transcript: Transcript, options: WriteOptions = {}): string {
  const title = escapeHtml(oneLine(options.title ?? '') || 'Transcript');
  const language = transcript.language ? ` lang="${escapeHtml(transcript.language)}"` : '';
  const audio = options.audioUrl
    ? `<audio id="audio" controls preload="metadata" src="${escapeHtml(options.audioUrl)}"></audio>`
    : '<audio id="audio" controls preload="none"></audio>\n<div class="note">No audio file is linked to this transcript.</div>';
  const body = transcript.entries
    .map((entry) => {
      if (entry.kind === 'speech') return turnHtml(transcript, entry);
      const text = escapeHtml(oneLine(entry.text));
      if (text.length === 0) return '';
      const timed = entry.start === undefined ? text : `<span${timeAttributes(entry.start, entry.end)}>${text}</span>`;
      return `<p class="event"${timeAttributes(entry.start, entry.end)}>${timed}</p>`;
    })
    .filter((html) => html.length > 0)
    .join('\n');
  return `<!DOCTYPE html>
<html${language}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'sha256-${PLAYER_SCRIPT_SHA256}'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="Verbatim">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${audio}
</header>
<main id="transcript" class="hyperaudio-transcript">
${body}
</main>
<script>${PLAYER_SCRIPT}</script>
</body>
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
