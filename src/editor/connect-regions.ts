import type { AppState, AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { speakerName } from '../transcript/model.ts';
import { lastAtOrBefore, turnEnd, turnStart, type TimeIndex } from '../transcript/time-index.ts';
import { findPausesInChunks, type Pause } from '../align/find-pauses.ts';
import { createEmitter, type Unsubscribe } from '../player/emitter.ts';
import type { Player } from '../player/player.ts';
import { installTurnRegions, type TurnRegions } from '../player/turn-regions.ts';
import type { RegionSource, RegionTurn } from '../player/region-events.ts';
import { installWaveformZoom, type WaveformZoom } from '../player/waveform-zoom.ts';
import { comfortableZoom } from '../player/zoom-math.ts';
import { SNAP_SECONDS, applyDragWrite, reduceDrag, type DragEvent, type DragState } from './drag-reducer.ts';
import { listenForDragKeys } from './drag-keys.ts';
import { selectTapCursor } from './select-tap-cursor.ts';

/** The part of the editor commands a drag needs: one undo step per gesture. */
export interface GestureCommands {
  beginGesture(): void;
  updateGesture(operation: (transcript: Transcript) => Transcript): void;
  endGesture(): void;
  cancelGesture(): void;
}

export type PauseAnalysis =
  | { state: 'idle' }
  | { state: 'analysing'; progress: number }
  | { state: 'ready'; count: number }
  | { state: 'unavailable' };

export interface RegionEditingStatus {
  /** Timed turns near the visible part of the waveform. */
  inView: number;
  /** False when more turns are in view than can be drawn: zoom in to edit them. */
  drawn: boolean;
  pauses: PauseAnalysis;
  snapping: boolean;
}

export type RegionEditingEvents = {
  /** Anything in {@link RegionEditingStatus} changed. */
  status: [status: RegionEditingStatus];
};

export interface RegionEditing {
  status(): RegionEditingStatus;
  /** Pause snapping while dragging edges (Alt inverts it for one drag). */
  setSnapping(on: boolean): void;
  on<E extends keyof RegionEditingEvents>(event: E, listener: (...args: RegionEditingEvents[E]) => void): Unsubscribe;
}

export interface WaveformEditing {
  zoom: WaveformZoom;
  regions: RegionEditing;
  destroy(): void;
}

export interface ConnectWaveformOptions {
  /** Hue (0–360) of a speaker by its position in `transcript.speakers`; negative for none. */
  speakerHue(speakerIndex: number): number;
  snapSeconds?: number;
  maxRegions?: number;
  /** Where Escape and Alt are listened for during a drag. */
  keys?: Window;
  /** Yields the main thread between pause-analysis slices. */
  yieldToHost?: () => Promise<void>;
}

/** An open-ended turn lasts until the next timed turn starts (or the audio ends). */
function nextStartAfter(index: TimeIndex, start: number, duration: number): number {
  const i = lastAtOrBefore(index.starts, start);
  for (let j = i + 1; j < index.starts.length; j++) if (index.starts[j]! > start) return index.starts[j]!;
  return duration;
}

/**
 * Editor mode on the waveform: wires the player's region and zoom modules to
 * the store and the commands. Store → player: which turns to show, the
 * selection and the tap cursor, the zoom to open at. Player → editor: pointer
 * reports go through the pure drag reducer, which decides where the region
 * goes and what the gesture writes (snapped to pauses, clamped, one undo step).
 */
export function connectWaveform(player: Player, store: AppStore, commands: GestureCommands, options: ConnectWaveformOptions): WaveformEditing {
  const zoom = installWaveformZoom(player);
  const regions: TurnRegions = installTurnRegions(player, options.maxRegions !== undefined ? { maxRegions: options.maxRegions } : {});
  const emitter = createEmitter<RegionEditingEvents>();
  const reach = options.snapSeconds ?? SNAP_SECONDS;
  const keys = options.keys ?? window;
  const yieldToHost = options.yieldToHost ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const subscriptions: Unsubscribe[] = [];

  let status: RegionEditingStatus = { ...regions.status(), pauses: { state: 'idle' }, snapping: true };
  const setStatus = (patch: Partial<RegionEditingStatus>) => {
    const next = { ...status, ...patch };
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    emitter.emit('status', status);
  };
  subscriptions.push(regions.on('status', (shown) => setStatus(shown)));

  // Pauses are found once per decoded audio, off the critical path, by the aligner's pure module.
  let pauses: Pause[] | null = null;
  let pausesFor: AudioBuffer | null = null;
  let analysis: AbortController | null = null;
  const analysePauses = () => {
    const audio = player.decodedAudio();
    if (!audio || audio === pausesFor || store.getState().mode !== 'edit') return;
    analysis?.abort();
    const controller = new AbortController();
    analysis = controller;
    pausesFor = audio;
    pauses = null;
    setStatus({ pauses: { state: 'analysing', progress: 0 } });
    let lastReported = 0;
    findPausesInChunks(audio.getChannelData(0), audio.sampleRate, {
      yieldToHost,
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction - lastReported < 0.05 && fraction < 1) return;
        lastReported = fraction;
        setStatus({ pauses: { state: 'analysing', progress: fraction } });
      },
    }).then(
      (found) => {
        if (analysis !== controller) return;
        analysis = null;
        pauses = found;
        setStatus({ pauses: { state: 'ready', count: found.length } });
      },
      () => {
        if (analysis !== controller) return;
        analysis = null;
        pausesFor = null;
        setStatus({ pauses: { state: 'unavailable' } });
      },
    );
  };
  subscriptions.push(player.on('decoded', analysePauses), () => analysis?.abort());

  const sourceOf = (state: AppState): RegionSource => {
    const { transcript, timeIndex } = state;
    let hues: Map<string, number> | null = null;
    const hueOf = (speakerId: string | null) => {
      if (speakerId === null) return -1;
      if (!hues) {
        hues = new Map();
        transcript.speakers.forEach((speaker, i) => hues!.set(speaker.id, options.speakerHue(i)));
      }
      return hues.get(speakerId) ?? -1;
    };
    return {
      index: timeIndex,
      region(turn): RegionTurn | null {
        const entryIndex = timeIndex.turnEntry[turn]!;
        const entry = transcript.entries[entryIndex];
        if (entry?.kind !== 'speech') return null;
        const start = turnStart(entry);
        if (start === undefined) return null;
        const ownEnd = turnEnd(entry);
        const end = ownEnd !== undefined && ownEnd > start ? ownEnd : nextStartAfter(timeIndex, start, player.duration());
        return { key: entry, entry: entryIndex, start, end, label: speakerName(transcript, entry.speakerId) ?? 'Unlabelled', hue: hueOf(entry.speakerId) };
      },
      selectedEntry: state.selectedEntry,
      cursorEntry: selectTapCursor(state),
    };
  };

  /** The opening zoom of editor mode: a typical turn wide enough to grab, at the selected turn or the playhead. */
  const preferredView = () => {
    const state = store.getState();
    const pxPerSec = comfortableZoom(state.transcript);
    if (pxPerSec <= 0) return null;
    const selected = state.transcript.entries[state.selectedEntry];
    const selectedStart = selected?.kind === 'speech' ? turnStart(selected) : undefined;
    return { pxPerSec, time: selectedStart ?? player.currentTime() };
  };

  // The drag: pointer reports -> reducer -> region placement and gesture commands.
  let drag: DragState | null = null;
  let base: Transcript | null = null;
  let stopKeys: Unsubscribe | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const dispatch = (event: DragEvent) => {
    const step = reduceDrag(drag, event, { pauses, snapping: status.snapping, reach, duration: player.duration(), now: performance.now() });
    drag = step.state;
    if (step.begin) {
      base = store.getState().transcript;
      commands.beginGesture();
      store.getState().select(step.begin.entry, step.begin.edge);
      stopKeys = listenForDragKeys(keys, { cancel: () => dispatch({ type: 'cancel' }), alt: (held) => dispatch({ type: 'alt', alt: held }) });
    }
    if (step.place) regions.place(step.place.entry, step.place.start, step.place.end);
    if (step.write && base) {
      const from = base;
      const write = step.write;
      commands.updateGesture(() => applyDragWrite(from, write));
    }
    if (retry !== null) clearTimeout(retry);
    retry = step.retryInMs !== undefined ? setTimeout(() => dispatch({ type: 'tick' }), step.retryInMs) : null;
    if (step.finish) {
      if (step.finish === 'commit') commands.endGesture();
      else {
        regions.cancelDrag();
        commands.cancelGesture();
      }
      base = null;
      stopKeys?.();
      stopKeys = null;
    }
  };
  const cancelDrag = () => {
    if (drag) dispatch({ type: 'cancel' });
  };
  subscriptions.push(
    regions.on('drag-start', (report) => dispatch({ type: 'start', drag: report })),
    regions.on('drag-move', (report) => dispatch({ type: 'move', drag: report })),
    regions.on('drag-end', (report) => dispatch({ type: 'end', drag: report })),
    regions.on('region-click', (entry) => {
      if (store.getState().selectedEntry !== entry) store.getState().select(entry);
    }),
    player.on('decoded', cancelDrag),
  );

  const enter = () => {
    zoom.enterEditing(preferredView);
    regions.show(sourceOf(store.getState()));
    analysePauses();
  };
  const leave = () => {
    cancelDrag();
    regions.show(null);
    zoom.leaveEditing();
  };
  subscriptions.push(
    store.subscribe((state, previous) => {
      if (state.mode !== previous.mode) {
        if (state.mode === 'edit') enter();
        else leave();
        return;
      }
      if (state.mode !== 'edit') return;
      if (state.transcript !== previous.transcript || state.timeIndex !== previous.timeIndex || state.selectedEntry !== previous.selectedEntry) {
        regions.show(sourceOf(state));
      }
      if (state.selectedEntry !== previous.selectedEntry && !drag) {
        const entry = state.transcript.entries[state.selectedEntry];
        const start = entry?.kind === 'speech' ? turnStart(entry) : undefined;
        if (entry?.kind === 'speech' && start !== undefined) regions.reveal(start, turnEnd(entry) ?? start);
      }
    }),
  );
  if (store.getState().mode === 'edit') enter();

  return {
    zoom,
    regions: {
      status: () => status,
      setSnapping: (on) => setStatus({ snapping: on }),
      on: emitter.on,
    },
    destroy() {
      leave();
      if (retry !== null) clearTimeout(retry);
      subscriptions.forEach((unsubscribe) => unsubscribe());
      regions.destroy();
      zoom.destroy();
      emitter.clear();
    },
  };
}
