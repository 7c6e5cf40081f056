import { snapToPause, type Pause } from '../align/find-pauses.ts';
import type { Transcript } from '../transcript/model.ts';
import { setTurnEnd, setTurnStart } from '../transcript/edit/set-turn-time.ts';
import { moveTurn } from '../transcript/edit/move-turn.ts';
import type { DragSide, RegionDrag } from '../player/region-events.ts';

/**
 * How often a drag writes the store. Every write re-derives the store's time
 * index and re-renders the list (about 10 ms for 3,000 turns), so the region
 * follows the pointer every frame while the list catches up 20 times a second.
 */
export const DRAG_WRITE_MS = 50;
/** How far an edge jumps to a pause, in seconds. */
export const SNAP_SECONDS = 0.15;
/** A dragged edge stops this short of the other edge: a drag never makes a turn empty or backwards. */
export const MIN_DRAG_SECONDS = 0.05;

export interface Span {
  start: number;
  end: number;
}

/** What the reducer reads besides the event; passed in so it stays pure. */
export interface DragContext {
  /** Pauses of the current audio, or null while they are being found. */
  pauses: readonly Pause[] | null;
  /** The snap setting (Alt inverts it for as long as it is held). */
  snapping: boolean;
  reach: number;
  /** Length of the audio; 0 when unknown (no upper clamp). */
  duration: number;
  /** Milliseconds, any monotonic origin. */
  now: number;
}

export interface DragState {
  entry: number;
  side: DragSide;
  /** The turn when the drag began; a move shifts it by target.start − original.start. */
  original: Span;
  /** Where the pointer has the region. */
  raw: Span;
  alt: boolean;
  /** Where the turn lands: snapped and clamped. */
  target: Span;
  /** The target last written to the gesture; null before the first write. */
  written: Span | null;
  lastWrite: number;
}

export type DragEvent =
  | { type: 'start'; drag: RegionDrag }
  | { type: 'move'; drag: RegionDrag }
  /** Alt pressed or released without the pointer moving. */
  | { type: 'alt'; alt: boolean }
  /** A held-back write is due. */
  | { type: 'tick' }
  | { type: 'end'; drag: RegionDrag }
  | { type: 'cancel' };

/** What the caller must do, in this order: begin, place, write, finish. */
export interface DragStep {
  state: DragState | null;
  /** Open one undo step for the gesture and select the turn (its dragged edge for nudging). */
  begin?: { entry: number; edge: 'start' | 'end' };
  /** Draw the dragged region here now. */
  place?: { entry: number } & Span;
  /** Show this in the store (inside the gesture, no history). */
  write?: DragWrite;
  /** Close the gesture: one undo step, or back to where it began. */
  finish?: 'commit' | 'cancel';
  /** A write was held back by the rate limit: send `tick` after this many ms. */
  retryInMs?: number;
}

export interface DragWrite {
  entry: number;
  side: DragSide;
  target: Span;
  original: Span;
}

/**
 * Where a dragged turn lands before clamping. With `pauses` given, a dragged
 * edge snaps to a pause within `reach`, and a moved turn shifts by whichever
 * of its two edges' snaps is smaller.
 */
export function dragTarget(side: DragSide, raw: Span, pauses: readonly Pause[] | null, reach = SNAP_SECONDS): Span {
  if (!pauses || pauses.length === 0) return { start: raw.start, end: raw.end };
  if (side === 'start') return { start: snapToPause(raw.start, pauses, reach), end: raw.end };
  if (side === 'end') return { start: raw.start, end: snapToPause(raw.end, pauses, reach) };
  const byStart = snapToPause(raw.start, pauses, reach) - raw.start;
  const byEnd = snapToPause(raw.end, pauses, reach) - raw.end;
  let shift = byStart !== 0 ? byStart : byEnd;
  if (byStart !== 0 && byEnd !== 0 && Math.abs(byEnd) < Math.abs(byStart)) shift = byEnd;
  return { start: raw.start + shift, end: raw.end + shift };
}

/**
 * Keeps a target inside the audio and the turn at least {@link MIN_DRAG_SECONDS}
 * long: an edge stops short of the other edge, a moved turn keeps its length
 * and stops at either end of the audio.
 */
export function clampTarget(side: DragSide, target: Span, duration: number): Span {
  const limit = duration > 0 ? duration : Number.POSITIVE_INFINITY;
  if (side === 'start') return { start: Math.min(Math.max(0, target.start), target.end - MIN_DRAG_SECONDS), end: target.end };
  if (side === 'end') return { start: target.start, end: Math.max(Math.min(limit, target.end), target.start + MIN_DRAG_SECONDS) };
  const length = target.end - target.start;
  const start = Math.min(Math.max(0, target.start), Math.max(0, limit - length));
  return { start, end: start + length };
}

/** The transcript a write describes, always computed from the transcript the drag began with. */
export function applyDragWrite(base: Transcript, write: DragWrite): Transcript {
  if (write.side === 'start') return setTurnStart(base, write.entry, write.target.start);
  if (write.side === 'end') return setTurnEnd(base, write.entry, write.target.end);
  return moveTurn(base, write.entry, write.target.start - write.original.start);
}

const sameSpan = (a: Span | null, b: Span) => a !== null && a.start === b.start && a.end === b.end;

function retarget(state: DragState, context: DragContext): DragState {
  const snap = context.snapping !== state.alt ? context.pauses : null;
  const target = clampTarget(state.side, dragTarget(state.side, state.raw, snap, context.reach), context.duration);
  return { ...state, target };
}

/** Writes when due (or `force`), else asks to be called again when it will be. */
function flush(state: DragState, context: DragContext, force: boolean): DragStep {
  if (sameSpan(state.written, state.target)) return { state };
  const waited = context.now - state.lastWrite;
  if (!force && waited < DRAG_WRITE_MS) return { state, retryInMs: DRAG_WRITE_MS - waited };
  const write: DragWrite = { entry: state.entry, side: state.side, target: state.target, original: state.original };
  return { state: { ...state, written: state.target, lastWrite: context.now }, write };
}

/**
 * The editor's half of a drag on the waveform: pointer reports in, decisions
 * out (where the region goes, what the store shows, when the undo step opens
 * and closes). Pure; the caller applies the step.
 */
export function reduceDrag(state: DragState | null, event: DragEvent, context: DragContext): DragStep {
  switch (event.type) {
    case 'start': {
      if (state) return { state };
      const { drag } = event;
      const original = { start: drag.start, end: drag.end };
      const started: DragState = { entry: drag.entry, side: drag.side, original, raw: original, alt: drag.alt, target: original, written: null, lastWrite: -Infinity };
      return { state: started, begin: { entry: drag.entry, edge: drag.side === 'end' ? 'end' : 'start' } };
    }
    case 'move':
    case 'end': {
      if (!state || event.drag.entry !== state.entry) return { state };
      const moved = retarget({ ...state, raw: { start: event.drag.start, end: event.drag.end }, alt: event.drag.alt }, context);
      const step = flush(moved, context, event.type === 'end');
      const place = { entry: moved.entry, ...moved.target };
      if (event.type === 'end') return { ...step, state: null, place, finish: 'commit' };
      return { ...step, place };
    }
    case 'alt': {
      if (!state || state.alt === event.alt) return { state };
      const moved = retarget({ ...state, alt: event.alt }, context);
      return { ...flush(moved, context, false), place: { entry: moved.entry, ...moved.target } };
    }
    case 'tick':
      return state ? flush(state, context, false) : { state };
    case 'cancel':
      return state ? { state: null, finish: 'cancel' } : { state };
  }
}
