import type { StateCreator } from 'zustand';
import { emptyTranscript, type Transcript } from '../transcript/model.ts';
import type { TimeIndex } from '../transcript/time-index.ts';
import { timeIndexOf } from './derive-time-index.ts';
import type { AppState } from './app-store.ts';

export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'warning';
  text: string;
}

/** A transcript being read, for the loading status: bytes read, parsing (in the parse worker), then rebuilding its result. */
export type LoadStatus =
  | { name: string; stage: 'reading'; loadedBytes: number; totalBytes: number | null }
  | { name: string; stage: 'parsing' }
  | { name: string; stage: 'building'; fraction: number };

export interface SessionSource {
  transcript: Transcript;
  transcriptName: string;
  /** Label of the format the transcript was read as. */
  formatLabel: string;
  /** Id of that format, for the "read as …" override. */
  formatId?: string;
  /** The transcript file's original text, kept so it can be re-read as another format. */
  sourceText?: string;
  audioName?: string;
  audioUrl?: string;
  /** Stable identity of the audio across reloads: the URL, or name + size + date for a local file. */
  audioKey?: string;
  /** Absolute URL the transcript was downloaded from; empty for files, pastes and feeds read as text. */
  transcriptUrl?: string;
}

/**
 * Why this tab may not edit the open project (see src/app/tab-lock.ts): another tab had it
 * when it opened, another tab took it over from here, the tab that had it was closed, or
 * another tab saved it without this tab knowing. null: this tab edits.
 */
export type ReadOnlyReason = 'elsewhere' | 'taken-over' | 'free' | 'conflict';

export interface SessionSlice {
  transcript: Transcript;
  /** Derived from `transcript`, in the same write (see derive-time-index.ts). */
  timeIndex: TimeIndex;
  transcriptName: string;
  formatLabel: string;
  formatId: string;
  sourceText: string;
  audioName: string;
  audioUrl: string;
  audioKey: string;
  transcriptUrl: string;
  notices: Notice[];
  /** The transcript read in flight, null when none (the loader writes it; its Cancel stops the read). */
  loading: LoadStatus | null;
  /** Increments with every new session; history and autosave key off it. */
  sessionId: number;
  /** Set by autosave from the tab lock; editor commands refuse to write while it is set. */
  readOnly: ReadOnlyReason | null;
  /** Starts a new session: new transcript, cleared history, nothing selected. */
  setSession(source: SessionSource): void;
  setLoading(status: LoadStatus | null): void;
  notify(kind: Notice['kind'], text: string): number;
  dismiss(id: number): void;
}

export function initialSession() {
  const transcript = emptyTranscript();
  return {
    transcript,
    timeIndex: timeIndexOf(transcript),
    transcriptName: '',
    formatLabel: '',
    formatId: '',
    sourceText: '',
    audioName: '',
    audioUrl: '',
    audioKey: '',
    transcriptUrl: '',
    notices: [] as Notice[],
    loading: null as LoadStatus | null,
    sessionId: 0,
    readOnly: null as ReadOnlyReason | null,
  };
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => {
  let nextNoticeId = 1;
  return {
  ...initialSession(),
  setSession: (source) =>
    set((state) => ({
      transcript: source.transcript,
      transcriptName: source.transcriptName,
      formatLabel: source.formatLabel,
      formatId: source.formatId ?? '',
      sourceText: source.sourceText ?? '',
      audioName: source.audioName ?? state.audioName,
      audioUrl: source.audioUrl ?? state.audioUrl,
      audioKey: source.audioKey ?? state.audioKey,
      transcriptUrl: source.transcriptUrl ?? '',
      activeTurn: -1,
      activeWord: -1,
      following: true,
      selectedEntry: -1,
      textEdit: null,
      dirty: false,
      sessionId: state.sessionId + 1,
      alignment: { status: 'idle', fraction: 0, etaSec: null, stage: '', message: '' },
    })),
  setLoading: (loading) => set({ loading }),
  notify: (kind, text) => {
    const id = nextNoticeId++;
    // Newest first; keep a handful so old ones do not pile up.
    set((state) => ({ notices: [{ id, kind, text }, ...state.notices.filter((notice) => notice.text !== text)].slice(0, 4) }));
    return id;
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  };
};
