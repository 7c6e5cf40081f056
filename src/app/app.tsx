import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPlayer, type Player } from '../player/player.ts';
import { appStore, useAppStore } from '../store/app-store.ts';
import { PlayerContext } from '../ui/player-context.ts';
import { EditorContext } from '../ui/editor-context.ts';
import { PlayerControls } from '../ui/player-controls.tsx';
import { TranscriptView } from '../ui/transcript-view.tsx';
import { Notices } from '../ui/notices.tsx';
import { EditorToolbar } from '../ui/editor-toolbar.tsx';
import { DropOverlay } from '../ui/drop-overlay.tsx';
import { ShortcutsDialog } from '../ui/shortcuts-dialog.tsx';
import { SHORTCUTS } from '../ui/shortcut-list.ts';
import { connectSync } from './connect-sync.ts';
import { installKeyboardShortcuts } from './keyboard-shortcuts.ts';
import { createSessionLoader, episodeLoad, type SessionLoader, type SessionLoaderExtras } from './session-loader.ts';
import { fragmentStart } from './media-fragment.ts';
import { createEditorCommands, type EditorCommands } from '../editor/editor-commands.ts';
import { installEditorKeymap } from '../editor/editor-keymap.ts';
import { installTurnRegions, type TurnRegions } from '../player/turn-regions.ts';
import { installWaveformZoom, type WaveformZoom } from '../player/waveform-zoom.ts';
import { WaveformToolbar } from '../ui/waveform-toolbar.tsx';
import { speakerHue } from '../ui/speaker-color.ts';
import { AUDIO_EXTENSIONS, FEED_EXTENSIONS, TRANSCRIPT_EXTENSIONS, classifyFile } from './classify-file.ts';
import { ReadAsNote } from '../ui/read-as-note.tsx';
import { DemoNote } from '../ui/demo-note.tsx';
import { PASTED_NAME, PasteDialog } from '../ui/paste-dialog.tsx';
import { FeedDialog, type FeedActions, type FeedRequest } from '../ui/feed-dialog.tsx';
import { installAutosave, type Autosave } from './autosave.ts';
import { createIdbProjectStorage, createLocalRescueSlot } from './project-storage.ts';
import { RestorePrompt } from '../ui/restore-prompt.tsx';
import { RecentProjects } from '../ui/recent-projects.tsx';
import { ExportMenu } from '../ui/export-menu.tsx';
import { AlignBanner } from '../ui/align-banner.tsx';
import { AlignmentContext } from '../ui/alignment-context.ts';
import { createAlignClient } from '../align/align-client.ts';
import { createAlignmentController, type AlignmentController } from './alignment-controller.ts';
import { createIdbAlignmentCache } from './alignment-cache.ts';
import { turnStartAccuracy } from './demo-accuracy.ts';
import { readTranscript } from '../transcript/read-transcript.ts';

const DEMO = {
  audio: `${import.meta.env.BASE_URL}demo/seed.opus`,
  transcript: `${import.meta.env.BASE_URL}demo/seed.verbatim.json`,
  /** The same transcript as NPR publishes it: no timings. `?demo=align` aligns it. */
  untimed: `${import.meta.env.BASE_URL}demo/seed.txt`,
};

/** After the demo's alignment, says how close it came to the synthesizer's exact times. */
async function reportDemoAccuracy() {
  const state = appStore.getState();
  const response = await fetch(DEMO.transcript);
  const truth = readTranscript(await response.text(), { fileName: 'seed.verbatim.json' });
  if (!truth.ok || state.alignment.status !== 'done') return;
  const accuracy = turnStartAccuracy(state.transcript, truth.transcript);
  if (!accuracy) return;
  state.setAlignment({
    message: `${state.alignment.message} Against the synthesizer's exact times: turn starts off by ${Math.round(accuracy.medianMs)} ms (median), ${Math.round(accuracy.within100 * 100)}% within 100 ms.`,
  });
}

const ACCEPT = [...AUDIO_EXTENSIONS, ...TRANSCRIPT_EXTENSIONS, ...FEED_EXTENSIONS].map((ext) => `.${ext}`).join(',') + ',audio/*';

function waveformColors() {
  const styles = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
  return { wave: read('--wave', '#9aa7b8'), progress: read('--wave-progress', '#2f6fdb'), cursor: read('--wave-cursor', '#c2410c') };
}

/** Composition root: creates the player, wires it to the store, loads the first session. */
export function App() {
  const waveformRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [player, setPlayer] = useState<Player | null>(null);
  const [loader, setLoader] = useState<(SessionLoader & SessionLoaderExtras) | null>(null);
  const [feedRequest, setFeedRequest] = useState<FeedRequest | null>(null);
  const [commands, setCommands] = useState<EditorCommands | null>(null);
  const [autosave, setAutosave] = useState<Autosave | null>(null);
  const [waveform, setWaveform] = useState<{ zoom: WaveformZoom; regions: TurnRegions } | null>(null);
  const [alignment, setAlignment] = useState<AlignmentController | null>(null);
  const mode = useAppStore((state) => state.mode);
  const [helpOpen, setHelpOpen] = useState(false);
  const transcriptName = useAppStore((state) => state.transcriptName);
  const audioName = useAppStore((state) => state.audioName);
  const formatLabel = useAppStore((state) => state.formatLabel);
  const isDemo = useAppStore((state) => state.transcriptName === 'seed.verbatim.json' && state.audioKey.endsWith('/demo/seed.opus'));

  useEffect(() => {
    const container = waveformRef.current;
    if (!container) return;
    const instance = createPlayer(container, waveformColors());
    // Installed before the first load so the first session is already watched.
    const projectAutosave = installAutosave(appStore, { storage: createIdbProjectStorage(), rescue: createLocalRescueSlot(), target: window });
    const baseLoader = createSessionLoader(instance, appStore);
    // Autosave watches file and URL loads (where a project came from); paste, read-as and feeds pass straight through.
    const sessionLoader = { ...baseLoader, ...projectAutosave.trackLoader(baseLoader) };
    const editorCommands = createEditorCommands(appStore, instance);
    const waveformZoom = installWaveformZoom(instance, appStore);
    const turnRegions = installTurnRegions(instance, appStore, editorCommands, { speakerHue });
    // The client starts its worker, and fetches models, only when alignment is first used.
    const alignClient = createAlignClient();
    const alignmentController = createAlignmentController(appStore, editorCommands, alignClient, createIdbAlignmentCache());
    const subscriptions = [
      () => alignClient.dispose(),
      () => projectAutosave.destroy(),
      () => {
        turnRegions.destroy();
        waveformZoom.destroy();
      },
      installEditorKeymap(window, appStore, editorCommands),
      connectSync(instance, appStore),
      instance.on('error', (message) => appStore.getState().notify('error', `${appStore.getState().audioName || 'Audio'}: ${message}.`)),
      installKeyboardShortcuts(window, instance, appStore, {
        openFiles: () => fileInputRef.current?.click(),
        showHelp: () => setHelpOpen(true),
      }),
    ];
    setPlayer(instance);
    setLoader(sessionLoader);
    setCommands(editorCommands);
    setAutosave(projectAutosave);
    setWaveform({ zoom: waveformZoom, regions: turnRegions });
    setAlignment(alignmentController);

    const params = new URLSearchParams(window.location.search);
    const urls = { audio: params.get('audio') ?? undefined, transcript: params.get('transcript') ?? undefined, peaks: params.get('peaks') ?? undefined };
    // `?feed=URL` opens the feed's episode list instead of the demo.
    const feedUrl = params.get('feed');
    if (feedUrl) setFeedRequest({ source: feedUrl });
    const start = fragmentStart(window.location.hash);
    const alignDemo = params.get('demo') === 'align';
    const first = alignDemo
      ? sessionLoader.loadUrls({ audio: DEMO.audio, transcript: DEMO.untimed }, { quiet: true })
      : urls.audio || urls.transcript || urls.peaks
        ? sessionLoader.loadUrls(urls)
        : feedUrl
          ? Promise.resolve(false)
          : sessionLoader.loadUrls(DEMO, { quiet: true });
    void first.then(async (loaded) => {
      if (start !== undefined) instance.seek(start);
      if (alignDemo && loaded) {
        await alignmentController.start({ language: 'en' });
        await reportDemoAccuracy();
      }
    });

    return () => {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      instance.destroy();
    };
  }, []);

  const openFiles = useCallback(
    (files: File[]) => {
      // A feed on its own opens its episode list; with other files the loader explains.
      if (files.length === 1 && classifyFile(files[0]!) === 'feed') setFeedRequest({ source: files[0]! });
      else void loader?.loadFiles(files);
    },
    [loader],
  );
  const openPasted = useCallback((text: string) => loader?.loadText(text, PASTED_NAME) ?? Promise.resolve(false), [loader]);
  const feedActions = useMemo<FeedActions | null>(
    () =>
      loader && {
        readFeed: loader.readFeed,
        openEpisode: (episode, transcript) => {
          const { urls, options } = episodeLoad(episode, transcript);
          return loader.loadUrls(urls, options);
        },
      },
    [loader],
  );

  return (
    <PlayerContext.Provider value={player}>
      <EditorContext.Provider value={commands}>
      <AlignmentContext.Provider value={alignment}>
      <div className={`app app--${mode}`} data-mode={mode}>
        <header className="topbar">
          <div className="brand">
            <span className="brand__mark" aria-hidden="true">V</span>
            <h1 className="brand__name">Verbatim</h1>
          </div>
          <div className="session" aria-live="polite">
            <span className="session__audio" title="Audio">{audioName || 'No audio'}</span>
            <span className="session__sep" aria-hidden="true">·</span>
            <span className="session__transcript" title={formatLabel ? `Read as ${formatLabel}` : undefined}>
              {transcriptName || 'No transcript'}
            </span>
            <ReadAsNote onReadAs={loader ? loader.readAs : null} />
          </div>
          <div className="topbar__actions">
            <button
              type="button"
              className={`button button--toggle${mode === 'edit' ? ' button--on' : ''}`}
              aria-pressed={mode === 'edit'}
              onClick={() => appStore.getState().setMode(mode === 'edit' ? 'read' : 'edit')}
              title="Editor mode (E)"
              data-testid="editor-toggle"
            >
              Edit timings
            </button>
            <button type="button" className="button" onClick={() => fileInputRef.current?.click()} title="Open audio and transcript (O)">
              Open files…
            </button>
            <PasteDialog onOpen={loader ? openPasted : null} />
            <FeedDialog actions={feedActions} request={feedRequest} />
            {autosave ? <RecentProjects autosave={autosave} loader={loader} /> : null}
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
            <button type="button" className="icon-button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
              ?
            </button>
          </div>
        </header>
        <section className="player" aria-label="Player">
          <WaveformToolbar zoom={waveform?.zoom ?? null} regions={waveform?.regions ?? null} />
          <div ref={waveformRef} className="waveform" data-testid="waveform" />
          <PlayerControls />
          {mode === 'edit' ? <EditorToolbar /> : null}
        </section>
        {autosave ? <RestorePrompt autosave={autosave} /> : null}
        {isDemo ? <DemoNote /> : null}
        <Notices />
        <AlignBanner onAlign={(request) => void alignment?.start(request)} onCancel={() => alignment?.cancel()} />
        <main className="main">
          <TranscriptView />
        </main>
        <DropOverlay onFiles={openFiles} />
        <ShortcutsDialog open={helpOpen} shortcuts={SHORTCUTS} onClose={() => setHelpOpen(false)} />
      </div>
      </AlignmentContext.Provider>
      </EditorContext.Provider>
    </PlayerContext.Provider>
  );
}
