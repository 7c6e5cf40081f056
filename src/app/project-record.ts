import type { AppState } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import type { ProjectSummary, SavedProject } from './project-storage.ts';

/** Which project a save belongs to, fixed when the session opened: passed with every save. */
export interface ProjectIdentity {
  key: string;
  /** The transcript's URL, when it came from one (Recent can reopen it). */
  transcriptUrl?: string;
}

/** The record written for the open project: what Recent lists and what a restore puts back. */
export function projectRecord(state: Pick<AppState, 'audioName' | 'audioUrl' | 'transcriptName' | 'dirty' | 'transcript'>, identity: ProjectIdentity, savedAt: number): SavedProject {
  const audioUrl = reopenableUrl(state.audioUrl);
  return {
    key: identity.key,
    savedAt,
    audioName: state.audioName,
    transcriptName: state.transcriptName,
    ...(audioUrl ? { audioUrl } : {}),
    ...(identity.transcriptUrl ? { transcriptUrl: identity.transcriptUrl } : {}),
    dirty: state.dirty,
    transcript: state.transcript,
  };
}

export function summaryOf(project: SavedProject): ProjectSummary {
  const { transcript: _transcript, ...summary } = project;
  return summary;
}

/** Deep equality for plain transcript data; only runs once per opened project. */
export function sameTranscript(a: Transcript, b: Transcript): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function absoluteUrl(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).href;
  } catch {
    return url;
  }
}

/** Object and data URLs die with the page (or are huge); only real URLs can reopen a project. */
export function reopenableUrl(url: string): string | undefined {
  if (!url || /^(blob|data):/iu.test(url)) return undefined;
  return absoluteUrl(url);
}
