import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createPlayer, type Player, type WaveformColors } from '../player/player.ts';
import { createEmitter, type Unsubscribe } from '../player/emitter.ts';
import { stepRate, SKIP_SECONDS } from '../player/playback-settings.ts';
import type { WaveformZoom } from '../player/waveform-zoom.ts';
import { watchWaveformDrawing, type WaveformDrawing } from '../player/waveform-drawing.ts';
import { connectWaveform, type RegionEditing } from '../editor/connect-regions.ts';
import { connectAudioFit } from '../editor/connect-audio-fit.ts';
import { describeMediaFault } from '../player/media-fault.ts';
import { createEditorCommands, type EditorCommands } from '../editor/editor-commands.ts';
import { installKeymap, type KeyCommands } from '../editor/editor-keymap.ts';
import { createAlignClient, type AlignClient } from '../align/align-client.ts';
import type { AppServices } from '../ui/app-context.ts';
import { speakerHue } from '../ui/speaker-color.ts';
import { connectSync } from './connect-sync.ts';
import { createSessionLoader, type SessionLoader } from './session-loader.ts';
import { installAutosave, type Autosave, type AutosaveOptions } from './autosave.ts';
import type { SchedulerClock } from './save-scheduler.ts';
import type { ProjectStorage } from './project-storage.ts';
import type { RescueSlot } from './rescue-slot.ts';
import type { TabLock } from './tab-lock.ts';
import { createAlignmentController, type AlignmentController } from './alignment-controller.ts';
import type { AlignmentCache } from './alignment-cache.ts';
import { installLastAudio, type LastAudio } from './last-audio.ts';
import type { LastSessionStorage } from './last-audio-storage.ts';

/** What the app asks of its page shell (React): things only the page can do. */
export type ShellRequests = {
  /** O: show the file picker. */
  openFiles: [];
  /** ?: show the shortcuts. */
  showHelp: [];
};

export interface VerbatimOptions {
  /** Receives the waveform; created (detached) when not given, for the page to adopt. */
  container?: HTMLElement;
  storage: ProjectStorage;
  rescue?: RescueSlot;
  alignmentCache: AlignmentCache;
  /** Where keys and page-lifecycle events arrive; none in tests that do not need them. */
  target?: Window;
  /** A player to use instead of wavesurfer's (tests pass a fake). */
  player?: Player;
  /** The `<audio>` the wavesurfer player adopts, already reading the address's audio (early-start.ts); one is made when not given. */
  media?: HTMLAudioElement;
  alignClient?: AlignClient;
  colors?: WaveformColors;
  /** The clock autosave schedules on (tests pass a fake one). */
  clock?: SchedulerClock;
  /** Asked before each autosave write (see autosave.ts). */
  beforeWrite?: AutosaveOptions['beforeWrite'];
  /** One editor per project across tabs (tab-lock.ts); destroyed with the app. Without it this tab always edits. */
  tabLock?: TabLock;
  /** Where the last local audio and transcript are kept for the next visit; none: a reload opens the demo. */
  lastSession?: LastSessionStorage;
}

/** The app object: everything is created once here, outside React, and torn down by `destroy()`. */
export interface Verbatim extends AppServices {
  readonly store: AppStore;
  readonly player: Player;
  readonly commands: EditorCommands;
  readonly alignment: AlignmentController;
  readonly loader: SessionLoader;
  readonly autosave: Autosave;
  /** Reopens the last local files after a reload; null without `lastSession` storage. */
  readonly lastAudio: LastAudio | null;
  /**
   * `host` is what the page places (the waveform and its `<audio>`); React adopts it, never creates it.
   * `drawing` says when the waveform is still blank, for the page's placeholder.
   */
  readonly waveform: { readonly host: HTMLElement; readonly zoom: WaveformZoom; readonly regions: RegionEditing; readonly drawing: WaveformDrawing };
  /** The page shell listens here for what only it can do. */
  on<E extends keyof ShellRequests>(event: E, listener: (...args: ShellRequests[E]) => void): Unsubscribe;
  destroy(): void;
}

const DEFAULT_COLORS: WaveformColors = { wave: '#9aa7b8', progress: '#2f6fdb', cursor: '#c2410c' };

/**
 * The composition root. Builds the store, player, commands, loader, autosave,
 * alignment and keymap once, wires them, and returns one object whose
 * `destroy()` runs every unsubscribe. React only reads its state and calls its
 * commands (see src/ui/app-context.ts).
 */
export function createVerbatim(options: VerbatimOptions): Verbatim {
  const store = createAppStore();
  const { host, element } = options.container ? { host: options.container, element: options.container } : createWaveformElement();
  const player = options.player ?? createPlayer(element, options.colors ?? DEFAULT_COLORS, options.media);
  const shell = createEmitter<ShellRequests>();
  // Installed before any load so the first session is already watched.
  const commands = createEditorCommands(store, player);
  const autosave = installAutosave(store, {
    storage: options.storage,
    ...(options.rescue ? { rescue: options.rescue } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.beforeWrite ? { beforeWrite: options.beforeWrite } : {}),
    ...(options.tabLock ? { lock: options.tabLock } : {}),
    // A restore is an editor command: one undo step back to the file as opened.
    applyRestore: (transcript, dirty) => commands.restore(transcript, dirty),
    commitDrafts: () => commands.commitTextDraft(),
  });
  const loader = createSessionLoader(player, store);
  const lastAudio = options.lastSession ? installLastAudio(store, { storage: options.lastSession, loader }) : null;
  const waveformEditing = connectWaveform(player, store, commands, { speakerHue, ...(options.target ? { keys: options.target } : {}) });
  const { zoom, regions } = waveformEditing;
  const drawing = watchWaveformDrawing(player);
  // The client starts its worker, and fetches models, only when alignment is first used.
  const alignClient = options.alignClient ?? createAlignClient();
  const alignment = createAlignmentController(store, commands, alignClient, options.alignmentCache);

  const keys: KeyCommands = {
    togglePlay: () => player.toggle(),
    skipBack: () => player.skip(-SKIP_SECONDS),
    skipForward: () => player.skip(SKIP_SECONDS),
    slower: () => player.setPlaybackRate(stepRate(player.playbackRate(), -1)),
    faster: () => player.setPlaybackRate(stepRate(player.playbackRate(), 1)),
    follow: () => store.getState().setFollowing(true),
    openFiles: () => shell.emit('openFiles'),
    showHelp: () => shell.emit('showHelp'),
    undo: () => commands.undo(),
    redo: () => commands.redo(),
    toggleMode: () => commands.toggleMode(),
    nudgeBack: (step) => commands.nudge(-step),
    nudgeForward: (step) => commands.nudge(step),
    setStartFromPlayhead: () => commands.setStartFromPlayhead(),
    setEndFromPlayhead: () => commands.setEndFromPlayhead(),
    tap: () => commands.tap(),
    selectPrevious: () => commands.selectNeighbour(-1),
    selectNext: () => commands.selectNeighbour(1),
    editText: () => commands.editSelectedText(),
    zoomIn: () => zoom.zoomIn(),
    zoomOut: () => zoom.zoomOut(),
  };

  const subscriptions: Unsubscribe[] = [
    () => alignClient.dispose(),
    () => loader.destroy(),
    () => lastAudio?.destroy(),
    () => autosave.destroy(),
    ...(options.tabLock ? [() => options.tabLock!.destroy()] : []),
    () => waveformEditing.destroy(),
    () => drawing.destroy(),
    connectSync(player, store),
    connectAudioFit(player, store),
    player.on('error', (fault) => store.getState().notify('error', describeMediaFault(fault, store.getState().audioName))),
    ...(options.target ? [installKeymap(options.target, store, keys)] : []),
    () => shell.clear(),
    () => player.destroy(),
  ];

  let destroyed = false;
  return {
    store,
    player,
    commands,
    alignment,
    loader,
    autosave,
    lastAudio,
    waveform: { host, zoom, regions, drawing },
    on: (event, listener) => shell.on(event, listener),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      subscriptions.forEach((unsubscribe) => unsubscribe());
    },
  };
}

/** The waveform's own element, with a parent so the player can put its `<audio>` next to it. */
function createWaveformElement(): { host: HTMLElement; element: HTMLElement } {
  const host = document.createElement('div');
  host.className = 'waveform-host';
  const element = document.createElement('div');
  element.className = 'waveform';
  element.dataset.testid = 'waveform';
  host.append(element);
  return { host, element };
}
