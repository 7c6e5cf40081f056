import type { Player } from '../player/player.ts';
import { describeMediaFault, mediaFaultOf } from '../player/media-fault.ts';
import type { AppStore } from '../store/app-store.ts';
import { emptyTranscript } from '../transcript/model.ts';
import type { FeedEpisode, FeedListing, FeedTranscript } from '../transcript/podcast-feed.ts';
import { looksLikePeaks } from '../player/peaks.ts';
import { formatClock } from '../transcript/format-time.ts';
import { AUDIO_EXTENSIONS, TRANSCRIPT_EXTENSIONS, classifyFile, extensionOf } from './classify-file.ts';
import { ABORTED, audioDownloadProblem, failed, isAbort, loaded, type LoadError, type Loaded } from './load-error.ts';
import {
  absoluteUrlOf,
  downloadTranscript,
  nameFromUrl,
  parseTranscriptBytes,
  parseTranscriptText,
  probeAudio,
  readPeaksFile,
  readPeaksUrl,
  readTranscriptFile,
  type LoadedPeaks,
  type LoadedTranscript,
  type ReadStage,
  type ReadTranscriptRun,
} from './read-inputs.ts';
import { readFeed } from './read-feed.ts';
import { createFileParser, type FileParser } from './parse-client.ts';
import { nextTask } from './next-task.ts';
import type { LoadStatus } from '../store/session-slice.ts';

interface LoadedAudio {
  url: string;
  name: string;
  /** True for object URLs this loader created and must revoke. */
  owned: boolean;
  key: string;
  /** Precomputed waveform: the browser then does not decode the audio to draw it. */
  peaks?: LoadedPeaks;
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

/** Everything the user can open; one `load` takes each. */
export type LoadRequest =
  /** Files from the picker or a drop: one audio and/or one transcript (and peaks with the audio). */
  | { kind: 'files'; files: readonly File[] }
  /** `?audio=URL&transcript=URL&peaks=URL`; peaks (audiowaveform JSON) only with audio. */
  | { kind: 'urls'; urls: { audio?: string; transcript?: string; peaks?: string }; options?: LoadUrlOptions }
  /** A transcript as text (pasted); keeps the current audio. */
  | { kind: 'text'; text: string; name: string };

/** What a load opened, or why it did not (an abort included: a newer load replaced it). */
export type LoadResult = { ok: true; opened: string[] } | { ok: false; error: LoadError };

export interface SessionLoader {
  /**
   * Reads, checks, then opens; a failure leaves the current session untouched and
   * is shown as a notice. A new load aborts the one in flight (downloads, probe,
   * parsing), so whichever load started last is the one that opens.
   */
  load(request: LoadRequest, options?: { signal?: AbortSignal }): Promise<LoadResult>;
  /** `load` for the UI's buttons: true when something opened. */
  loadFiles(files: readonly File[]): Promise<boolean>;
  loadUrls(urls: { audio?: string; transcript?: string; peaks?: string }, options?: LoadUrlOptions): Promise<boolean>;
  loadText(text: string, name: string): Promise<boolean>;
  /** Reads the current transcript's original text again as `formatId`; returns the problem, or undefined when done. */
  readAs(formatId: string): string | undefined;
  /** Downloads or reads a podcast feed and checks it has episodes; returns it, or a sentence naming the source and the problem. */
  readFeed(source: string | File): Promise<FeedListing | string>;
  /** Stops the load in flight (the Cancel of the loading status); the open session stays as it was. */
  cancel(): void;
  /** Aborts the load in flight and revokes the object URL this loader made. */
  destroy(): void;
}

/** What `loadUrls` gets for a feed episode: its enclosure named by the episode's title, and its transcript or an empty one. */
export function episodeLoad(episode: FeedEpisode & { enclosure: { url: string } }, transcript: FeedTranscript | undefined) {
  return {
    urls: { audio: episode.enclosure.url, ...(transcript ? { transcript: transcript.url } : {}) },
    options: { audioName: episode.title || nameFromUrl(episode.enclosure.url), ...(transcript ? {} : { withoutTranscript: true }) } satisfies LoadUrlOptions,
  };
}

type Read = Loaded<{ transcript: LoadedTranscript | null; audio: LoadedAudio | null; quiet?: boolean }>;

export interface SessionLoaderOptions {
  /** Reads transcripts and peaks (large ones in a Web Worker); tests pass one without a worker. */
  parser?: FileParser;
}

export function createSessionLoader(player: Player, store: AppStore, options: SessionLoaderOptions = {}): SessionLoader {
  const parser = options.parser ?? createFileParser();
  let ownedAudioUrl: string | null = null;
  let inFlight: AbortController | null = null;

  /** The loading status of a transcript read, written only when what it shows changes (a whole percent, a stage). */
  const statusOf = (name: string, signal: AbortSignal) => {
    let shown = '';
    return (stage: ReadStage) => {
      if (signal.aborted) return;
      const status: LoadStatus =
        stage.stage === 'reading'
          ? { name, stage: 'reading', loadedBytes: stage.loadedBytes, totalBytes: stage.totalBytes }
          : stage.stage === 'building'
            ? { name, stage: 'building', fraction: stage.fraction }
            : { name, stage: 'parsing' };
      const key = `${status.stage}:${status.stage === 'reading' ? Math.floor((status.loadedBytes * 100) / (status.totalBytes || Infinity)) || Math.floor(status.loadedBytes / 1048576) : status.stage === 'building' ? Math.floor(status.fraction * 100) : ''}`;
      if (key === shown) return;
      shown = key;
      store.getState().setLoading(status);
    };
  };
  const durationOption = (duration: number | undefined) => (duration !== undefined && Number.isFinite(duration) && duration > 0 ? { duration } : {});
  const run = (name: string, signal: AbortSignal, duration?: number): ReadTranscriptRun => ({ parser, signal, onStage: statusOf(name, signal), ...durationOption(duration) });
  /** The open audio's duration, for checking a transcript opened on its own against it. */
  const openAudioDuration = () => (store.getState().audioUrl ? player.duration() : undefined);

  const readFiles = async (files: readonly File[], signal: AbortSignal): Promise<Read> => {
    const kinds = files.map((file) => classifyFile(file));
    const audioFiles = files.filter((_, i) => kinds[i] === 'audio');
    const feeds = files.filter((_, i) => kinds[i] === 'feed');
    const unknown = files.filter((_, i) => kinds[i] === 'unknown');
    if (feeds.length > 0) return failed('unsupported', `${feeds[0]!.name} is a podcast feed: open it with “Podcast feed…” to pick an episode.`);
    // A waveform peaks file is JSON too: tell it from a JSON transcript by its first fields.
    const peaksFiles: File[] = [];
    const transcriptFiles: File[] = [];
    for (const file of files.filter((_, i) => kinds[i] === 'transcript')) {
      const isPeaks = extensionOf(file.name) === 'json' && looksLikePeaks(await file.slice(0, 1000).text());
      (isPeaks ? peaksFiles : transcriptFiles).push(file);
    }
    if (signal.aborted) return ABORTED;
    if (unknown.length > 0) {
      const file = unknown[0]!;
      const ext = extensionOf(file.name);
      return failed(
        'unsupported',
        `${file.name}: ${ext ? `“.${ext}” files are` : 'this file is'} not supported. Open an audio file (${AUDIO_EXTENSIONS.slice(0, 7).join(', ')}) and a transcript (${TRANSCRIPT_EXTENSIONS.slice(0, 6).join(', ')}).`,
      );
    }
    const oneOf = (list: File[], what: string) => (list.length > 1 ? failed('unsupported', `Open one ${what} at a time (got ${list.map((f) => f.name).join(', ')}).`) : null);
    const tooMany = oneOf(audioFiles, 'audio file') ?? oneOf(transcriptFiles, 'transcript') ?? (files.length === 0 ? ABORTED : null) ?? oneOf(peaksFiles, 'peaks file');
    if (tooMany) return tooMany;
    const peaksFile = peaksFiles[0];
    if (peaksFile && audioFiles.length === 0) return failed('unsupported', `${peaksFile.name} holds waveform peaks: open it together with its audio file.`);
    let peaks: LoadedPeaks | undefined;
    if (peaksFile) {
      const read = await readPeaksFile(peaksFile, parser, signal);
      if (!read.ok) return read;
      peaks = read.value;
    }
    const audioFile = audioFiles[0];
    if (audioFile?.size === 0) return failed('empty', `${audioFile.name}: the file is empty.`);
    // The audio is probed while the transcript is read: its duration bounds the transcript's times.
    const url = audioFile ? URL.createObjectURL(audioFile) : null;
    const probe = url ? probeAudio(url, signal) : Promise.resolve(undefined);
    const release = () => (url ? URL.revokeObjectURL(url) : undefined);
    let transcript: LoadedTranscript | null = null;
    const transcriptFile = transcriptFiles[0];
    if (transcriptFile) {
      const probed = audioFile ? await probe : undefined;
      const duration = probed?.ok ? probed.value : audioFile ? undefined : openAudioDuration();
      const read = await readTranscriptFile(transcriptFile, run(transcriptFile.name, signal, duration));
      if (!read.ok) {
        release();
        return read;
      }
      transcript = read.value;
    }
    let audio: LoadedAudio | null = null;
    if (audioFile && url) {
      const probed = (await probe)!;
      if (!probed.ok) {
        release();
        return probed.error.reason === 'aborted' ? probed : failed('unplayable', `${audioFile.name} cannot be played: ${probed.error.message}.`);
      }
      audio = { url, name: audioFile.name, owned: true, key: `file:${audioFile.name}:${audioFile.size}:${audioFile.lastModified}`, ...(peaks ? { peaks } : {}) };
    }
    return loaded({ transcript, audio });
  };

  /** Downloads a transcript, then parses it with the audio's duration as known by then. */
  const readTranscriptAt = async (url: string, name: string, duration: () => number | undefined, signal: AbortSignal): Promise<Loaded<LoadedTranscript>> => {
    const reading = run(name, signal);
    const bytes = await downloadTranscript(url, name, reading);
    if (!bytes.ok) return bytes;
    const read = await parseTranscriptBytes(bytes.value, name, { ...reading, ...durationOption(duration()) });
    return read.ok ? loaded({ ...read.value, url: absoluteUrlOf(url) }) : read;
  };

  const readUrls = async (urls: { audio?: string; transcript?: string; peaks?: string }, options: LoadUrlOptions, signal: AbortSignal): Promise<Read> => {
    // Nothing to protect on a first load: skip the playability probe and show the transcript at once.
    const firstLoad = store.getState().audioUrl === '' && store.getState().transcript.entries.length === 0;
    const audioName = urls.audio ? (options.audioName ?? nameFromUrl(urls.audio)) : '';
    if (urls.peaks && !urls.audio) {
      return failed('unsupported', `${nameFromUrl(urls.peaks)} holds waveform peaks for an audio file: give the audio too (?audio=…&peaks=…).`);
    }
    // Nothing plays yet: the media element reads the audio's metadata while the transcript downloads.
    if (firstLoad && urls.audio) player.prepare(urls.audio);
    // All three start at once; the first failure (in this order) is the one reported.
    const probe = urls.audio && !firstLoad ? probeAudio(urls.audio, signal) : Promise.resolve(loaded(NaN));
    const peaksRead = urls.peaks ? readPeaksUrl(urls.peaks, parser, signal) : Promise.resolve(undefined);
    // The transcript is checked against the audio's duration when it is known by the time it is parsed (probed, or
    // the peaks' span); the parse never waits for it.
    let knownDuration = urls.audio ? undefined : openAudioDuration();
    void probe.then((probed) => {
      if (probed.ok && Number.isFinite(probed.value)) knownDuration = probed.value;
    });
    void peaksRead.then((read) => {
      if (read?.ok) knownDuration ??= read.value.value.duration;
    });
    const transcriptRead = urls.transcript ? readTranscriptAt(urls.transcript, options.transcriptName ?? nameFromUrl(urls.transcript), () => knownDuration, signal) : Promise.resolve(undefined);
    const [readTranscript, peaks, playable] = await Promise.all([transcriptRead, peaksRead, probe]);
    let transcript: LoadedTranscript | null = null;
    if (readTranscript) {
      if (!readTranscript.ok) return readTranscript;
      transcript = readTranscript.value;
    } else if (options.withoutTranscript && urls.audio) {
      transcript = { transcript: emptyTranscript(), name: '', formatLabel: '', formatId: '', text: '' };
    }
    if (peaks && !peaks.ok) return peaks;
    if (!urls.audio) return loaded({ transcript, audio: null, ...(options.quiet ? { quiet: true } : {}) });
    if (!playable.ok) {
      if (playable.error.reason === 'aborted') return playable;
      const download = await audioDownloadProblem(urls.audio, audioName, signal);
      if (signal.aborted) return ABORTED;
      return download ? failed('http', download) : failed('unplayable', `${audioName} (${urls.audio}) cannot be played: ${playable.error.message}.`);
    }
    const audio: LoadedAudio = {
      url: urls.audio,
      name: audioName,
      owned: false,
      key: `url:${new URL(urls.audio, globalThis.location?.href).href}`,
      ...(peaks ? { peaks: peaks.value } : {}),
    };
    return loaded({ transcript, audio, ...(options.quiet ? { quiet: true } : {}) });
  };

  const read = (request: LoadRequest, signal: AbortSignal): Promise<Read> => {
    switch (request.kind) {
      case 'files':
        return readFiles(request.files, signal);
      case 'urls':
        return readUrls(request.urls, request.options ?? {}, signal);
      case 'text': {
        if (request.text.trim().length === 0) return Promise.resolve(failed('empty', `${request.name}: there is no text to read.`));
        const bytes = new TextEncoder().encode(request.text);
        return parseTranscriptBytes(bytes, request.name, run(request.name, signal, openAudioDuration())).then((parsed) =>
          parsed.ok ? loaded({ transcript: parsed.value, audio: null }) : parsed,
        );
      }
    }
  };

  /** Replaces the session with what was read: the only step that changes anything. */
  const open = async ({ transcript, audio, quiet }: { transcript: LoadedTranscript | null; audio: LoadedAudio | null; quiet?: boolean }, signal: AbortSignal): Promise<LoadResult> => {
    const state = store.getState();
    if (transcript) {
      state.setSession({
        transcript: transcript.transcript,
        transcriptName: transcript.name,
        formatLabel: transcript.formatLabel,
        formatId: transcript.formatId,
        sourceText: transcript.text,
        ...(transcript.url ? { transcriptUrl: transcript.url } : {}),
        ...(audio ? { audioName: audio.name, audioUrl: audio.url, audioKey: audio.key } : {}),
      });
    } else if (audio) {
      store.setState({ audioName: audio.name, audioUrl: audio.url, audioKey: audio.key });
    }
    if (audio) {
      if (ownedAudioUrl && ownedAudioUrl !== audio.url) URL.revokeObjectURL(ownedAudioUrl);
      ownedAudioUrl = audio.owned ? audio.url : null;
      // The transcript's first screen is one task, the waveform's drawing the next: neither waits for the other.
      if (transcript) await nextTask();
      try {
        await player.load(audio.url, audio.peaks?.value);
      } catch (error) {
        if (isAbort(error) || signal.aborted) return ABORTED;
        const fault = mediaFaultOf(error);
        const download = fault.reason === 'unsupported' || fault.reason === 'network' ? await audioDownloadProblem(audio.url, audio.name, signal) : null;
        if (signal.aborted) return ABORTED;
        return download ? failed('http', download) : failed('unplayable', describeMediaFault(fault, audio.name));
      }
      if (audio.peaks && !signal.aborted) warnIfPeaksDoNotFit(audio.peaks, audio.name);
    }
    const opened = [transcript?.name ? `${transcript.name} (read as ${transcript.formatLabel})` : '', audio ? audio.name : ''].filter(Boolean);
    if (opened.length > 0 && !quiet) state.notify('info', `Opened ${opened.join(' and ')}.`);
    return { ok: true, opened };
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
    if (Math.abs(duration - peaks.value.duration) > Math.max(1, duration * 0.01)) {
      store
        .getState()
        .notify(
          'warning',
          `${peaks.name} covers ${formatClock(peaks.value.duration)} but ${audioName} is ${formatClock(duration)} long, so the waveform will not line up. Make peaks for this audio with “npm run peaks”.`,
        );
    }
  };

  const load = async (request: LoadRequest, options: { signal?: AbortSignal } = {}): Promise<LoadResult> => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    try {
      const input = await read(request, signal);
      if (inFlight === controller) store.getState().setLoading(null);
      // Checked after every await: a newer load (or the caller) may have taken over meanwhile.
      const result = !input.ok ? input : signal.aborted ? ABORTED : await open(input.value, signal);
      if (!result.ok) player.prepare(null);
      if (!result.ok && result.error.reason !== 'aborted') store.getState().notify('error', result.error.message);
      return result;
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        if (store.getState().loading) store.getState().setLoading(null);
      }
    }
  };
  const opened = (result: Promise<LoadResult>) => result.then((outcome) => outcome.ok);

  return {
    load,
    loadFiles: (files) => opened(load({ kind: 'files', files })),
    loadUrls: (urls, options) => opened(load({ kind: 'urls', urls, ...(options ? { options } : {}) })),
    loadText: (text, name) => opened(load({ kind: 'text', text, name })),
    readAs(formatId) {
      const state = store.getState();
      if (!state.sourceText) return `${state.transcriptName || 'This transcript'} has no original text to read again.`;
      const read = parseTranscriptText(state.sourceText, state.transcriptName, formatId);
      if (!read.ok) return read.error.message;
      // A new session over the same audio: history starts again, and autosave still offers earlier edits of this text.
      state.setSession({
        transcript: read.value.transcript,
        transcriptName: read.value.name,
        formatLabel: read.value.formatLabel,
        formatId: read.value.formatId,
        sourceText: read.value.text,
        ...(state.transcriptUrl ? { transcriptUrl: state.transcriptUrl } : {}),
      });
      state.notify('info', `${read.value.name}: read as ${read.value.formatLabel}.`);
      return undefined;
    },
    readFeed: async (source) => {
      const result = await readFeed(source);
      return result.ok ? result.value : result.error.message;
    },
    cancel() {
      inFlight?.abort();
      store.getState().setLoading(null);
    },
    destroy() {
      inFlight?.abort();
      if (ownedAudioUrl) URL.revokeObjectURL(ownedAudioUrl);
      ownedAudioUrl = null;
    },
  };
}
