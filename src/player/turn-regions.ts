import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import type { AppState, AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { speakerName } from '../transcript/model.ts';
import { lastAtOrBefore, turnEnd, turnStart, type TimeIndex } from '../transcript/time-index.ts';
import { setTurnEnd, setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { moveTurn } from '../transcript/edit/move-turn.ts';
import { formatClock } from '../transcript/format-time.ts';
import { findPausesInChunks, snapToPause, type Pause } from '../align/find-pauses.ts';
import { createEmitter, type Unsubscribe } from './emitter.ts';
import type { Player } from './player.ts';

/** The part of the editor commands a drag needs: one undo step per gesture. */
export interface GestureCommands {
  beginGesture(): void;
  updateGesture(operation: (transcript: Transcript) => Transcript): void;
  endGesture(): void;
  cancelGesture(): void;
}

export interface TurnRegionsOptions {
  /** Hue (0–360) of a speaker by its position in `transcript.speakers`; negative for none. */
  speakerHue(speakerIndex: number): number;
  /** How far an edge jumps to a pause, in seconds. */
  snapSeconds?: number;
  /** Most turns drawn at once; a wider view asks the user to zoom in instead. */
  maxRegions?: number;
  /** Yields the main thread between pause-analysis slices. */
  yieldToHost?: () => Promise<void>;
}

export type PauseAnalysis =
  | { state: 'idle' }
  | { state: 'analysing'; progress: number }
  | { state: 'ready'; count: number }
  | { state: 'unavailable' };

export interface TurnRegionsStatus {
  /** Timed turns near the visible part of the waveform. */
  inView: number;
  /** False when more turns are in view than can be drawn: zoom in to edit them. */
  drawn: boolean;
  pauses: PauseAnalysis;
  snapping: boolean;
}

export type TurnRegionsEvents = {
  /** Anything in {@link TurnRegionsStatus} changed. */
  status: [status: TurnRegionsStatus];
};

export interface TurnRegions {
  status(): TurnRegionsStatus;
  /** Pause snapping while dragging edges (Alt inverts it for one drag). */
  setSnapping(on: boolean): void;
  on<E extends keyof TurnRegionsEvents>(event: E, listener: (...args: TurnRegionsEvents[E]) => void): Unsubscribe;
  destroy(): void;
}

const DEFAULT_MAX_REGIONS = 250;
/**
 * How often a drag writes the store. Every write re-derives the store's time
 * index and re-renders the list (about 10 ms for 3,000 turns), so the region
 * follows the pointer every frame while the list catches up 20 times a second.
 */
const DRAG_WRITE_MS = 50;
const DEFAULT_SNAP_SECONDS = 0.15;
/** Height of a label row (waveform.css: 15 px line + 2 px padding + gap). */
const LABEL_ROW_PX = 19;

/**
 * Turn indices (positions among speech turns) whose time span meets
 * `[from, to]`, in start order. Binary search on the index's sorted starts:
 * the cost is the number of turns returned, not the transcript's length.
 */
export function turnsInWindow(index: TimeIndex, from: number, to: number): number[] {
  const last = lastAtOrBefore(index.starts, to);
  // maxEndUpTo never decreases: the first turn that may still reach `from`.
  let lo = 0;
  let hi = last + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.maxEndUpTo[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const turns: number[] = [];
  for (let i = lo; i <= last; i++) if (index.ends[i]! >= from) turns.push(index.turnAt[i]!);
  return turns;
}

export type DragSide = 'start' | 'end' | 'move';

/**
 * Where a dragged turn lands. `rawStart`/`rawEnd` follow the pointer exactly;
 * with `pauses` given, a dragged edge snaps to a pause within `reach`, and a
 * moved turn shifts by whichever of its two edges' snaps is smaller.
 */
export function dragTarget(
  side: DragSide,
  rawStart: number,
  rawEnd: number,
  pauses: readonly Pause[] | null,
  reach = DEFAULT_SNAP_SECONDS,
): { start: number; end: number } {
  if (!pauses || pauses.length === 0) return { start: rawStart, end: rawEnd };
  if (side === 'start') return { start: snapToPause(rawStart, pauses, reach), end: rawEnd };
  if (side === 'end') return { start: rawStart, end: snapToPause(rawEnd, pauses, reach) };
  const byStart = snapToPause(rawStart, pauses, reach) - rawStart;
  const byEnd = snapToPause(rawEnd, pauses, reach) - rawEnd;
  let shift = byStart !== 0 ? byStart : byEnd;
  if (byStart !== 0 && byEnd !== 0 && Math.abs(byEnd) < Math.abs(byStart)) shift = byEnd;
  return { start: rawStart + shift, end: rawEnd + shift };
}

interface Shown {
  region: Region;
  label: HTMLElement;
  /** Label row: 0 at the top; overlapping turns (people talking at once) get the next free row. */
  lane: number;
  /** Position among speech turns: the list's `data-turn-index`. */
  turn: number;
  start: number;
  end: number;
  name: string;
  hue: number;
  selected: boolean;
}

interface Drag {
  entry: number;
  side: DragSide;
  /** The transcript when the drag began: every step re-applies to it, so words clipped on the way come back. */
  base: Transcript;
  originalStart: number;
  rawStart: number;
  rawEnd: number;
  /** Where the region was last put; the plugin's next move is relative to it. */
  shownStart: number;
  shownEnd: number;
  /** Where the turn lands (snapped); shown on the region every frame, written to the store less often. */
  target: { start: number; end: number };
  /** The pointer moved since the target was last computed. */
  pending: boolean;
  /** The target is ahead of the store. */
  unsaved: boolean;
  lastWrite: number;
  cancelled: boolean;
}

/**
 * Editor mode on the waveform: every timed speech turn near the visible part
 * is a region labelled and coloured by speaker. Regions follow the transcript
 * (edits, undo, redo) and the selection both ways; dragging an edge or a
 * whole region edits the turn as one undo step, snapping edges to pauses.
 * Leaving editor mode removes every region.
 */
export function installTurnRegions(player: Player, store: AppStore, commands: GestureCommands, options: TurnRegionsOptions): TurnRegions {
  const wavesurfer = player.wavesurfer;
  const emitter = createEmitter<TurnRegionsEvents>();
  const maxRegions = options.maxRegions ?? DEFAULT_MAX_REGIONS;
  const reach = options.snapSeconds ?? DEFAULT_SNAP_SECONDS;
  const yieldToHost = options.yieldToHost ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

  let status: TurnRegionsStatus = { inView: 0, drawn: true, pauses: { state: 'idle' }, snapping: true };
  const setStatus = (patch: Partial<TurnRegionsStatus>) => {
    const next = { ...status, ...patch };
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    emitter.emit('status', status);
  };

  if (!wavesurfer) {
    return { status: () => status, setSnapping: () => undefined, on: emitter.on, destroy: () => emitter.clear() };
  }

  let plugin: ReturnType<typeof RegionsPlugin.create> | null = null;
  let active: Unsubscribe[] = [];
  const shown = new Map<number, Shown>();
  const entryOf = new WeakMap<Region, number>();
  let drag: Drag | null = null;
  let altHeld = false;
  let frame = 0;
  let inFrame = false;
  let rerun = false;

  // Pauses are computed once per decoded audio, off the critical path.
  let pauses: Pause[] | null = null;
  let pausesFor: AudioBuffer | null = null;
  let analysis: AbortController | null = null;

  const analysePauses = () => {
    const audio = wavesurfer.getDecodedData();
    if (!audio || audio === pausesFor) return;
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

  const visibleWindow = () => {
    const duration = wavesurfer.getDuration();
    const total = wavesurfer.getWrapper().scrollWidth;
    if (!duration || !total) return null;
    const scroll = wavesurfer.getScroll();
    const from = (scroll / total) * duration;
    const to = ((scroll + wavesurfer.getWidth()) / total) * duration;
    return { from, to, duration };
  };

  const decorate = (item: Shown) => {
    const element = item.region.element;
    if (!element) return;
    // The plugin rewrites `part` on every position change; these names are what waveform.css styles.
    element.setAttribute('part', `region turn-region${item.selected ? ' turn-region--selected' : ''}${item.hue < 0 ? ' turn-region--unlabelled' : ''}`);
    element.style.setProperty('--turn-hue', String(item.hue < 0 ? 220 : item.hue));
    element.style.zIndex = item.selected ? '3' : '';
    element.setAttribute('aria-selected', item.selected ? 'true' : 'false');
    item.label.setAttribute('part', `turn-label${item.selected ? ' turn-label--selected' : ''}`);
  };

  const describe = (name: string, start: number, end: number) => `${name}, ${formatClock(start)}–${formatClock(end)}`;

  const removeShown = (entry: number) => {
    const item = shown.get(entry);
    if (!item) return;
    shown.delete(entry);
    item.region.remove();
  };

  const clearShown = () => {
    for (const entry of [...shown.keys()]) removeShown(entry);
  };

  /** Makes the regions match the transcript, the selection and the visible window. */
  const reconcile = () => {
    if (!plugin) return;
    const view = visibleWindow();
    if (!view) return;
    const state = store.getState();
    const { transcript, timeIndex, selectedEntry } = state;
    const span = view.to - view.from;
    const turns = turnsInWindow(timeIndex, view.from - span / 2, view.to + span / 2);
    const drawn = turns.length <= maxRegions;
    // Entry index -> turn index of every turn to show.
    const wanted = new Map<number, number>();
    if (drawn) for (const turn of turns) wanted.set(timeIndex.turnEntry[turn]!, turn);
    if (drag && !drag.cancelled && !wanted.has(drag.entry)) {
      const turn = timeIndex.turnEntry.indexOf(drag.entry);
      if (turn >= 0) wanted.set(drag.entry, turn);
    }
    for (const entry of [...shown.keys()]) if (!wanted.has(entry)) removeShown(entry);

    const hueBySpeaker = new Map<string, number>();
    transcript.speakers.forEach((speaker, index) => hueBySpeaker.set(speaker.id, options.speakerHue(index)));

    for (const [entryIndex, turn] of wanted) {
      const entry = transcript.entries[entryIndex];
      const start = entry?.kind === 'speech' ? turnStart(entry) : undefined;
      if (!entry || entry.kind !== 'speech' || start === undefined) {
        removeShown(entryIndex);
        continue;
      }
      const ownEnd = turnEnd(entry);
      const end = Math.min(view.duration, ownEnd !== undefined && ownEnd > start ? ownEnd : nextStartAfter(timeIndex, start, view.duration));
      const name = speakerName(transcript, entry.speakerId) ?? 'Unlabelled';
      const hue = entry.speakerId === null ? -1 : (hueBySpeaker.get(entry.speakerId) ?? -1);
      const selected = entryIndex === selectedEntry;
      const item = shown.get(entryIndex);
      if (!item) {
        // The plugin stacks overlapping labels itself, by measuring every earlier label after a
        // timeout; a zero-height slot opts out of that, and lanes below place labels instead.
        const slot = document.createElement('div');
        slot.style.height = '0';
        const label = document.createElement('div');
        label.textContent = name;
        slot.append(label);
        const region = plugin.addRegion({ id: `turn-${entryIndex}`, start, end, color: 'var(--turn-fill)', content: slot, drag: true, resize: true });
        entryOf.set(region, entryIndex);
        const created: Shown = { region, label, lane: 0, turn, start, end, name, hue, selected };
        if (region.element) {
          region.element.dataset.entryIndex = String(entryIndex);
          region.element.dataset.turn = String(turn);
          region.element.title = describe(name, start, end);
        }
        decorate(created);
        shown.set(entryIndex, created);
        continue;
      }
      let changed = false;
      // The dragged region shows the drag's target, which may be ahead of the store.
      const dragging = drag !== null && !drag.cancelled && drag.entry === entryIndex;
      if (!dragging && (item.start !== start || item.end !== end)) {
        item.region.setOptions({ start, end });
        item.start = start;
        item.end = end;
        changed = true;
      }
      if (item.turn !== turn && item.region.element) {
        item.region.element.dataset.turn = String(turn);
        item.turn = turn;
      }
      if (item.name !== name) {
        item.label.textContent = name;
        item.name = name;
      }
      if (item.hue !== hue || item.selected !== selected) {
        item.hue = hue;
        item.selected = selected;
        changed = true;
      }
      if (changed) {
        decorate(item);
        if (item.region.element) item.region.element.title = describe(name, start, end);
      }
    }
    placeLabels();
    setStatus({ inView: turns.length, drawn });
  };

  /** Greedy interval colouring: a turn that starts before an earlier one ends gets its label on the next row. */
  const placeLabels = () => {
    const items = [...shown.values()].sort((a, b) => a.region.start - b.region.start);
    const rowEnds: number[] = [];
    for (const item of items) {
      let lane = rowEnds.findIndex((end) => end <= item.region.start + 1e-6);
      if (lane < 0) lane = rowEnds.length;
      rowEnds[lane] = item.region.end;
      if (lane !== item.lane) {
        item.lane = lane;
        item.label.style.transform = lane > 0 ? `translateY(${lane * LABEL_ROW_PX}px)` : '';
      }
    }
  };

  const writeDrag = (current: Drag) => {
    current.unsaved = false;
    current.lastWrite = performance.now();
    const { entry, side, base, target, originalStart } = current;
    if (side === 'start') commands.updateGesture(() => setTurnStart(base, entry, target.start));
    else if (side === 'end') commands.updateGesture(() => setTurnEnd(base, entry, target.end));
    else commands.updateGesture(() => moveTurn(base, entry, target.start - originalStart));
  };

  /** Moves the dragged region to its snapped target now; writes the store when it is due (or `final`). */
  const applyDrag = (final: boolean) => {
    const current = drag;
    if (!current || current.cancelled) return;
    if (current.pending) {
      current.pending = false;
      const snap = status.snapping !== altHeld ? pauses : null;
      current.target = dragTarget(current.side, current.rawStart, current.rawEnd, snap, reach);
      const item = shown.get(current.entry);
      if (item) {
        item.region.setOptions({ start: current.target.start, end: current.target.end });
        decorate(item);
        current.shownStart = item.region.start;
        current.shownEnd = item.region.end;
      }
      current.unsaved = true;
    }
    if (current.unsaved && (final || performance.now() - current.lastWrite >= DRAG_WRITE_MS)) writeDrag(current);
  };

  const runFrame = () => {
    frame = 0;
    inFrame = true;
    try {
      applyDrag(false);
      do {
        rerun = false;
        reconcile();
      } while (rerun);
    } finally {
      inFrame = false;
    }
    // A write held back by the rate limit goes out on a later frame even if the pointer stops.
    if (drag?.unsaved && !drag.cancelled) schedule();
  };

  /** At most one reconcile per animation frame, however many events asked for it. */
  const schedule = () => {
    if (inFrame) {
      rerun = true;
      return;
    }
    if (!frame) frame = requestAnimationFrame(runFrame);
  };

  const endDrag = () => {
    if (!drag) return;
    const finished = drag;
    if (!finished.cancelled) {
      applyDrag(true);
      commands.endGesture();
    }
    drag = null;
    schedule();
  };

  const cancelDrag = () => {
    if (!drag || drag.cancelled) return;
    drag.cancelled = true;
    commands.cancelGesture();
    schedule();
  };

  const onRegionUpdate = (region: Region, side?: 'start' | 'end') => {
    const entry = entryOf.get(region);
    if (entry === undefined) return;
    if (!drag) {
      const item = shown.get(entry);
      if (!item) return;
      // The plugin has already moved the region by the first step; start from where we had put it.
      drag = {
        entry,
        side: side ?? 'move',
        base: store.getState().transcript,
        originalStart: item.start,
        rawStart: item.start,
        rawEnd: item.end,
        shownStart: item.start,
        shownEnd: item.end,
        target: { start: item.start, end: item.end },
        pending: false,
        unsaved: false,
        lastWrite: 0,
        cancelled: false,
      };
      commands.beginGesture();
      store.getState().select(entry, side === 'end' ? 'end' : 'start');
    }
    if (drag.entry !== entry) return;
    if (drag.cancelled) {
      // Escape was pressed: the region stays where the transcript says until the pointer is released.
      const item = shown.get(entry);
      if (item) {
        region.setOptions({ start: item.start, end: item.end });
        decorate(item);
      }
      return;
    }
    drag.rawStart += region.start - drag.shownStart;
    drag.rawEnd += region.end - drag.shownEnd;
    drag.shownStart = region.start;
    drag.shownEnd = region.end;
    drag.pending = true;
    schedule();
  };

  /** A selection made elsewhere (the list, the keyboard) brings its region into view. */
  const revealSelection = (state: AppState) => {
    const entry = state.transcript.entries[state.selectedEntry];
    if (!entry || entry.kind !== 'speech' || drag) return;
    const start = turnStart(entry);
    const view = visibleWindow();
    if (start === undefined || !view) return;
    const end = turnEnd(entry) ?? start;
    if (end >= view.from && start <= view.to) return;
    const span = view.to - view.from;
    wavesurfer.setScrollTime(Math.max(0, start - span * 0.2));
  };

  const activate = () => {
    if (plugin) return;
    plugin = wavesurfer.registerPlugin(RegionsPlugin.create());
    const onKey = (event: KeyboardEvent) => {
      altHeld = event.altKey;
      if (event.type === 'keydown' && event.key === 'Escape' && drag && !drag.cancelled) {
        event.preventDefault();
        event.stopPropagation();
        cancelDrag();
      }
    };
    const onPointer = (event: PointerEvent) => {
      altHeld = event.altKey;
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('pointermove', onPointer, true);
    const regions = plugin;
    active = [
      regions.on('region-update', onRegionUpdate),
      regions.on('region-updated', (region) => {
        if (drag && entryOf.get(region) === drag.entry) endDrag();
      }),
      regions.on('region-clicked', (region) => {
        const entry = entryOf.get(region);
        if (entry !== undefined && store.getState().selectedEntry !== entry) store.getState().select(entry);
      }),
      wavesurfer.on('scroll', schedule),
      wavesurfer.on('zoom', schedule),
      wavesurfer.on('redraw', schedule),
      wavesurfer.on('resize', schedule),
      wavesurfer.on('ready', () => {
        analysePauses();
        schedule();
      }),
      wavesurfer.on('load', () => {
        cancelDrag();
        drag = null;
        clearShown();
        analysis?.abort();
        analysis = null;
        pauses = null;
        pausesFor = null;
        setStatus({ pauses: { state: 'idle' } });
      }),
      () => {
        window.removeEventListener('keydown', onKey, true);
        window.removeEventListener('keyup', onKey, true);
        window.removeEventListener('pointerdown', onPointer, true);
        window.removeEventListener('pointermove', onPointer, true);
      },
    ];
    analysePauses();
    schedule();
  };

  const deactivate = () => {
    if (!plugin) return;
    cancelDrag();
    drag = null;
    active.forEach((unsubscribe) => unsubscribe());
    active = [];
    shown.clear();
    // Destroying the plugin removes its regions and their listeners.
    plugin.destroy();
    plugin = null;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    setStatus({ inView: 0, drawn: true });
  };

  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.mode !== previous.mode) {
      if (state.mode === 'edit') activate();
      else deactivate();
    }
    if (!plugin) return;
    if (state.selectedEntry !== previous.selectedEntry && !drag) revealSelection(state);
    if (state.transcript !== previous.transcript || state.timeIndex !== previous.timeIndex || state.selectedEntry !== previous.selectedEntry) {
      schedule();
    }
  });
  if (store.getState().mode === 'edit') activate();

  return {
    status: () => status,
    setSnapping(on) {
      setStatus({ snapping: on });
    },
    on: emitter.on,
    destroy() {
      unsubscribeStore();
      deactivate();
      analysis?.abort();
      emitter.clear();
    },
  };
}

/** An open-ended turn lasts until the next timed turn starts (or the audio ends). */
function nextStartAfter(index: TimeIndex, start: number, duration: number): number {
  const i = lastAtOrBefore(index.starts, start);
  for (let j = i + 1; j < index.starts.length; j++) if (index.starts[j]! > start) return index.starts[j]!;
  return duration;
}
