import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import { formatClock } from '../transcript/format-time.ts';
import { createEmitter, type Unsubscribe } from './emitter.ts';
import type { Player } from './player.ts';
import { labelLanes, matchRegions, turnsInWindow } from './region-layout.ts';
import type { DragSide, RegionDrag, RegionSource, RegionTurn, TurnRegionsEvents, TurnRegionsStatus } from './region-events.ts';

export interface TurnRegions {
  /** Shows these turns (editor mode), or nothing with `null`. */
  show(source: RegionSource | null): void;
  /** Puts the dragged region at `start`–`end` (the editor's decision) instead of where the pointer is. */
  place(entry: number, start: number, end: number): void;
  /** Ignores the rest of the current drag; the region goes back to where the source says. */
  cancelDrag(): void;
  status(): TurnRegionsStatus;
  /** The part of the audio on screen, in seconds. */
  visibleWindow(): { from: number; to: number } | null;
  /** Scrolls `start`–`end` into view when it is off screen (not during a drag). */
  reveal(start: number, end: number): void;
  on<E extends keyof TurnRegionsEvents>(event: E, listener: (...args: TurnRegionsEvents[E]) => void): Unsubscribe;
  destroy(): void;
}

const DEFAULT_MAX_REGIONS = 250;
/** Height of a label row (waveform.css: 15 px line + 2 px padding + gap). */
const LABEL_ROW_PX = 19;

interface Shown {
  region: Region;
  label: HTMLElement;
  /** The turn's identity ({@link RegionTurn.key}) and entry index as last drawn. */
  key: object;
  entry: number;
  /** Label row: 0 at the top; overlapping turns (people talking at once) get the next free row. */
  lane: number;
  turn: number;
  item: RegionTurn;
  selected: boolean;
  cursor: boolean;
}

interface Drag {
  entry: number;
  side: DragSide;
  /** Where the pointer would have the region. */
  rawStart: number;
  rawEnd: number;
  /** Where the region was last put; the plugin's next move is relative to it. */
  shownStart: number;
  shownEnd: number;
  cancelled: boolean;
}

/**
 * Turn regions on the waveform for editor mode: every timed speech turn near
 * the visible part is a region labelled and coloured by speaker, drawn from a
 * {@link RegionSource}. The module only reports what the pointer does (typed
 * events with the proposed times); the editor decides what that changes and
 * tells it where the dragged region goes ({@link TurnRegions.place}).
 * Regions are left out of the accessibility tree: the turn list is the
 * keyboard path to the same edits. (A little over 300 lines: reconciling the
 * drawn regions with the source and following the pointer share the `shown`
 * map and the drag, and splitting them would pass both around.)
 */
export function installTurnRegions(player: Player, options: { maxRegions?: number } = {}): TurnRegions {
  const wavesurfer = player.wavesurfer;
  const emitter = createEmitter<TurnRegionsEvents>();
  const maxRegions = options.maxRegions ?? DEFAULT_MAX_REGIONS;
  let status: TurnRegionsStatus = { inView: 0, drawn: true };
  const setStatus = (next: TurnRegionsStatus) => {
    if (next.inView === status.inView && next.drawn === status.drawn) return;
    status = next;
    emitter.emit('status', status);
  };
  const visibleWindow = () => {
    if (!wavesurfer) return null;
    const duration = wavesurfer.getDuration();
    const total = wavesurfer.getWrapper().scrollWidth;
    if (!duration || !total) return null;
    const scroll = wavesurfer.getScroll();
    return { from: (scroll / total) * duration, to: ((scroll + wavesurfer.getWidth()) / total) * duration };
  };
  /**
   * The window as last known: set by the player's scroll reports, measured again only
   * after a zoom, resize or redraw, so reconciling after an edit reads no layout.
   */
  let knownWindow: { from: number; to: number } | null = null;
  const currentWindow = () => (knownWindow ??= visibleWindow());
  if (!wavesurfer) {
    const noop = () => undefined;
    return { show: noop, place: noop, cancelDrag: noop, status: () => status, visibleWindow, reveal: noop, on: emitter.on, destroy: () => emitter.clear() };
  }

  let source: RegionSource | null = null;
  let plugin: ReturnType<typeof RegionsPlugin.create> | null = null;
  let active: Unsubscribe[] = [];
  /** The drawn regions, in no particular order. */
  let shown: Shown[] = [];
  const shownOf = new WeakMap<Region, Shown>();
  let drag: Drag | null = null;
  let alt = false;
  let frame = 0;
  const shownAt = (entry: number) => shown.find((item) => item.entry === entry);

  const decorate = (item: Shown) => {
    const element = item.region.element;
    if (!element) return;
    const { hue } = item.item;
    // The plugin rewrites `part` on every position change; these names are what waveform.css styles.
    element.setAttribute(
      'part',
      `region turn-region${item.selected ? ' turn-region--selected' : ''}${item.cursor ? ' turn-region--tap-cursor' : ''}${hue < 0 ? ' turn-region--unlabelled' : ''}`,
    );
    element.style.setProperty('--turn-hue', String(hue < 0 ? 220 : hue));
    element.style.zIndex = item.selected ? '3' : '';
    item.label.setAttribute('part', `turn-label${item.selected ? ' turn-label--selected' : ''}`);
  };

  const describe = (item: RegionTurn) => `${item.label}, ${formatClock(item.start)}–${formatClock(item.end)}`;

  const removeAll = () => {
    for (const item of shown) item.region.remove();
    shown = [];
  };

  const create = (activePlugin: NonNullable<typeof plugin>, item: RegionTurn, turn: number, selected: boolean, cursor: boolean): Shown => {
    // The label is the region's own child, not the plugin's `content`: the plugin stacks
    // contents by measuring every earlier one (a layout read per region, after every drag);
    // lanes below place labels instead.
    const slot = document.createElement('div');
    slot.style.height = '0';
    const label = document.createElement('div');
    label.textContent = item.label;
    slot.append(label);
    const region = activePlugin.addRegion({ id: `turn-${item.entry}`, start: item.start, end: item.end, color: 'var(--turn-fill)', drag: true, resize: true });
    const created: Shown = { region, label, key: item.key, entry: item.entry, lane: 0, turn, item, selected, cursor };
    shownOf.set(region, created);
    if (region.element) {
      region.element.append(slot);
      region.element.dataset.entryIndex = String(item.entry);
      region.element.dataset.turn = String(turn);
      region.element.title = describe(item);
      region.element.setAttribute('aria-hidden', 'true');
    }
    decorate(created);
    return created;
  };

  /** Brings a drawn region up to date with the source; touches the DOM only where something differs. */
  const update = (existing: Shown, item: RegionTurn, turn: number, selected: boolean, cursor: boolean) => {
    let changed = false;
    // The dragged region shows where the editor placed it, which may be ahead of the source.
    const dragging = drag !== null && !drag.cancelled && drag.entry === item.entry;
    if (!dragging && (existing.item.start !== item.start || existing.item.end !== item.end)) {
      existing.region.setOptions({ start: item.start, end: item.end });
      changed = true;
    }
    const element = existing.region.element;
    if (existing.entry !== item.entry) {
      existing.entry = item.entry;
      if (element) element.dataset.entryIndex = String(item.entry);
    }
    if (existing.turn !== turn) {
      existing.turn = turn;
      if (element) element.dataset.turn = String(turn);
    }
    existing.key = item.key;
    if (existing.item.label !== item.label) {
      existing.label.textContent = item.label;
      changed = true;
    }
    if (existing.item.hue !== item.hue || existing.selected !== selected || existing.cursor !== cursor) changed = true;
    existing.item = item;
    existing.selected = selected;
    existing.cursor = cursor;
    if (changed) {
      decorate(existing);
      if (element) element.title = describe(item);
    }
  };

  /**
   * Makes the regions match the source and the visible window. A region follows its
   * turn object across edits (see matchRegions), so after an edit only the regions of
   * the turns it changed are moved or redrawn; the window is the one last reported.
   */
  const reconcile = () => {
    frame = 0;
    if (!plugin || !source) return;
    const view = currentWindow();
    if (!view) return;
    const duration = wavesurfer.getDuration();
    const span = view.to - view.from;
    const turns = turnsInWindow(source.index, view.from - span / 2, view.to + span / 2);
    const drawn = turns.length <= maxRegions;
    const wantedTurns = drawn ? turns : [];
    if (drag && !drag.cancelled) {
      const draggedTurn = source.index.turnEntry.indexOf(drag.entry);
      if (draggedTurn >= 0 && !wantedTurns.includes(draggedTurn)) wantedTurns.push(draggedTurn);
    }
    const wanted: { item: RegionTurn; turn: number }[] = [];
    for (const turn of wantedTurns) {
      const found = source.region(turn);
      if (found) wanted.push({ item: { ...found, end: Math.min(duration, found.end) }, turn });
    }
    const { reuse, remove } = matchRegions(
      shown,
      wanted.map(({ item }) => item),
    );
    for (const i of remove) shown[i]!.region.remove();
    const next: Shown[] = [];
    wanted.forEach(({ item, turn }, w) => {
      const selected = item.entry === source!.selectedEntry;
      const cursor = item.entry === source!.cursorEntry;
      const existing = reuse[w]! >= 0 ? shown[reuse[w]!]! : null;
      if (existing) update(existing, item, turn, selected, cursor);
      next.push(existing ?? create(plugin!, item, turn, selected, cursor));
    });
    shown = next;
    placeLabels();
    setStatus({ inView: turns.length, drawn });
  };

  /** Overlapping turns (people talking at once) put their labels on lower rows. */
  const placeLabels = () => {
    const items = [...shown].sort((a, b) => a.region.start - b.region.start);
    const lanes = labelLanes(items.map((item) => item.region));
    items.forEach((item, i) => {
      const lane = lanes[i]!;
      if (lane === item.lane) return;
      item.lane = lane;
      item.label.style.transform = lane > 0 ? `translateY(${lane * LABEL_ROW_PX}px)` : '';
    });
  };

  /** At most one reconcile per animation frame, however many events asked for it. */
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(reconcile);
  };
  const remeasure = () => {
    knownWindow = null;
    schedule();
  };

  const report = (current: Drag): RegionDrag => ({ entry: current.entry, side: current.side, start: current.rawStart, end: current.rawEnd, alt });

  const onRegionUpdate = (region: Region, side?: 'start' | 'end') => {
    const item = shownOf.get(region);
    if (!item) return;
    const entry = item.entry;
    if (!drag) {
      // The plugin has already moved the region by the first step; start from where we had put it.
      drag = { entry, side: side ?? 'move', rawStart: item.item.start, rawEnd: item.item.end, shownStart: item.item.start, shownEnd: item.item.end, cancelled: false };
      emitter.emit('drag-start', report(drag));
    }
    if (drag.entry !== entry) return;
    if (drag.cancelled) {
      // Escape was pressed: the region stays where the source says until the pointer is released.
      region.setOptions({ start: item.item.start, end: item.item.end });
      decorate(item);
      return;
    }
    drag.rawStart += region.start - drag.shownStart;
    drag.rawEnd += region.end - drag.shownEnd;
    drag.shownStart = region.start;
    drag.shownEnd = region.end;
    emitter.emit('drag-move', report(drag));
  };

  const onRegionUpdated = (region: Region) => {
    if (!drag || shownOf.get(region)?.entry !== drag.entry) return;
    const finished = drag;
    drag = null;
    if (!finished.cancelled) emitter.emit('drag-end', report(finished));
    schedule();
  };

  const onPointer = (event: PointerEvent) => {
    alt = event.altKey;
  };

  const activate = () => {
    if (plugin) return;
    plugin = wavesurfer.registerPlugin(RegionsPlugin.create());
    const regions = plugin;
    // The pointer's modifiers reach us with its own events, wherever it is during a drag.
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('pointermove', onPointer, true);
    active = [
      () => {
        document.removeEventListener('pointerdown', onPointer, true);
        document.removeEventListener('pointermove', onPointer, true);
      },
      regions.on('region-update', onRegionUpdate),
      regions.on('region-updated', onRegionUpdated),
      regions.on('region-clicked', (region, event) => {
        const entry = shownOf.get(region)?.entry;
        if (entry === undefined) return;
        const bounds = region.element?.getBoundingClientRect();
        const time = bounds && bounds.width > 0 ? region.start + ((event.clientX - bounds.left) / bounds.width) * (region.end - region.start) : region.start;
        emitter.emit('region-click', entry, time);
      }),
      wavesurfer.on('scroll', (from, to) => {
        knownWindow = to > from ? { from, to } : null;
        schedule();
      }),
      wavesurfer.on('zoom', remeasure),
      wavesurfer.on('redraw', remeasure),
      wavesurfer.on('resize', remeasure),
      wavesurfer.on('ready', remeasure),
      wavesurfer.on('load', () => {
        drag = null;
        knownWindow = null;
        removeAll();
      }),
    ];
    schedule();
  };

  const deactivate = () => {
    if (!plugin) return;
    drag = null;
    active.forEach((unsubscribe) => unsubscribe());
    active = [];
    shown = [];
    knownWindow = null;
    // Destroying the plugin removes its regions and their listeners.
    plugin.destroy();
    plugin = null;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    setStatus({ inView: 0, drawn: true });
  };

  return {
    show(next) {
      source = next;
      if (!next) {
        deactivate();
        return;
      }
      activate();
      schedule();
    },
    place(entry, start, end) {
      const item = shownAt(entry);
      if (!item || !drag || drag.entry !== entry || drag.cancelled) return;
      item.region.setOptions({ start, end });
      decorate(item);
      drag.shownStart = item.region.start;
      drag.shownEnd = item.region.end;
    },
    cancelDrag() {
      if (!drag || drag.cancelled) return;
      drag.cancelled = true;
      const item = shownAt(drag.entry);
      if (item) {
        item.region.setOptions({ start: item.item.start, end: item.item.end });
        decorate(item);
      }
      schedule();
    },
    status: () => status,
    visibleWindow,
    reveal(start, end) {
      const view = currentWindow();
      if (drag || !view || (end >= view.from && start <= view.to)) return;
      wavesurfer.setScrollTime(Math.max(0, start - (view.to - view.from) * 0.2));
    },
    on: emitter.on,
    destroy() {
      deactivate();
      emitter.clear();
    },
  };
}
