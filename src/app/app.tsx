import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppContext, useAppStore } from '../ui/app-context.ts';
import { PlayerControls } from '../ui/player-controls.tsx';
import { TranscriptView } from '../ui/transcript-view.tsx';
import { Notices } from '../ui/notices.tsx';
import { UpdatePrompt, type UpdateSource } from '../ui/update-prompt.tsx';
import { EditorToolbar } from '../ui/editor-toolbar.tsx';
import { DropOverlay } from '../ui/drop-overlay.tsx';
import { ShortcutsDialog } from '../ui/shortcuts-dialog.tsx';
import { shortcutsFor } from '../ui/shortcut-list.ts';
import { WaveformToolbar } from '../ui/waveform-toolbar.tsx';
import { WaveformPlaceholder } from '../ui/waveform-placeholder.tsx';
import { EditorHints } from '../ui/editor-hints.tsx';
import { SnapToggle } from '../ui/snap-toggle.tsx';
import { EditorPanel, type EditorPanelName } from '../ui/editor-panel.tsx';
import { AdoptedElement } from '../ui/adopted-element.tsx';
import { DemoNote } from '../ui/demo-note.tsx';
import type { FeedActions, FeedRequest } from '../ui/feed-dialog.tsx';
import { RestorePrompt } from '../ui/restore-prompt.tsx';
import { TabLockBanner } from '../ui/tab-lock-banner.tsx';
import { AlignBanner } from '../ui/align-banner.tsx';
import { LoadStatus } from '../ui/load-status.tsx';
import { episodeLoad } from './session-loader.ts';
import { classifyFile } from './classify-file.ts';
import type { Verbatim } from './create-verbatim.ts';
import { Topbar } from './topbar.tsx';
import { PassageLink } from '../ui/passage-link.tsx';

/**
 * The page: reads the app object's state and calls its commands. It creates
 * nothing (the app object exists before the first render), so StrictMode's
 * double mount and any re-mount are harmless.
 */
export function App({ app, feed = null, updates = null }: { app: Verbatim; feed?: string | null; updates?: UpdateSource | null }) {
  return (
    <AppContext.Provider value={app}>
      <Page app={app} feed={feed} updates={updates} />
    </AppContext.Provider>
  );
}

function Page({ app, feed, updates }: { app: Verbatim; feed: string | null; updates: UpdateSource | null }) {
  const mode = useAppStore((state) => state.mode);
  const isDemo = useAppStore((state) => state.transcriptName === 'seed.verbatim.json' && state.audioKey.endsWith('/demo/seed.opus'));
  const [helpOpen, setHelpOpen] = useState(false);
  const [feedRequest, setFeedRequest] = useState<FeedRequest | null>(feed ? { source: feed } : null);
  const [openPanel, setPanel] = useState<EditorPanelName | null>(null);
  // Panels belong to editor mode: leaving it closes them.
  const panel = mode === 'edit' ? openPanel : null;
  useEffect(() => {
    if (mode !== 'edit') setPanel(null);
  }, [mode]);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useEffect(() => app.on('showHelp', showHelp), [app, showHelp]);

  const openFiles = (files: File[]) => {
    // A feed on its own opens its episode list; with other files the loader explains.
    if (files.length === 1 && classifyFile(files[0]!) === 'feed') setFeedRequest({ source: files[0]! });
    else void app.loader.loadFiles(files);
  };
  const feedActions = useMemo<FeedActions>(
    () => ({
      readFeed: app.loader.readFeed,
      openEpisode: (episode, transcript) => {
        const { urls, options } = episodeLoad(episode, transcript);
        return app.loader.loadUrls(urls, options);
      },
    }),
    [app],
  );

  return (
    <div className={`app app--${mode}`} data-mode={mode}>
      <Topbar app={app} feedActions={feedActions} feedRequest={feedRequest} openFiles={openFiles} showHelp={showHelp} />
      <section className="player" aria-label="Player">
        {mode === 'edit' ? (
          <div className="editor-bar">
            <EditorToolbar panel={panel} onPanel={setPanel} />
            <WaveformToolbar zoom={app.waveform.zoom} regions={app.waveform.regions} />
          </div>
        ) : null}
        <div className="waveform-frame">
          <AdoptedElement element={app.waveform.host} className="waveform-slot" />
          <WaveformPlaceholder drawing={app.waveform.drawing} />
        </div>
        <PlayerControls>
          {mode === 'edit' ? (
            <>
              <EditorHints regions={app.waveform.regions} />
              <SnapToggle regions={app.waveform.regions} />
            </>
          ) : null}
        </PlayerControls>
      </section>
      <TabLockBanner autosave={app.autosave} />
      <RestorePrompt autosave={app.autosave} />
      {isDemo ? <DemoNote /> : null}
      <Notices />
      <LoadStatus onCancel={() => app.loader.cancel()} />
      {updates ? <UpdatePrompt updates={updates} /> : null}
      <AlignBanner onAlign={(request) => void app.alignment.start(request)} onCancel={() => app.alignment.cancel()} />
      <main className={`main${panel ? ' main--panel' : ''}`}>
        <div className="main__reading">
          <TranscriptView />
          <PassageLink />
        </div>
        {panel ? <EditorPanel panel={panel} onClose={() => setPanel(null)} /> : null}
      </main>
      <DropOverlay onFiles={openFiles} />
      <ShortcutsDialog open={helpOpen} groups={shortcutsFor(mode)} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
