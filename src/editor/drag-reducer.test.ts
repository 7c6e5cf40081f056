import { describe, expect, it } from 'vitest';
import type { Pause } from '../align/find-pauses.ts';
import type { RegionDrag } from '../player/region-events.ts';
import type { SpeechTurn } from '../transcript/model.ts';
import { timedTurn, transcriptOf } from '../transcript/edit/transcript-fixture.ts';
import { DRAG_WRITE_MS, MIN_DRAG_SECONDS, applyDragWrite, clampTarget, dragTarget, reduceDrag, type DragContext, type DragState } from './drag-reducer.ts';

const pauses: Pause[] = [
  [4.8, 5.0],
  [9.9, 10.4],
];

describe('dragTarget', () => {
  it('snaps the dragged edge only', () => {
    expect(dragTarget('start', { start: 5.1, end: 9 }, pauses)).toEqual({ start: 5.0, end: 9 });
    expect(dragTarget('end', { start: 5.1, end: 9.8 }, pauses)).toEqual({ start: 5.1, end: 9.9 });
  });

  it('leaves an edge alone with no pause in reach or snapping off', () => {
    expect(dragTarget('start', { start: 6, end: 9 }, pauses)).toEqual({ start: 6, end: 9 });
    expect(dragTarget('start', { start: 5.1, end: 9 }, null)).toEqual({ start: 5.1, end: 9 });
    expect(dragTarget('start', { start: 5.3, end: 9 }, pauses, 0.5)).toEqual({ start: 5, end: 9 });
  });

  it('moves a whole turn by the smaller of its edges’ snaps, keeping its length', () => {
    const byEnd = dragTarget('move', { start: 5.12, end: 10.0 }, pauses);
    expect(byEnd.start).toBeCloseTo(5.02, 10);
    expect(byEnd.end).toBeCloseTo(9.9, 10);
    const byStart = dragTarget('move', { start: 5.05, end: 7 }, pauses);
    expect(byStart.start).toBeCloseTo(5.0, 10);
    expect(byStart.end).toBeCloseTo(6.95, 10);
    expect(dragTarget('move', { start: 6, end: 8 }, pauses)).toEqual({ start: 6, end: 8 });
  });
});

describe('clampTarget', () => {
  it('never lets an edge cross the other one or leave the audio', () => {
    expect(clampTarget('start', { start: 9.5, end: 9 }, 60)).toEqual({ start: 9 - MIN_DRAG_SECONDS, end: 9 });
    expect(clampTarget('start', { start: -2, end: 9 }, 60)).toEqual({ start: 0, end: 9 });
    expect(clampTarget('end', { start: 5, end: 4 }, 60)).toEqual({ start: 5, end: 5 + MIN_DRAG_SECONDS });
    expect(clampTarget('end', { start: 5, end: 70 }, 60)).toEqual({ start: 5, end: 60 });
    // Unknown duration: no upper bound.
    expect(clampTarget('end', { start: 5, end: 70 }, 0)).toEqual({ start: 5, end: 70 });
  });

  it('stops a moved turn at either end of the audio, keeping its length', () => {
    expect(clampTarget('move', { start: -1, end: 2 }, 60)).toEqual({ start: 0, end: 3 });
    expect(clampTarget('move', { start: 58, end: 61 }, 60)).toEqual({ start: 57, end: 60 });
  });
});

describe('reduceDrag', () => {
  const context = (now: number, patch: Partial<DragContext> = {}): DragContext => ({ pauses, snapping: true, reach: 0.15, duration: 60, now, ...patch });
  const report = (side: RegionDrag['side'], start: number, end: number, alt = false): RegionDrag => ({ entry: 1, side, start, end, alt });

  /** Runs events in order and collects what the caller was told to do. */
  function run(events: [Parameters<typeof reduceDrag>[1], DragContext][]) {
    let state: DragState | null = null;
    const steps = events.map(([event, ctx]) => {
      const step = reduceDrag(state, event, ctx);
      state = step.state;
      return step;
    });
    return { steps, state: state as DragState | null };
  }

  it('opens one gesture, places the snapped region every move, writes at most every 50 ms, commits the final target', () => {
    const { steps, state } = run([
      [{ type: 'start', drag: report('start', 6, 9) }, context(0)],
      [{ type: 'move', drag: report('start', 5.5, 9) }, context(1)],
      [{ type: 'move', drag: report('start', 5.1, 9) }, context(20)],
      [{ type: 'tick' }, context(1 + DRAG_WRITE_MS)],
      [{ type: 'end', drag: report('start', 5.12, 9) }, context(60)],
    ]);
    expect(steps[0]).toMatchObject({ begin: { entry: 1, edge: 'start' } });
    expect(steps[1]).toMatchObject({ place: { entry: 1, start: 5.5, end: 9 }, write: { side: 'start', target: { start: 5.5, end: 9 } } });
    // 19 ms after the last write: the region follows (snapped to the pause at 5.0), the store waits.
    expect(steps[2]).toMatchObject({ place: { start: 5.0 }, retryInMs: DRAG_WRITE_MS - 19 });
    expect(steps[2]!.write).toBeUndefined();
    expect(steps[3]).toMatchObject({ write: { target: { start: 5.0, end: 9 } } });
    // The release snaps to the same place as already written: no write, one commit.
    expect(steps[4]).toMatchObject({ finish: 'commit', place: { start: 5.0 } });
    expect(steps[4]!.write).toBeUndefined();
    expect(state).toBeNull();
  });

  it('Alt inverts snapping, also when pressed without moving the pointer', () => {
    const { steps } = run([
      [{ type: 'start', drag: report('end', 5, 9) }, context(0)],
      [{ type: 'move', drag: report('end', 5, 9.8, true) }, context(100)],
      [{ type: 'alt', alt: false }, context(200)],
    ]);
    expect(steps[1]).toMatchObject({ place: { end: 9.8 } });
    expect(steps[2]).toMatchObject({ place: { end: 9.9 }, write: { target: { end: 9.9 } } });
    expect(steps[0]).toMatchObject({ begin: { edge: 'end' } });
  });

  it('clamps while dragging and cancels without a commit', () => {
    const { steps, state } = run([
      [{ type: 'start', drag: report('start', 6, 9) }, context(0)],
      [{ type: 'move', drag: report('start', 12, 9) }, context(100, { snapping: false })],
      [{ type: 'cancel' }, context(120)],
      [{ type: 'move', drag: report('start', 7, 9) }, context(130)],
    ]);
    expect(steps[1]).toMatchObject({ place: { start: 9 - MIN_DRAG_SECONDS, end: 9 } });
    expect(steps[2]).toEqual({ state: null, finish: 'cancel' });
    expect(steps[3]).toEqual({ state: null });
    expect(state).toBeNull();
  });

  it('ignores reports about another region and a second start', () => {
    const { steps } = run([
      [{ type: 'start', drag: report('move', 6, 9) }, context(0)],
      [{ type: 'start', drag: { ...report('move', 1, 2), entry: 3 } }, context(1)],
      [{ type: 'move', drag: { ...report('move', 1.5, 2.5), entry: 3 } }, context(2)],
    ]);
    expect(steps[1]!.begin).toBeUndefined();
    expect(steps[2]!.place).toBeUndefined();
    expect(steps[2]!.state?.entry).toBe(1);
  });
});

describe('applyDragWrite', () => {
  const base = transcriptOf(timedTurn('one two', 0), timedTurn('three four five', 2));

  it('always starts from the transcript the drag began with, so words clipped on the way come back', () => {
    const original = { start: 2, end: 3.4 };
    const squeezed = applyDragWrite(base, { entry: 1, side: 'end', target: { start: 2, end: 2.6 }, original });
    expect((squeezed.entries[1] as SpeechTurn).words.every((word) => (word.end ?? 0) <= 2.6)).toBe(true);
    const back = applyDragWrite(base, { entry: 1, side: 'end', target: { start: 2, end: 3.4 }, original });
    expect((back.entries[1] as SpeechTurn).words.map((word) => word.end)).toEqual((base.entries[1] as SpeechTurn).words.map((word) => word.end));
  });

  it('moves a whole turn by the target’s shift, and sets one edge for an edge drag', () => {
    const moved = applyDragWrite(base, { entry: 1, side: 'move', target: { start: 3, end: 4.4 }, original: { start: 2, end: 3.4 } });
    expect(moved.entries[1]?.start).toBe(3);
    expect(moved.entries[1]?.end).toBeCloseTo(4.4, 10);
    const started = applyDragWrite(base, { entry: 1, side: 'start', target: { start: 2.5, end: 3.4 }, original: { start: 2, end: 3.4 } });
    expect([started.entries[1]?.start, started.entries[1]?.end]).toEqual([2.5, 3.4]);
    expect(started.entries[0]).toBe(base.entries[0]);
  });
});
