import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { Openable } from './overflow-menu.tsx';
import type { Unsubscribe } from '../player/emitter.ts';
import { useStoreApi } from './app-context.ts';
import { describeSavedAt } from './describe-saved-at.ts';
import { useDismissPopover } from './use-dismiss-popover.ts';
import './persistence.css';

/** One saved project as the list shows it (src/app/project-storage.ts's ProjectSummary). */
export interface RecentProject {
  key: string;
  savedAt: number;
  audioName: string;
  transcriptName: string;
  audioUrl?: string;
  transcriptUrl?: string;
  dirty: boolean;
}

/** What the list needs from autosave (src/app/autosave.ts provides it). */
export interface RecentProjectsSource {
  /** Newest first. */
  recent(): Promise<RecentProject[]>;
  forget(key: string): Promise<void>;
  /** Saved projects changed. */
  on(event: 'change', listener: () => void): Unsubscribe;
}

export interface RecentProjectsProps {
  autosave: RecentProjectsSource;
  /** Reopens projects whose audio and transcript came from URLs (the session loader). */
  loader: { loadUrls(urls: { audio?: string; transcript?: string }): Promise<boolean> } | null;
  now?: () => number;
  /** False: no button of its own; `ref.open()` shows the list (from the top bar's More menu). */
  showTrigger?: boolean;
  ref?: Ref<Openable>;
}

/**
 * "Recent": saved projects, newest first. A project opened from URLs reopens
 * with one click (and then offers its saved edits); for local files the
 * browser cannot reopen them, so it says which files to open again.
 */
export function RecentProjects({ autosave, loader, now, showTrigger = true, ref }: RecentProjectsProps) {
  const appStore = useStoreApi();
  const [open, setOpen] = useState(false);
  const [projects, setProjects] = useState<RecentProject[] | null>(null);
  const [failed, setFailed] = useState(false);
  /** Key of the local-files project whose "open these files again" note is showing. */
  const [note, setNote] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();

  const refresh = useCallback(() => {
    autosave.recent().then(
      (list) => {
        setProjects(list);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [autosave]);

  useEffect(() => {
    if (!open) return;
    refresh();
    return autosave.on('change', refresh);
  }, [open, autosave, refresh]);

  // Focus goes into the list when it first shows, and back into it after a delete; not on every refresh.
  const focusListRef = useRef(false);
  // Until the list is read the panel itself holds the focus, so Esc pressed at once still closes it.
  useEffect(() => {
    if (open && focusListRef.current) panelRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open || !projects || !focusListRef.current) return;
    focusListRef.current = false;
    (panelRef.current?.querySelector<HTMLElement>('.recent__open') ?? buttonRef.current ?? panelRef.current)?.focus();
  }, [open, projects]);

  useDismissPopover(open, anchorRef, () => setOpen(false));

  /** Without a button of its own, focus goes back to where it was when the list opened. */
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const close = () => {
    setOpen(false);
    (buttonRef.current ?? returnFocusRef.current)?.focus();
  };
  const show = useCallback(() => {
    focusListRef.current = true;
    setProjects(null);
    setNote(null);
    setOpen(true);
  }, []);
  useImperativeHandle(
    ref,
    () => ({
      open: () => {
        returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        show();
      },
    }),
    [show],
  );

  const reopen = (project: RecentProject) => {
    if (project.audioUrl && project.transcriptUrl && loader) {
      close();
      void loader.loadUrls({ audio: project.audioUrl, transcript: project.transcriptUrl });
      return;
    }
    // The browser cannot reopen local files by itself; say which ones to open.
    setNote(project.key);
  };

  const remove = (project: RecentProject) => {
    focusListRef.current = true;
    // The list refreshes itself on the autosave's `change` event.
    autosave.forget(project.key).catch((error: unknown) =>
      appStore.getState().notify('warning', `Could not delete the saved edits (${error instanceof Error ? error.message : String(error)}).`),
    );
  };

  const onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Arrows walk the "open" buttons; Tab still reaches the delete buttons.
      const buttons = [...(panelRef.current?.querySelectorAll<HTMLElement>('.recent__open') ?? [])];
      const index = buttons.indexOf(document.activeElement as HTMLElement);
      const next = buttons[(index + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length];
      next?.focus();
      event.preventDefault();
      event.stopPropagation();
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.stopPropagation();
    }
  };

  const time = now?.();
  return (
    <div className="popover-anchor" ref={anchorRef}>
      {showTrigger ? (
        <button
          ref={buttonRef}
          type="button"
          className="button menu-button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => (open ? close() : show())}
          onKeyDown={(event) => {
            if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
            if (event.key === 'Escape' && open) {
              event.stopPropagation();
              close();
            }
          }}
          title="Projects with edits saved on this device"
          data-testid="recent-button"
        >
          Recent
        </button>
      ) : null}
      {open ? (
        <div id={panelId} ref={panelRef} className="popover recent" role="region" aria-labelledby={headingId} tabIndex={-1} onKeyDown={onPanelKeyDown}>
          <h2 id={headingId} className="popover__heading">
            Saved on this device
          </h2>
          {failed ? <p className="recent__note">Saved projects cannot be read: this browser is not allowing local storage.</p> : null}
          {projects && projects.length === 0 ? (
            <p className="recent__empty">No saved edits yet. Every edit is saved here as you work.</p>
          ) : null}
          {projects && projects.length > 0 ? (
            <ul className="recent__list">
              {projects.map((project) => (
                <li key={project.key} className="recent__item">
                  <button type="button" className="recent__open" onClick={() => reopen(project)} data-testid="recent-open">
                    <span className="recent__name">{project.transcriptName || 'Untitled transcript'}</span>{' '}
                    <span className="recent__meta">
                      {[project.audioName, describeSavedAt(project.savedAt, time), project.dirty ? 'not exported' : 'exported'].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="recent__delete"
                    onClick={() => remove(project)}
                    aria-label={`Delete saved edits to ${project.transcriptName || 'this transcript'}`}
                    title="Delete saved edits"
                  >
                    <svg viewBox="0 0 24 24" aria-hidden="true">
                      <path d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h1.5v-8H10Zm3.5 0v8H15v-8h-1.5Z" />
                    </svg>
                  </button>
                  {note === project.key ? (
                    <p className="recent__note" role="status">
                      Open {[project.audioName, project.transcriptName].filter(Boolean).join(' and ')} again (<strong>Open files…</strong> or drop them on
                      the page); Verbatim will then offer these edits.
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
