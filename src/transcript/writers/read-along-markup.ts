/**
 * The read-along's HTML, as a string: the one markup `<verbatim-player>` renders
 * and the interactive HTML export pre-renders inside the element (so the page reads
 * without script and hyperaudio importers can read it back).
 *
 * DOM hooks are the app's: `data-turn-index`, `data-start`/`data-end` (seconds) on
 * turns and words; words also carry hyperaudio's `data-m`/`data-d` (milliseconds).
 * Speaker colours are classes, not style attributes, so a strict CSP still applies them.
 * Pure: no DOM, so the writer and the CLI use it too.
 */
import { LOW_CONFIDENCE, speakerName, type Entry, type SpeechTurn, type Transcript, type Word } from '../model.ts';
import { turnEnd, turnStart } from '../time-index.ts';
import { formatClock } from '../format-time.ts';

/** Speaker colour classes cycle through this many hues (see embed-styles.ts). */
export const SPEAKER_HUES = 8;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** Line breaks inside a word or name would break the one-turn-per-paragraph layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function timeAttributes(start: number | undefined, end: number | undefined): string {
  if (start === undefined || !Number.isFinite(start)) return '';
  const startMs = Math.round(start * 1000);
  const hasEnd = end !== undefined && Number.isFinite(end) && end >= start;
  const duration = hasEnd ? Math.round(end * 1000) - startMs : 0;
  return ` data-start="${start}"${hasEnd ? ` data-end="${end}"` : ''} data-m="${startMs}" data-d="${duration}"`;
}

/** Set by the model's paragraph support (`Word.paragraph`); read defensively so older models still render. */
function startsParagraph(word: Word, index: number): boolean {
  return index > 0 && (word as Word & { paragraph?: boolean }).paragraph === true;
}

function wordHtml(word: Word, index: number): string {
  const low = word.confidence !== undefined && word.confidence < LOW_CONFIDENCE ? ' vp-low' : '';
  const paragraph = startsParagraph(word, index) ? ' <span class="vp-para" aria-hidden="true"></span>' : index > 0 ? ' ' : '';
  return `${paragraph}<span class="vp-word${low}"${timeAttributes(word.start, word.end)}>${escapeHtml(oneLine(word.text))}</span>`;
}

function turnHtml(turn: SpeechTurn, turnIndex: number, name: string | undefined, hue: number): string {
  const start = turnStart(turn);
  const end = turnEnd(turn);
  const label = name ?? 'Unlabelled';
  const seek =
    start === undefined
      ? ''
      : `<button type="button" class="vp-seek" data-start="${start}" aria-label="${escapeHtml(`${label}, ${formatClock(start)}: play from here`)}">${formatClock(start)}</button> `;
  const speaker = name === undefined ? '' : `<span class="vp-name speaker">${escapeHtml(name)}</span>`;
  const words = turn.words.map(wordHtml).join('');
  const colour = hue >= 0 ? ` vp-hue${hue}` : '';
  return `<p class="vp-turn${colour}" data-turn-index="${turnIndex}"${timeAttributes(start, end)}><span class="vp-head">${seek}${speaker}</span> ${words}</p>`;
}

function eventHtml(entry: Entry & { kind: 'event' }): string {
  const text = escapeHtml(oneLine(entry.text));
  return text.length === 0 ? '' : `<p class="vp-event event"${timeAttributes(entry.start, entry.end)}>${text}</p>`;
}

/** Every entry as read-along markup, one `<p>` each, joined by newlines. */
export function readAlongMarkup(transcript: Transcript): string {
  const hues = new Map<string, number>();
  transcript.speakers.forEach((speaker, index) => hues.set(speaker.id, index % SPEAKER_HUES));
  const parts: string[] = [];
  let turnIndex = 0;
  for (const entry of transcript.entries) {
    if (entry.kind === 'event') {
      const html = eventHtml(entry);
      if (html) parts.push(html);
      continue;
    }
    const name = speakerName(transcript, entry.speakerId);
    const hue = entry.speakerId === null ? -1 : (hues.get(entry.speakerId) ?? -1);
    parts.push(turnHtml(entry, turnIndex, name === undefined ? undefined : oneLine(name), hue));
    turnIndex += 1;
  }
  return parts.join('\n');
}

export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];

/**
 * The inside of `<verbatim-player>`: controls bar (the media element, speed, passage
 * link, status), the scrolling transcript and "Back to current". The element builds
 * it when empty and adopts it when the page already holds it (the HTML export).
 */
export function playerMarkup(options: { audioUrl?: string | undefined; transcriptHtml?: string; label?: string }): string {
  const src = options.audioUrl ? ` src="${escapeHtml(options.audioUrl)}"` : '';
  const rates = PLAYBACK_RATES.map((rate) => `<option value="${rate}"${rate === 1 ? ' selected' : ''}>${rate}×</option>`).join('');
  const label = escapeHtml(options.label ?? 'Transcript');
  return `<div class="vp-bar"><audio class="vp-audio" controls preload="metadata"${src}></audio>\
<label>Speed <select class="vp-rate">${rates}</select></label>\
<button type="button" class="vp-button vp-copy" hidden>Copy link to this passage</button>\
<div class="vp-status" role="status"></div></div>\
<div class="vp-scroller" tabindex="0" role="region" aria-label="${label}"><div class="vp-transcript">
${options.transcriptHtml ?? ''}
</div></div><button type="button" class="vp-button vp-back" hidden>Back to current</button>`;
}
