import type { Player } from '../player/player.ts';
import { mediaErrorText } from '../player/player.ts';
import type { AppStore } from '../store/app-store.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { decodeText } from '../transcript/decode-text.ts';
import { describeParseError } from '../transcript/parse-result.ts';
import { emptyTranscript, type Transcript } from '../transcript/model.ts';
import type { FeedEpisode, FeedListing, FeedTranscript } from '../transcript/podcast-feed.ts';
import { looksLikePeaks, parsePeaks, type WaveformPeaks } from '../player/peaks.ts';
import { formatClock } from '../transcript/format-time.ts';
import { AUDIO_EXTENSIONS, TRANSCRIPT_EXTENSIONS, classifyFile, extensionOf } from './classify-file.ts';

/** Transcripts beyond this are refused before reading: no real transcript is this large. */
const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
const AUDIO_PROBE_TIMEOUT_MS = 20_000;

export interface LoadedTranscript {
  transcript: Transcript;
  name: string;
  formatLabel: string;
  formatId: string;
  /** The file's text, kept so the user can re-read it as another format. */
  text: string;
}

interface LoadedAudio {
  url: string;
  name: string;
  /** True for object URLs this loader created and must revoke. */
  owned: boolean;
  key: string;
  /** Precomputed waveform: the browser then does not decode the audio to draw it. */
  peaks?: LoadedPeaks;
}

interface LoadedPeaks {
  value: WaveformPeaks;
  name: string;
}

export interface LoadUrlOptions {
  /** Skip the "Opened …" confirmation (the built-in demo). */
  quiet?: boolean;
  /** Names to show instead of the last part of each URL (a feed episode's title). */
  audioName?: string;
  transcriptName?: string;
  /** Open the audio with an empty transcript rather than keeping the current one (an episode without a transcript). */
  withoutTranscript?: boolean;
}

export interface SessionLoader {
  /** Files from the picker or a drop: one audio and/or one transcript. */
  loadFiles(files: readonly File[]): Promise<boolean>;
  /** `?audio=URL&transcript=URL&peaks=URL`; peaks (audiowaveform JSON) only with audio. */
  loadUrls(urls: { audio?: string; transcript?: string; peaks?: string }, options?: LoadUrlOptions): Promise<boolean>;
}

/** What the loader does besides files and URLs; none of it needs the autosave wrapper. */
export interface SessionLoaderExtras {
  /** A transcript as text (pasted); keeps the current audio. */
  loadText(text: string, name: string): Promise<boolean>;
  /** Reads the current transcript's original text again as `formatId`; returns the problem, or undefined when done. */
  readAs(formatId: string): string | undefined;
  /** Downloads or reads a podcast feed and checks it has episodes; returns it, or a sentence naming the source and the problem. */
  readFeed(source: string | File): Promise<FeedListing | string>;
}

/**
 * What `loadUrls` gets for a feed episode: its enclosure as the audio, named by the
 * episode's title, and its transcript, or an empty one when it has none.
 */
export function episodeLoad(episode: FeedEpisode & { enclosure: { url: string } }, transcript: FeedTranscript | undefined) {
  return {
    urls: { audio: episode.enclosure.url, ...(transcript ? { transcript: transcript.url } : {}) },
    options: { audioName: episode.title || nameFromUrl(episode.enclosure.url), ...(transcript ? {} : { withoutTranscript: true }) } satisfies LoadUrlOptions,
  };
}

/**
 * Loads user input into the session. Every failure becomes a notice naming the
 * file and the problem, and leaves the current session untouched: new input is
 * fully read and checked before anything is replaced.
 */
export function createSessionLoader(player: Player, store: AppStore): SessionLoader & SessionLoaderExtras {
  let ownedAudioUrl: string | null = null;

  const fail = (message: string) => {
    store.getState().notify('error', message);
    return false;
  };

  const commit = async (transcript: LoadedTranscript | null, audio: LoadedAudio | null, quiet = false) => {
    const state = store.getState();
    if (transcript) {
      state.setSession({
        transcript: transcript.transcript,
        transcriptName: transcript.name,
        formatLabel: transcript.formatLabel,
        formatId: transcript.formatId,
        sourceText: transcript.text,
        ...(audio ? { audioName: audio.name, audioUrl: audio.url, audioKey: audio.key } : {}),
      });
    } else if (audio) {
      store.setState({ audioName: audio.name, audioUrl: audio.url, audioKey: audio.key });
    }
    if (audio) {
      if (ownedAudioUrl && ownedAudioUrl !== audio.url) URL.revokeObjectURL(ownedAudioUrl);
      ownedAudioUrl = audio.owned ? audio.url : null;
      try {
        await player.load(audio.url, audio.peaks?.value);
      } catch (error) {
        return fail(`${audio.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (audio.peaks) warnIfPeaksDoNotFit(audio.peaks, audio.name);
    }
    const parts = [transcript?.name ? `${transcript.name} (read as ${transcript.formatLabel})` : '', audio ? audio.name : ''].filter(Boolean);
    if (parts.length > 0 && !quiet) state.notify('info', `Opened ${parts.join(' and ')}.`);
    return true;
  };

  /** Peaks that do not span the audio would draw a waveform that does not line up with it. */
  const warnIfPeaksDoNotFit = (peaks: LoadedPeaks, audioName: string) => {
    const duration = player.duration();
    if (duration <= 0) {
      // With peaks, wavesurfer does not wait for the media's metadata: compare once it is known.
      const unsubscribe = player.on('duration', () => {
        unsubscribe();
        warnIfPeaksDoNotFit(peaks, audioName);
      });
      return;
    }
    const gap = Math.abs(duration - peaks.value.duration);
    if (gap > Math.max(1, duration * 0.01)) {
      store
        .getState()
        .notify(
          'warning',
          `${peaks.name} covers ${formatClock(peaks.value.duration)} but ${audioName} is ${formatClock(duration)} long, so the waveform will not line up. Make peaks for this audio with “npm run peaks”.`,
        );
    }
  };

  return {
    async loadFiles(files) {
      const audioFiles = files.filter((file) => classifyFile(file) === 'audio');
      let transcriptFiles = files.filter((file) => classifyFile(file) === 'transcript');
      const unknown = files.filter((file) => classifyFile(file) === 'unknown');
      const feeds = files.filter((file) => classifyFile(file) === 'feed');
      if (feeds.length > 0) return fail(`${feeds[0]!.name} is a podcast feed: open it with “Podcast feed…” to pick an episode.`);
      // A waveform peaks file is JSON too: tell it from a JSON transcript by its first fields.
      const peaksFiles: File[] = [];
      for (const file of transcriptFiles) {
        if (extensionOf(file.name) === 'json' && looksLikePeaks(await file.slice(0, 1000).text())) peaksFiles.push(file);
      }
      transcriptFiles = transcriptFiles.filter((file) => !peaksFiles.includes(file));
      if (unknown.length > 0) {
        const file = unknown[0]!;
        const ext = extensionOf(file.name);
        return fail(
          `${file.name}: ${ext ? `“.${ext}” files are` : 'this file is'} not supported. Open an audio file (${AUDIO_EXTENSIONS.slice(0, 7).join(', ')}) and a transcript (${TRANSCRIPT_EXTENSIONS.slice(0, 6).join(', ')}).`,
        );
      }
      if (audioFiles.length > 1) return fail(`Open one audio file at a time (got ${audioFiles.map((f) => f.name).join(', ')}).`);
      if (transcriptFiles.length > 1) return fail(`Open one transcript at a time (got ${transcriptFiles.map((f) => f.name).join(', ')}).`);
      if (files.length === 0) return false;
      if (peaksFiles.length > 1) return fail(`Open one peaks file at a time (got ${peaksFiles.map((f) => f.name).join(', ')}).`);
      const peaksFile = peaksFiles[0];
      if (peaksFile && audioFiles.length === 0) {
        return fail(`${peaksFile.name} holds waveform peaks: open it together with its audio file.`);
      }
      let peaks: LoadedPeaks | undefined;
      if (peaksFile) {
        const read = parsePeaksText(await peaksFile.text(), peaksFile.name);
        if (typeof read === 'string') return fail(read);
        peaks = read;
      }

      let transcript: LoadedTranscript | null = null;
      const transcriptFile = transcriptFiles[0];
      if (transcriptFile) {
        const read = await readTranscriptFile(transcriptFile);
        if (typeof read === 'string') return fail(read);
        transcript = read;
      }
      let audio: LoadedAudio | null = null;
      const audioFile = audioFiles[0];
      if (audioFile) {
        if (audioFile.size === 0) return fail(`${audioFile.name}: the file is empty.`);
        const url = URL.createObjectURL(audioFile);
        const problem = await probeAudio(url);
        if (problem) {
          URL.revokeObjectURL(url);
          return fail(`${audioFile.name} cannot be played: ${problem}.`);
        }
        audio = {
          url,
          name: audioFile.name,
          owned: true,
          key: `file:${audioFile.name}:${audioFile.size}:${audioFile.lastModified}`,
          ...(peaks ? { peaks } : {}),
        };
      }
      return commit(transcript, audio);
    },

    async loadUrls(urls, options = {}) {
      // Nothing to protect on a first load: skip the playability probe and show the transcript at once.
      const firstLoad = store.getState().audioUrl === '' && store.getState().transcript.entries.length === 0;
      const audioName = urls.audio ? (options.audioName ?? nameFromUrl(urls.audio)) : '';
      if (urls.peaks && !urls.audio) {
        return fail(`${nameFromUrl(urls.peaks)} holds waveform peaks for an audio file: give the audio too (?audio=…&peaks=…).`);
      }
      const probe = urls.audio && !firstLoad ? probeAudio(urls.audio) : Promise.resolve(undefined);
      const peaksRead = urls.peaks ? readPeaksUrl(urls.peaks) : Promise.resolve(undefined);
      let transcript: LoadedTranscript | null = null;
      if (urls.transcript) {
        const read = await readTranscriptUrl(urls.transcript, options.transcriptName);
        if (typeof read === 'string') return fail(read);
        transcript = read;
      } else if (options.withoutTranscript && urls.audio) {
        transcript = { transcript: emptyTranscript(), name: '', formatLabel: '', formatId: '', text: '' };
      }
      const peaks = await peaksRead;
      if (typeof peaks === 'string') return fail(peaks);
      let audio: LoadedAudio | null = null;
      if (urls.audio) {
        const problem = await probe;
        if (problem) return fail(`${audioName} (${urls.audio}) cannot be played: ${problem}.`);
        audio = {
          url: urls.audio,
          name: audioName,
          owned: false,
          key: `url:${new URL(urls.audio, window.location.href).href}`,
          ...(peaks ? { peaks } : {}),
        };
      }
      return commit(transcript, audio, options.quiet);
    },

    async loadText(text, name) {
      if (text.trim().length === 0) return fail(`${name}: there is no text to read.`);
      const read = parseTranscriptText(text, name);
      if (typeof read === 'string') return fail(read);
      return commit(read, null);
    },

    readAs(formatId) {
      const state = store.getState();
      if (!state.sourceText) return `${state.transcriptName || 'This transcript'} has no original text to read again.`;
      const read = parseTranscriptText(state.sourceText, state.transcriptName, formatId);
      if (typeof read === 'string') return read;
      // A new session over the same audio: history starts again, and autosave still offers earlier edits of this text.
      state.setSession({
        transcript: read.transcript,
        transcriptName: read.name,
        formatLabel: read.formatLabel,
        formatId: read.formatId,
        sourceText: read.text,
      });
      state.notify('info', `${read.name}: read as ${read.formatLabel}.`);
      return undefined;
    },

    readFeed: (source) => readFeedSource(source),
  };
}

/** Downloads or reads a feed and checks it has episodes; returns the feed or an error sentence. */
async function readFeedSource(source: string | File): Promise<FeedListing | string> {
  let text: string;
  let name: string;
  let baseUrl: string | undefined;
  if (typeof source === 'string') {
    const url = source.trim();
    if (url === '') return 'Give the address of a podcast feed.';
    name = nameFromUrl(url);
    try {
      baseUrl = new URL(url, window.location.href).href;
    } catch {
      return `${url} is not a web address.`;
    }
    let response: Response;
    try {
      response = await fetch(baseUrl);
    } catch (error) {
      return `${name} (${url}) could not be downloaded: ${error instanceof Error ? error.message : String(error)}. The server may not allow other sites to read it; download the feed and open the file instead.`;
    }
    if (!response.ok) return `${name} (${url}) could not be downloaded: the server answered ${response.status} ${response.statusText}.`.replace(/ \./, '.');
    text = await response.text();
  } else {
    name = source.name;
    if (source.size > MAX_TRANSCRIPT_BYTES) return `${name}: the file is ${Math.round(source.size / 1048576)} MB, too large for a podcast feed.`;
    try {
      text = await source.text();
    } catch (error) {
      return `${name} could not be read (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  // The XML reader is only needed here; it stays out of the app's first download.
  const { bestTranscript, parsePodcastFeed } = await import('../transcript/podcast-feed.ts');
  const result = parsePodcastFeed(text, { fileName: name, ...(baseUrl ? { baseUrl } : {}) });
  if (!result.ok) return `${describeParseError({ ...result.error, fileName: name })}.`;
  const { feed } = result;
  const title = feed.title ? ` “${feed.title}”` : '';
  if (feed.episodes.length === 0) return `${name}: the feed${title} has no episodes.`;
  if (!feed.episodes.some((episode) => episode.enclosure)) return `${name}: no episode in the feed${title} has an audio file.`;
  return { feed, name, transcripts: feed.episodes.map((episode) => bestTranscript(episode, feed.language)) };
}

function parsePeaksText(text: string, name: string): LoadedPeaks | string {
  const result = parsePeaks(text);
  return result.ok ? { value: result.value, name } : `${name}: ${result.message}.`;
}

async function readPeaksUrl(url: string): Promise<LoadedPeaks | string> {
  const name = nameFromUrl(url);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return `${name} (${url}) could not be downloaded: ${error instanceof Error ? error.message : String(error)}.`;
  }
  if (!response.ok) return `${name} (${url}) could not be downloaded: the server answered ${response.status} ${response.statusText}.`.replace(/ \./, '.');
  return parsePeaksText(await response.text(), name);
}

export function nameFromUrl(url: string): string {
  try {
    const path = new URL(url, window.location.href).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}

/** Reads and parses a transcript file; returns the transcript or an error sentence. */
export async function readTranscriptFile(file: File): Promise<LoadedTranscript | string> {
  if (file.size > MAX_TRANSCRIPT_BYTES) return `${file.name}: the file is ${Math.round(file.size / 1048576)} MB, too large for a transcript.`;
  let text: string;
  try {
    text = decodeText(new Uint8Array(await file.arrayBuffer())).text;
  } catch (error) {
    return `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}).`;
  }
  return parseTranscriptText(text, file.name);
}

async function readTranscriptUrl(url: string, givenName?: string): Promise<LoadedTranscript | string> {
  const name = givenName ?? nameFromUrl(url);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return `${name} (${url}) could not be downloaded: ${error instanceof Error ? error.message : String(error)}.`;
  }
  if (!response.ok) return `${name} (${url}) could not be downloaded: the server answered ${response.status} ${response.statusText}.`.replace(/ \./, '.');
  const text = decodeText(new Uint8Array(await response.arrayBuffer())).text;
  return parseTranscriptText(text, name);
}

export function parseTranscriptText(text: string, name: string, formatId?: string): LoadedTranscript | string {
  const result = readTranscript(text, { fileName: name, ...(formatId ? { formatId } : {}) });
  if (!result.ok) return `${describeParseError({ ...result.error, fileName: name })}.`.replace(/\.\.$/, '.');
  if (!result.transcript.entries.some((entry) => entry.kind === 'speech')) return `${name}: the transcript has no speech turns.`;
  return { transcript: result.transcript, name, formatLabel: result.formatLabel, formatId: result.formatId, text };
}

/** Loads metadata in a detached element (never in the document); undefined when playable. */
export function probeAudio(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = new Audio();
    probe.preload = 'metadata';
    const finish = (problem: string | undefined) => {
      clearTimeout(timer);
      probe.onloadedmetadata = null;
      probe.onerror = null;
      probe.removeAttribute('src');
      probe.load();
      resolve(problem);
    };
    const timer = setTimeout(() => finish(`it did not start loading within ${AUDIO_PROBE_TIMEOUT_MS / 1000} seconds`), AUDIO_PROBE_TIMEOUT_MS);
    probe.onloadedmetadata = () => finish(Number.isFinite(probe.duration) || probe.duration === Infinity ? undefined : 'its duration is unknown');
    probe.onerror = () => finish(mediaErrorText(probe.error?.code ?? 0));
    probe.src = url;
  });
}
