import { useCallback, useLayoutEffect, useMemo, useRef, type MouseEvent, type ProfilerOnRenderCallback } from 'react';
import { defaultRangeExtractor, elementScroll, measureElement, useVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual';
import { useStoreApi, useAppStore } from './app-context.ts';
import { wordNearPoint } from './word-at-point.ts';
import type { Entry } from '../transcript/model.ts';
import { validateTiming } from '../transcript/validate-timing.ts';
import { usePlayer } from './player-context.ts';
import { useEditorCommands } from './editor-context.ts';
import { caretAfterWord } from '../editor/turn-commands.ts';
import { TurnRow } from './turn-row.tsx';
import { EventRow } from './event-row.tsx';
import { speakerHue } from './speaker-color.ts';
import { rowElement, useWordHighlight } from './use-word-highlight.ts';
import { useFollowActiveTurn, type LocateRow } from './use-follow-active-turn.ts';
import { useSelectionInView } from './use-selection-in-view.ts';
import { createScrollOwnership } from './scroll-ownership.ts';
import { rowRenderProbe } from './row-render-probe.ts';
import { estimateTurnHeight, estimateTurnHeightFromCounts, type RowMetrics } from './row-height-estimate.ts';
import { packedTurnSummary } from '../transcript/packed-transcript.ts';
import { useRowMetrics } from './use-row-metrics.ts';
import { useRowEstimates } from './use-row-estimates.ts';
import { nextEntryKeys, type EntryKeys } from './entry-keys.ts';
import { useRowsInBatches } from './use-rows-in-batches.ts';

export interface TranscriptViewProps {
  /** Measurement hook: when given, every row reports its own renders through a React Profiler (bench builds set one, see row-render-probe). */
  onRowRender?: ProfilerOnRenderCallback;
}

/**
 * Up to this many entries every row stays in the DOM (browser find, simple
 * tests, no scroll estimates); longer transcripts keep only the rows near the view.
 */
const RENDER_ALL_UP_TO = 250;

/** The rows to render: near the view, and for a short transcript also its first `upTo` (all, once the batches are done). */
function rowsToRender(range: Range, upTo: number): number[] {
  if (range.count > RENDER_ALL_UP_TO) return defaultRangeExtractor(range);
  const leading = Math.min(range.count, upTo);
  if (leading === range.count) return Array.from({ length: range.count }, (_, index) => index);
  const near = defaultRangeExtractor(range).filter((index) => index >= leading);
  return [...Array.from({ length: leading }, (_, index) => index), ...near];
}

/** Estimates per entry object: an edit replaces only the entries it changes, so the rest stay cached. */
const estimates = new WeakMap<RowMetrics, WeakMap<Entry, number>>();

/** A row's height before it is measured: wrapped from its text with measured font metrics (see row-height-estimate). */
function estimateRowHeight(entry: Entry | undefined, metrics: RowMetrics | null): number {
  if (!entry || entry.kind === 'event') return metrics?.eventHeight ?? 44;
  // A huge file's turn: from its counts, without building its words (O(1) a row, so 200,000 rows estimate in a few ms).
  const summary = packedTurnSummary(entry);
  if (summary) return estimateTurnHeightFromCounts(summary.wordCount, summary.chars, metrics);
  if (!metrics) return estimateTurnHeight(entry.words, null);
  let cache = estimates.get(metrics);
  if (!cache) estimates.set(metrics, (cache = new WeakMap()));
  let height = cache.get(entry);
  if (height === undefined) cache.set(entry, (height = estimateTurnHeight(entry.words, metrics)));
  return height;
}

/** The turn number of the speech turn at `entryIndex`: its place in `turnEntry` (ascending entry indices), -1 when absent. */
function turnOfEntryIndex(turnEntry: Int32Array, entryIndex: number): number {
  let low = 0;
  let high = turnEntry.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = turnEntry[middle]!;
    if (found === entryIndex) return middle;
    if (found < entryIndex) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

const HAS_RESIZE_OBSERVER = typeof ResizeObserver !== 'undefined';

/**
 * The read-along transcript: rows, click to play from a word, follow mode. Rows are
 * virtualized, so a 3-hour transcript keeps a few dozen rows in the DOM.
 */
export function TranscriptView({ onRowRender = rowRenderProbe }: TranscriptViewProps = {}) {
  const appStore = useStoreApi();
  const commands = useEditorCommands();
  const transcript = useAppStore((state) => state.transcript);
  const timeIndex = useAppStore((state) => state.timeIndex);
  const following = useAppStore((state) => state.following);
  const mode = useAppStore((state) => state.mode);
  const duration = useAppStore((state) => state.duration);
  const player = usePlayer();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const ownership = useMemo(() => createScrollOwnership(), []);
  const entries = transcript.entries;
  const metrics = useRowMetrics(listRef, entries, mode);
  // Rows are keyed by their entry object (see entry-keys), so after a split, merge or undo
  // every untouched row keeps its element and its measured size, wherever it now sits, and
  // an edited turn keeps its row and the focus in it. A new key function
  // is also what makes the virtualizer re-estimate the rows it has not measured when the
  // metrics arrive.
  // A new session numbers its rows afresh (matching 200,000 new entries against the old
  // ones cost tens of milliseconds on opening, and nothing carries over between files).
  const sessionId = useAppStore((state) => state.sessionId);
  // A short transcript's rows after the first screen's come a batch per task once it is painted.
  const rowsUpTo = useRowsInBatches(entries.length, sessionId, entries.length <= RENDER_ALL_UP_TO);
  const rangeExtractor = useCallback((range: Range) => rowsToRender(range, rowsUpTo), [rowsUpTo]);
  const keysRef = useRef<{ sessionId: number; keys: EntryKeys } | null>(null);
  const rowEstimates = useRowEstimates(entries, metrics, sessionId, estimateRowHeight);
  const getItemKey = useMemo(() => {
    void metrics;
    void rowEstimates.version;
    const previous = keysRef.current;
    const keys = nextEntryKeys(previous?.keys ?? null, entries, previous !== null && previous.sessionId !== sessionId);
    keysRef.current = { sessionId, keys };
    return (index: number) => keys.keyAt(index) ?? -1 - index;
  }, [metrics, rowEstimates.version, entries, sessionId]);

  // A huge transcript's real estimates replace the stand-in mean all at once, moving every
  // unmeasured row above the view: the row at the top of the view is kept where it is.
  const estimatesSeen = useRef(rowEstimates.version);
  const keepInView = useRef<{ index: number; offset: number } | null>(null);
  const previousRows = useRef<{ rows: readonly VirtualItem[]; scrollOffset: number } | null>(null);
  if (estimatesSeen.current !== rowEstimates.version) {
    estimatesSeen.current = rowEstimates.version;
    const before = previousRows.current;
    keepInView.current = before && before.scrollOffset > 0 ? topRow(before.rows, before.scrollOffset) : null;
  }

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: rowEstimates.estimateSize,
    getItemKey,
    // Row sizes come from the ResizeObserver, after the browser's own layout. The virtualizer
    // also measures each row as it mounts; reading offsetHeight there forces one layout per
    // row (tens of milliseconds on the first screen), so that reading keeps the current size.
    measureElement: (element, entry, instance) =>
      entry || !HAS_RESIZE_OBSERVER ? measureElement(element, entry, instance) : (instance.measurementsCache[Number(element.getAttribute('data-index'))]?.size ?? 0),
    overscan: 6,
    rangeExtractor,
    // Before the first measurement (and in tests without layout), assume a typical viewport.
    initialRect: { width: 800, height: 900 },
    // The virtualizer's own scroll corrections are not the user scrolling.
    scrollToFn: (offset, options, instance) => {
      ownership.claim(offset + (options.adjustments ?? 0), options.behavior === 'smooth');
      elementScroll(offset, options, instance);
    },
  });

  previousRows.current = { rows: virtualizer.measurementsCache, scrollOffset: virtualizer.scrollOffset ?? 0 };
  useLayoutEffect(() => {
    const kept = keepInView.current;
    keepInView.current = null;
    const row = kept ? virtualizer.measurementsCache[kept.index] : undefined;
    if (kept && row) virtualizer.scrollToOffset(row.start - kept.offset);
  }, [rowEstimates.version, virtualizer]);

  const currentTime = useCallback(() => player?.currentTime() ?? 0, [player]);
  const locateRow = useCallback<LocateRow>(
    (entryIndex) => {
      const scroller = scrollerRef.current;
      const list = listRef.current;
      if (!scroller || !list || entryIndex < 0) return undefined;
      const element = rowElement(list, entryIndex);
      if (element) {
        const box = element.getBoundingClientRect();
        return { top: box.top - scroller.getBoundingClientRect().top + scroller.scrollTop, height: box.height };
      }
      const item = virtualizer.measurementsCache[entryIndex];
      return item ? { top: list.offsetTop + item.start, height: item.size } : undefined;
    },
    [virtualizer],
  );
  // Brings a row into view only when it is not already; an app scroll, so it never pauses following.
  const scrollToEntry = useCallback(
    (entryIndex: number) => {
      const scroller = scrollerRef.current;
      const row = locateRow(entryIndex);
      if (!scroller || !row) return;
      const top = row.top - scroller.scrollTop;
      const visible = top >= 0 && top + Math.min(row.height, scroller.clientHeight * 0.5) <= scroller.clientHeight;
      if (visible) return;
      const target = Math.max(0, row.top - scroller.clientHeight * 0.2);
      ownership.claim(target, false);
      scroller.scrollTo({ top: target });
    },
    [locateRow, ownership],
  );

  const refreshWord = useWordHighlight(listRef);
  useFollowActiveTurn(scrollerRef, locateRow, ownership, currentTime);
  useSelectionInView(scrollToEntry);
  // Rows come and go as the view scrolls; re-mark the active word on every render.
  useLayoutEffect(() => refreshWord());

  // One linear pass; rows receive a string, so only rows whose issues changed re-render.
  const issues = useMemo(() => {
    const byEntry = new Map<number, string>();
    if (mode !== 'edit') return byEntry;
    for (const issue of validateTiming(transcript, duration > 0 ? duration : undefined)) {
      const previous = byEntry.get(issue.entryIndex);
      byEntry.set(issue.entryIndex, previous ? `${previous} ${issue.message}` : issue.message);
    }
    return byEntry;
  }, [transcript, duration, mode]);

  const speakers = useMemo(() => {
    const byId = new Map<string, { name: string; hue: number }>();
    transcript.speakers.forEach((speaker, index) => byId.set(speaker.id, { name: speaker.name, hue: speakerHue(index) }));
    return byId;
  }, [transcript.speakers]);

  // Only the rows drawn need their turn number: looked up in the index, not mapped for every entry.
  const turnEntry = timeIndex.turnEntry;

  // One delegated handler for every word and turn: no per-word listeners.
  // Read-along: a click plays from the word (or the turn's start). Editor mode: a click
  // selects the turn and moves the playhead there without starting playback, so that
  // clicking to pick a turn (or double-clicking to edit it) never sets the audio going.
  const onClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (!player || !(event.target instanceof Element)) return;
      if (window.getSelection()?.type === 'Range') return; // the user is selecting text to copy
      const editing = appStore.getState().mode === 'edit';
      if (editing) {
        const row = event.target.closest<HTMLElement>('[data-entry-index]');
        if (row) commands?.select(Number(row.dataset.entryIndex));
      }
      const target = event.target.closest<HTMLElement>('[data-seek], .word[data-start]') ?? wordAround(event.target, event.clientX, event.clientY);
      const seconds = Number(target?.dataset.seek ?? target?.dataset.start);
      if (!target || !Number.isFinite(seconds)) return;
      player.seek(seconds);
      if (!editing) player.play();
      appStore.getState().setFollowing(true);
    },
    [appStore, commands, player],
  );

  // Double-click on the text opens the text box with the caret after the word clicked.
  const onDoubleClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      if (!commands || !(event.target instanceof Element) || appStore.getState().mode !== 'edit') return;
      const text = event.target.closest('.turn__text');
      const row = event.target.closest<HTMLElement>('[data-entry-index]');
      if (!text || !row) return;
      const entryIndex = Number(row.dataset.entryIndex);
      const entry = appStore.getState().transcript.entries[entryIndex];
      const wordIndex = Number(event.target.closest<HTMLElement>('.word')?.dataset.wordIndex ?? -1);
      commands.openTextEditor(entryIndex, entry?.kind === 'speech' && wordIndex >= 0 ? caretAfterWord(entry.words, wordIndex) : undefined);
    },
    [appStore, commands],
  );

  const renderEntry = (entryIndex: number) => {
    const entry = entries[entryIndex];
    if (!entry) return null;
    if (entry.kind === 'event') return <EventRow entry={entry} entryIndex={entryIndex} />;
    const speaker = entry.speakerId !== null ? speakers.get(entry.speakerId) : undefined;
    const turnIndex = turnOfEntryIndex(turnEntry, entryIndex);
    return (
      <TurnRow
        turn={entry}
        turnIndex={turnIndex}
        entryIndex={entryIndex}
        speakerName={speaker?.name}
        hue={speaker?.hue ?? -1}
        issues={issues.get(entryIndex)}
        onRender={onRowRender}
      />
    );
  };

  return (
    <section className="transcript" aria-label="Transcript">
      <div className="transcript__scroller" ref={scrollerRef} tabIndex={-1} data-testid="transcript-scroller">
        {entries.length === 0 ? (
          <p className="transcript__empty">No transcript loaded. Open an audio file and a transcript, or drop them here.</p>
        ) : null}
        <div
          className="transcript__list"
          ref={listRef}
          // Space keeps play / pause on the turn buttons (see editor-keymap.ts MEDIA_SURFACE_ATTRIBUTE).
          data-media-surface=""
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              className="transcript__slot"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {renderEntry(item.index)}
            </div>
          ))}
        </div>
      </div>
      {following ? null : (
        <button type="button" className="back-to-current" onClick={() => appStore.getState().setFollowing(true)}>
          Back to current <kbd>F</kbd>
        </button>
      )}
    </section>
  );
}

/** For a click on a turn's text that hit no word (a space, past a line's end): the word it means, if any. */
function wordAround(target: Element, x: number, y: number): HTMLElement | null {
  const text = target.closest('.turn__text');
  if (!text) return null;
  const words = [...text.querySelectorAll<HTMLElement>('.word[data-start]')];
  return words[wordNearPoint(words.map((word) => word.getBoundingClientRect()), x, y)] ?? null;
}

/** The first row that reaches into the view, and how far its top is from the view's top (binary search). */
function topRow(rows: readonly VirtualItem[], scrollOffset: number): { index: number; offset: number } | null {
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle]!.end <= scrollOffset) low = middle + 1;
    else high = middle;
  }
  const row = rows[low];
  return row ? { index: row.index, offset: row.start - scrollOffset } : null;
}
