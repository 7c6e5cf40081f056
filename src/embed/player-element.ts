/**
 * `<verbatim-player audio="episode.mp3" transcript="episode.vtt">`: Verbatim's
 * read-along as a custom element for any page, built from the app's pure modules
 * (readers, time index, follow rule) without React or the editor.
 *
 * Attributes: `audio`, `transcript` (any format Verbatim reads), optional `peaks`
 * (audiowaveform JSON: a compact waveform), `start` (seconds or clock), `theme`
 * (`light` | `dark`; default follows the system), `label` (the transcript region's name).
 * API: `play()`, `pause()`, `seek(t)`, `playPassage({ start, end })`, `currentTime`, `ready`.
 * Events: `verbatim-time` ({ time }), `verbatim-active` ({ turn, word }),
 * `verbatim-ready`, `verbatim-error` ({ message }), `verbatim-passage` ({ start, end, url }).
 */
import { buildTimeIndex } from '../transcript/time-index.ts';
import type { Transcript } from '../transcript/model.ts';
import { describeParseError, type ParseResult } from '../transcript/parse-result.ts';
import { adoptPlayerStyles } from './embed-styles.ts';
import { timelineFromMarkup } from './markup-timeline.ts';
import { parsePassage, passageUrl, type Passage } from './passage-fragment.ts';
import { createReadAlong, type ReadAlong } from './read-along.ts';
import { playerMarkup, readAlongMarkup } from '../transcript/writers/read-along-markup.ts';
import { selectedPassage } from './selected-passage.ts';

function parseStart(value: string | null): number | undefined {
  if (!value) return undefined;
  return parsePassage(`t=${value.trim()}`)?.start;
}

/**
 * How an entry point equips the element: the published module loads readers and the
 * waveform lazily; the copy inlined in HTML exports has neither, since its page
 * already holds the rendered transcript.
 */
export interface PlayerLoaders {
  transcript?: (url: string, base: string, signal: AbortSignal) => Promise<ParseResult>;
  waveform?: (parent: Element, url: string, audio: HTMLAudioElement) => Promise<() => void>;
}

const loaders: PlayerLoaders = {};

export class VerbatimPlayerElement extends HTMLElement {
  static observedAttributes = ['audio', 'transcript', 'peaks'];

  #readAlong: ReadAlong | undefined;
  #abort: AbortController | undefined;
  #cleanups: (() => void)[] = [];
  #passage: Passage | undefined;
  #resolveReady: () => void = () => undefined;
  #ready: Promise<void> = new Promise((resolve) => (this.#resolveReady = resolve));

  /** Resolves when the transcript is shown and the read-along runs. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  get audio(): HTMLAudioElement | null {
    return this.querySelector('audio');
  }

  get currentTime(): number {
    return this.audio?.currentTime ?? 0;
  }

  play(): Promise<void> {
    return this.audio?.play() ?? Promise.resolve();
  }

  pause(): void {
    this.audio?.pause();
  }

  seek(time: number): void {
    const audio = this.audio;
    if (audio && Number.isFinite(time)) audio.currentTime = Math.max(0, time);
  }

  /** Plays exactly this span, marking its words; what passage links open. */
  async playPassage(passage: Passage): Promise<void> {
    await this.#ready;
    await this.#readAlong?.playPassage(passage);
  }

  connectedCallback(): void {
    adoptPlayerStyles(this.ownerDocument);
    if (!this.querySelector('.vp-scroller')) {
      this.innerHTML = playerMarkup({ audioUrl: this.getAttribute('audio') ?? undefined, label: this.getAttribute('label') ?? undefined });
    } else if (this.hasAttribute('audio') && this.audio?.getAttribute('src') !== this.getAttribute('audio')) {
      this.audio!.src = this.getAttribute('audio')!;
    }
    this.#wireControls();
    const list = this.querySelector<HTMLElement>('.vp-transcript')!;
    if (list.querySelector('.vp-turn, .vp-event')) this.#start(timelineFromMarkup(list));
    else void this.#load();
    if (this.hasAttribute('peaks')) void this.#loadWaveform();
  }

  disconnectedCallback(): void {
    this.#abort?.abort();
    this.#readAlong?.destroy();
    this.#readAlong = undefined;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (!this.isConnected || previous === next || !this.querySelector('.vp-scroller')) return;
    if (name === 'audio' && this.audio && next !== null) this.audio.src = next;
    if (name === 'transcript') void this.#load();
    if (name === 'peaks' && next !== null) void this.#loadWaveform();
  }

  #status(text: string): void {
    const status = this.querySelector('.vp-status');
    if (status) status.textContent = text;
  }

  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  #on<T extends EventTarget>(target: T, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.#cleanups.push(() => target.removeEventListener(type, handler));
  }

  async #load(): Promise<void> {
    const url = this.getAttribute('transcript');
    if (!url) return;
    if (!loaders.transcript) {
      this.#status('This copy of the player shows only the transcript written into its page.');
      return;
    }
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#status('Loading transcript…');
    try {
      const result = await loaders.transcript(url, this.ownerDocument.baseURI, abort.signal);
      if (abort.signal.aborted) return;
      if (!result.ok) throw new Error(describeParseError(result.error));
      const list = this.querySelector<HTMLElement>('.vp-transcript')!;
      list.innerHTML = readAlongMarkup(result.transcript);
      if (result.transcript.language) list.lang = result.transcript.language;
      this.#start(result.transcript);
      this.#status('');
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.#status(`Could not show the transcript: ${message}`);
      this.#emit('verbatim-error', { message });
    }
  }

  #start(transcript: Transcript): void {
    this.#readAlong?.destroy();
    const audio = this.audio!;
    const back = this.querySelector<HTMLButtonElement>('.vp-back')!;
    this.#readAlong = createReadAlong(
      { audio, scroller: this.querySelector<HTMLElement>('.vp-scroller')!, list: this.querySelector<HTMLElement>('.vp-transcript')! },
      buildTimeIndex(transcript),
      {
        time: (time) => this.#emit('verbatim-time', { time }),
        active: (turn, word) => this.#emit('verbatim-active', { turn, word }),
        following: (on) => (back.hidden = on),
      },
    );
    this.setAttribute('data-ready', '');
    this.#resolveReady();
    this.#emit('verbatim-ready', { turns: transcript.entries.length });
    const passage = parsePassage(this.ownerDocument.location?.hash ?? '');
    if (passage) void this.#readAlong.playPassage(passage);
    else {
      const start = parseStart(this.getAttribute('start'));
      if (start !== undefined) this.#seekWhenReady(audio, start);
    }
  }

  #seekWhenReady(audio: HTMLAudioElement, time: number): void {
    if (audio.readyState >= 1) audio.currentTime = time;
    else audio.addEventListener('loadedmetadata', () => (audio.currentTime = time), { once: true });
  }

  #wireControls(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    const audio = this.audio!;
    const rate = this.querySelector<HTMLSelectElement>('.vp-rate')!;
    const copy = this.querySelector<HTMLButtonElement>('.vp-copy')!;
    const back = this.querySelector<HTMLButtonElement>('.vp-back')!;
    const list = this.querySelector<HTMLElement>('.vp-transcript')!;
    this.#on(rate, 'change', () => (audio.playbackRate = Number(rate.value) || 1));
    this.#on(audio, 'ratechange', () => {
      if (Number(rate.value) !== audio.playbackRate) rate.value = String(audio.playbackRate);
    });
    this.#on(back, 'click', () => this.#readAlong?.resumeFollowing());
    this.#on(this.ownerDocument, 'selectionchange', () => {
      const passage = selectedPassage(this.ownerDocument.getSelection(), list, '.vp-word[data-start]');
      if (passage) {
        this.#passage = passage;
        copy.hidden = false;
      } else if (this.ownerDocument.activeElement !== copy) {
        // Pressing the button may clear the selection first; the passage it showed for stays.
        this.#passage = undefined;
        copy.hidden = true;
      }
    });
    this.#on(copy, 'click', () => void this.#copyPassage());
    this.#on(this.ownerDocument.defaultView ?? window, 'hashchange', () => {
      const passage = parsePassage(this.ownerDocument.location.hash);
      if (passage) void this.playPassage(passage);
    });
  }

  async #copyPassage(): Promise<void> {
    const passage = this.#passage;
    if (!passage) return;
    const url = passageUrl(this.ownerDocument.location.href, passage);
    this.#emit('verbatim-passage', { ...passage, url });
    try {
      await navigator.clipboard.writeText(url);
      this.#status('Link to this passage copied.');
    } catch {
      // No clipboard (insecure page, denied permission): show the link to copy by hand.
      this.#status(`Link to this passage: ${url}`);
    }
  }

  async #loadWaveform(): Promise<void> {
    const url = this.getAttribute('peaks');
    if (!url || !loaders.waveform) return;
    try {
      const bar = this.querySelector('.vp-bar')!;
      this.#cleanups.push(await loaders.waveform(bar, new URL(url, this.ownerDocument.baseURI).href, this.audio!));
    } catch (error) {
      // The transcript still works without its waveform; say why it is missing.
      this.#status(`No waveform: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Registers the element once per page, whichever entry point (or copy) gets there first. */
export function defineVerbatimPlayer(with_: PlayerLoaders): void {
  Object.assign(loaders, with_);
  if (!customElements.get('verbatim-player')) customElements.define('verbatim-player', VerbatimPlayerElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'verbatim-player': VerbatimPlayerElement;
  }
}
