import type { AppState, AppStore } from '../store/app-store.ts';
import { createEmitter, type Unsubscribe } from '../player/emitter.ts';
import { readHandle, type KeptAudio, type LastSessionRecord, type LastSessionStorage } from './last-audio-storage.ts';

/** Audio files up to this size are copied into the browser's private storage so a reload can reopen them. */
export const MAX_AUDIO_COPY_BYTES = 200 * 1024 * 1024;
const MB = 1024 * 1024;

export interface LastAudioEvents {
  /** The audio waiting for one click (the browser asks for permission again) appeared or went away. */
  pending: [];
}

export interface LastAudio {
  /**
   * Opens files the user picked or dropped and keeps them for the next visit: the
   * transcript's text, and the audio as a File System Access handle when the drop
   * gave one, else as a copy when it is at most `MAX_AUDIO_COPY_BYTES`.
   */
  openFiles(files: readonly File[], handles?: Promise<readonly (FileSystemHandle | null)[]>): Promise<boolean>;
  /** Reopens the last session's files after a reload; false when there is nothing to reopen (the caller opens the demo). */
  reopen(): Promise<boolean>;
  /** The audio file that needs one click to reopen, or null. */
  pending(): { name: string } | null;
  /** That click: asks the browser for permission and opens the audio. */
  allow(): Promise<void>;
  dismiss(): void;
  on<E extends keyof LastAudioEvents>(event: E, listener: (...args: LastAudioEvents[E]) => void): Unsubscribe;
  /** Writes still under way (tests and the e2e wait for the copy). */
  settled(): Promise<void>;
  destroy(): void;
}

export interface LastAudioOptions {
  storage: LastSessionStorage;
  loader: { loadFiles(files: readonly File[]): Promise<boolean>; readAs(formatId: string): string | undefined };
  maxCopyBytes?: number;
}

/** The session loader's identity for a local audio file (src/app/session-loader.ts): the same three facts. */
function fileKey(file: { name: string; size: number; lastModified: number }): string {
  return `file:${file.name}:${file.size}:${file.lastModified}`;
}

function transcriptOf(state: AppState): LastSessionRecord['transcript'] {
  return state.transcriptName && state.sourceText ? { name: state.transcriptName, text: state.sourceText, formatId: state.formatId } : null;
}

const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** Why the audio did not come back, as the sentence the user reads. */
function notKept(name: string, size: number, kept: KeptAudio | 'gone' | 'denied', limit: number): string {
  const again = `open ${name} again (Open files… or drop it) to play it with this transcript; your saved edits are offered once it is open.`;
  if (kept === 'gone') return `The copy of ${name} this browser kept is gone (the browser clears site storage when space runs low): ${again}`;
  if (kept === 'denied') return `The browser did not allow reopening ${name}: ${again}`;
  if (kept.kind !== 'none') return `${name} could not be reopened: ${again}`;
  switch (kept.reason) {
    case 'too-large':
      return `${name} (${megabytes(size)}) is larger than the ${megabytes(limit)} Verbatim keeps a copy of in this browser: ${again}`;
    case 'no-space':
      return `There was no room in this browser’s storage for a copy of ${name} (${megabytes(size)}): ${again}`;
    case 'copying':
      return `The page was reloaded before the copy of ${name} was finished: ${again}`;
    case 'unsupported':
      return `This browser cannot keep a copy of ${name}: ${again}`;
  }
}

/**
 * After a reload the last audio and transcript the user opened come back without
 * picking them again. The transcript is kept as its original text, so opening it
 * again gives the same project key and autosave offers the edits as usual (the
 * restore prompt); the audio as a handle or a copy (see `openFiles`). When the
 * audio cannot come back, the transcript opens alone and a sentence says why.
 */
export function installLastAudio(store: AppStore, options: LastAudioOptions): LastAudio {
  const { storage, loader } = options;
  const limit = options.maxCopyBytes ?? MAX_AUDIO_COPY_BYTES;
  const emitter = createEmitter<LastAudioEvents>();
  let record: LastSessionRecord | null = null;
  let waiting: { name: string; handle: FileSystemFileHandle } | null = null;
  /** One object per pending file: `pending()` is a stable snapshot (React's useSyncExternalStore relies on it). */
  let waitingView: { name: string } | null = null;
  let queue: Promise<void> = Promise.resolve();
  let destroyed = false;

  /** Storage calls run one after another, so a later record never loses to an earlier one. */
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task).catch(() => undefined); // a failing storage only means no reopening
    return queue;
  };
  const save = () => {
    const snapshot = record;
    return enqueue(() => (snapshot ? storage.write(snapshot) : storage.clear()));
  };

  const setWaiting = (value: typeof waiting) => {
    if (value === waiting) return;
    waiting = value;
    waitingView = value ? { name: value.name } : null;
    emitter.emit('pending');
  };

  const keep = (audioFile: File, handle: FileSystemHandle | null) => {
    const base = { name: audioFile.name, size: audioFile.size, lastModified: audioFile.lastModified, type: audioFile.type };
    if (handle && handle.kind === 'file') return { ...base, kept: { kind: 'handle', handle: handle as FileSystemFileHandle } satisfies KeptAudio };
    if (audioFile.size > limit) return { ...base, kept: { kind: 'none', reason: 'too-large' } satisfies KeptAudio };
    return { ...base, kept: { kind: 'none', reason: 'copying' } satisfies KeptAudio };
  };

  const copy = (audioFile: File) =>
    enqueue(async () => {
      const result = await storage.copy(audioFile);
      const audio = record?.audio;
      // Another file may have been opened meanwhile: only this file's record takes the copy.
      const stillThis = audio && audio.name === audioFile.name && audio.size === audioFile.size && audio.lastModified === audioFile.lastModified;
      if (!stillThis || destroyed) {
        if ('copyName' in result) await storage.pruneCopies(audio?.kept.kind === 'copy' ? audio.kept.copyName : null);
        return;
      }
      audio.kept = 'copyName' in result ? { kind: 'copy', copyName: result.copyName } : { kind: 'none', reason: result.reason };
      await storage.write(record!);
      await storage.pruneCopies('copyName' in result ? result.copyName : null);
    });

  /** Files being opened by `openFiles`: the one that becomes the session's audio is kept. */
  let offered: { files: readonly File[]; handles: Promise<readonly (FileSystemHandle | null)[]> | undefined } | null = null;

  const takeAudio = async (audioFile: File, index: number, handles: Promise<readonly (FileSystemHandle | null)[]> | undefined, state: AppState) => {
    const handle = (await handles?.catch(() => []))?.[index] ?? null;
    if (destroyed) return;
    record = { audio: keep(audioFile, handle), transcript: transcriptOf(state) };
    setWaiting(null);
    void save();
    if (record.audio?.kept.kind === 'none' && record.audio.kept.reason === 'copying') void copy(audioFile);
    else void enqueue(() => storage.pruneCopies(null));
  };

  // The transcript of the session follows it: "Read as", a pasted text, a transcript opened over the same audio.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.sessionId === previous.sessionId && state.formatId === previous.formatId && state.audioKey === previous.audioKey) return;
    if (state.audioKey.startsWith('url:')) {
      // Audio from the web reopens from its address (Recent); the last local files are no longer the session.
      if (record) {
        record = null;
        void save();
        void enqueue(() => storage.pruneCopies(null));
      }
      return;
    }
    const picked = offered?.files.findIndex((file) => fileKey(file) === state.audioKey) ?? -1;
    if (offered && picked >= 0) {
      // Kept as soon as the session has it, not when the waveform is drawn: a reload may come first.
      const { files, handles } = offered;
      offered = null;
      void takeAudio(files[picked]!, picked, handles, state);
      return;
    }
    if (!record) return;
    const audioMatches = record.audio ? state.audioKey === fileKey(record.audio) : state.audioKey === '';
    if (!audioMatches && state.audioKey !== '') return; // a new audio file: openFiles writes its record
    record = { ...record, transcript: transcriptOf(state) ?? record.transcript };
    void save();
  });

  const openAudioFrom = async (audio: NonNullable<LastSessionRecord['audio']>): Promise<File | { problem: string } | 'prompt'> => {
    const { kept } = audio;
    const asOpened = (blob: Blob) => new File([blob], audio.name, { type: audio.type, lastModified: audio.lastModified });
    if (kept.kind === 'copy') {
      const blob = await storage.readCopy(kept.copyName).catch(() => undefined);
      return blob && blob.size === audio.size ? asOpened(blob) : { problem: notKept(audio.name, audio.size, 'gone', limit) };
    }
    if (kept.kind === 'handle') {
      const file = await readHandle(kept.handle, false).catch(() => 'gone' as const);
      if (file === 'prompt') return 'prompt';
      if (file === 'denied' || file === 'gone') return { problem: notKept(audio.name, audio.size, file === 'gone' ? kept : 'denied', limit) };
      return file;
    }
    return { problem: notKept(audio.name, audio.size, kept, limit) };
  };

  return {
    async openFiles(files, handles) {
      offered = { files, handles };
      const opened = await loader.loadFiles(files);
      offered = null;
      const state = store.getState();
      if (opened && !destroyed && !record && state.audioKey === '') {
        // A transcript on its own: it alone comes back.
        record = { audio: null, transcript: transcriptOf(state) };
        void save();
      }
      return opened;
    },

    async reopen() {
      // No IndexedDB (some private modes) throws at once rather than rejecting: either way, nothing to reopen.
      const saved = await Promise.resolve()
        .then(() => storage.read())
        .catch(() => undefined);
      if (!saved || destroyed) return false;
      record = saved;
      const transcriptFile = saved.transcript ? new File([saved.transcript.text], saved.transcript.name, { type: 'text/plain' }) : null;
      const audio = saved.audio ? await openAudioFrom(saved.audio) : null;
      const files = [audio instanceof File ? audio : null, transcriptFile].filter((file): file is File => file !== null);
      const opened = files.length > 0 && (await loader.loadFiles(files));
      if (opened && saved.transcript && store.getState().formatId !== saved.transcript.formatId) loader.readAs(saved.transcript.formatId);
      if (audio && !(audio instanceof File) && audio !== 'prompt') store.getState().notify('warning', audio.problem);
      if (audio === 'prompt' && saved.audio?.kept.kind === 'handle') setWaiting({ name: saved.audio.name, handle: saved.audio.kept.handle });
      return opened;
    },

    pending: () => waitingView,

    async allow() {
      const current = waiting;
      if (!current) return;
      setWaiting(null);
      const file = await readHandle(current.handle, true).catch(() => 'denied' as const);
      if (file instanceof File) await loader.loadFiles([file]);
      else store.getState().notify('warning', notKept(current.name, 0, 'denied', limit));
    },

    dismiss: () => setWaiting(null),
    on: (event, listener) => emitter.on(event, listener),
    settled: () => queue,
    destroy() {
      destroyed = true;
      unsubscribe();
      emitter.clear();
    },
  };
}
