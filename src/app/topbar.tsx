import { useEffect, useMemo, useRef } from 'react';
import { useAppStore } from '../ui/app-context.ts';
import { ReadAsNote } from '../ui/read-as-note.tsx';
import { PasteDialog, PASTED_NAME } from '../ui/paste-dialog.tsx';
import { FeedDialog, type FeedActions, type FeedRequest } from '../ui/feed-dialog.tsx';
import { RecentProjects } from '../ui/recent-projects.tsx';
import { ExportMenu } from '../ui/export-menu.tsx';
import { OverflowMenu, type Openable, type OverflowItem } from '../ui/overflow-menu.tsx';
import { NARROW_TOPBAR, useMediaQuery } from '../ui/use-media-query.ts';
import { AUDIO_EXTENSIONS, FEED_EXTENSIONS, TRANSCRIPT_EXTENSIONS } from './classify-file.ts';
import type { Verbatim } from './create-verbatim.ts';

const ACCEPT = [...AUDIO_EXTENSIONS, ...TRANSCRIPT_EXTENSIONS, ...FEED_EXTENSIONS].map((ext) => `.${ext}`).join(',') + ',audio/*';

export interface TopbarProps {
  app: Verbatim;
  feedActions: FeedActions;
  feedRequest: FeedRequest | null;
  openFiles(files: File[]): void;
  showHelp(): void;
}

/**
 * Brand, the open session's names, and the actions: mode, open, paste, feed, recent, export, help.
 * Where they do not fit ({@link NARROW_TOPBAR}) paste, feed, recent and help go under "More".
 */
export function Topbar({ app, feedActions, feedRequest, openFiles, showHelp }: TopbarProps) {
  const fileInputRef = useRef<HTMLInputElement>(null);
  const mode = useAppStore((state) => state.mode);
  const transcriptName = useAppStore((state) => state.transcriptName);
  const audioName = useAppStore((state) => state.audioName);
  const formatLabel = useAppStore((state) => state.formatLabel);
  useEffect(() => app.on('openFiles', () => fileInputRef.current?.click()), [app]);
  const narrow = useMediaQuery(NARROW_TOPBAR);
  const pasteRef = useRef<Openable>(null);
  const feedRef = useRef<Openable>(null);
  const recentRef = useRef<Openable>(null);
  const more = useMemo<OverflowItem[]>(
    () => [
      { id: 'paste', label: 'Paste a transcript…', select: () => pasteRef.current?.open() },
      { id: 'feed', label: 'Podcast feed…', select: () => feedRef.current?.open() },
      { id: 'recent', label: 'Recent projects…', select: () => recentRef.current?.open() },
      { id: 'shortcuts', label: 'Keyboard shortcuts', hint: '?', select: showHelp },
    ],
    [showHelp],
  );

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true">V</span>
        <h1 className="brand__name">Verbatim</h1>
      </div>
      <div className="session" aria-live="polite">
        <span className="session__audio" title={audioName ? `Audio: ${audioName}` : undefined}>{audioName || 'No audio'}</span>
        <span className="session__sep" aria-hidden="true">·</span>
        <span className="session__transcript" title={transcriptName ? `Transcript: ${transcriptName}${formatLabel ? ` (read as ${formatLabel})` : ''}` : undefined}>
          {transcriptName || 'No transcript'}
        </span>
        <ReadAsNote onReadAs={app.loader.readAs} />
      </div>
      <div className="topbar__actions">
        <button
          type="button"
          className={`button button--toggle${mode === 'edit' ? ' button--on' : ''}`}
          aria-pressed={mode === 'edit'}
          onClick={() => app.commands.toggleMode()}
          title="Editor mode (E)"
          data-testid="editor-toggle"
        >
          Edit<span className="topbar__long"> timings</span>
        </button>
        <button type="button" className="button" onClick={() => fileInputRef.current?.click()} title="Open audio and transcript (O)">
          Open<span className="topbar__long"> files</span>…
        </button>
        <PasteDialog onOpen={(text) => app.loader.loadText(text, PASTED_NAME)} showTrigger={!narrow} ref={pasteRef} />
        <FeedDialog actions={feedActions} request={feedRequest} showTrigger={!narrow} ref={feedRef} />
        {narrow ? null : <RecentProjects autosave={app.autosave} loader={app.loader} />}
        <ExportMenu />
        <input
          ref={fileInputRef}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Open audio and transcript files"
          data-testid="file-input"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            openFiles(files);
          }}
        />
        {narrow ? (
          <OverflowMenu label="More" title="Paste, podcast feed, recent projects, keyboard shortcuts" items={more} testId="more-button">
            <RecentProjects autosave={app.autosave} loader={app.loader} showTrigger={false} ref={recentRef} />
          </OverflowMenu>
        ) : (
          <button type="button" className="icon-button" onClick={showHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </button>
        )}
      </div>
    </header>
  );
}
