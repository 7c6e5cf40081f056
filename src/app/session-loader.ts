import type { Player } from '../player/player.ts';
import { mediaErrorText } from '../player/player.ts';
import type { AppStore } from '../store/app-store.ts';
import { readTranscript } from '../transcript/read-transcript.ts';
import { describeParseError } from '../transcript/parse-result.ts';
import type { Transcript } from '../transcript/model.ts';
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
}

export interface SessionLoader {
  /** Files from the picker or a drop: one audio and/or one transcript. */
  loadFiles(files: readonly File[]): Promise<boolean>;
  /** `?audio=URL&transcript=URL`. `quiet` skips the "Opened …" confirmation (the built-in demo). */
  loadUrls(urls: { audio?: string; transcript?: string }, options?: { quiet?: boolean }): Promise<boolean>;
}

/**
 * Loads user input into the session. Every failure becomes a notice naming the
 * file and the problem, and leaves the current session untouched: new input is
 * fully read and checked before anything is replaced.
 */
export function createSessionLoader(player: Player, store: AppStore): SessionLoader {
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
        await player.load(audio.url);
      } catch (error) {
        return fail(`${audio.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const parts = [transcript ? `${transcript.name} (read as ${transcript.formatLabel})` : '', audio ? audio.name : ''].filter(Boolean);
    if (parts.length > 0 && !quiet) state.notify('info', `Opened ${parts.join(' and ')}.`);
    return true;
  };

  return {
    async loadFiles(files) {
      const audioFiles = files.filter((file) => classifyFile(file) === 'audio');
      const transcriptFiles = files.filter((file) => classifyFile(file) === 'transcript');
      const unknown = files.filter((file) => classifyFile(file) === 'unknown');
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
        audio = { url, name: audioFile.name, owned: true, key: `file:${audioFile.name}:${audioFile.size}:${audioFile.lastModified}` };
      }
      return commit(transcript, audio);
    },

    async loadUrls(urls, options = {}) {
      // Nothing to protect on a first load: skip the playability probe and show the transcript at once.
      const firstLoad = store.getState().audioUrl === '' && store.getState().transcript.entries.length === 0;
      const audioName = urls.audio ? nameFromUrl(urls.audio) : '';
      const probe = urls.audio && !firstLoad ? probeAudio(urls.audio) : Promise.resolve(undefined);
      let transcript: LoadedTranscript | null = null;
      if (urls.transcript) {
        const read = await readTranscriptUrl(urls.transcript);
        if (typeof read === 'string') return fail(read);
        transcript = read;
      }
      let audio: LoadedAudio | null = null;
      if (urls.audio) {
        const problem = await probe;
        if (problem) return fail(`${audioName} (${urls.audio}) cannot be played: ${problem}.`);
        audio = { url: urls.audio, name: audioName, owned: false, key: `url:${new URL(urls.audio, window.location.href).href}` };
      }
      return commit(transcript, audio, options.quiet);
    },
  };
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
    text = await file.text();
  } catch (error) {
    return `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}).`;
  }
  return parseTranscriptText(text, file.name);
}

async function readTranscriptUrl(url: string): Promise<LoadedTranscript | string> {
  const name = nameFromUrl(url);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return `${name} (${url}) could not be downloaded: ${error instanceof Error ? error.message : String(error)}.`;
  }
  if (!response.ok) return `${name} (${url}) could not be downloaded: the server answered ${response.status} ${response.statusText}.`.replace(/ \./, '.');
  const text = await response.text();
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
