import type { TimeIndex } from '../transcript/time-index.ts';

/** What the region of one speech turn shows. */
export interface RegionTurn {
  /** The turn's identity: the same object while edits leave the turn alone (its region then stays as drawn). */
  key: object;
  /** The turn's entry index in the transcript: what events report. */
  entry: number;
  start: number;
  end: number;
  label: string;
  /** Hue (0–360) of the speaker's colour; negative for none. */
  hue: number;
}

/** What the editor wants on the waveform: the turns (windowed here by time) and the highlights. */
export interface RegionSource {
  /** The transcript's time index: the player draws only turns near the view. */
  index: TimeIndex;
  /** The region of speech turn `turn` (position among speech turns), or null for an untimed turn. */
  region(turn: number): RegionTurn | null;
  selectedEntry: number;
  /** The tap cursor's entry, marked on its region; -1 for none. */
  cursorEntry: number;
}

export type DragSide = 'start' | 'end' | 'move';

/** A region under the pointer, where the pointer would put it (not snapped, not clamped). */
export interface RegionDrag {
  entry: number;
  side: DragSide;
  start: number;
  end: number;
  /** Alt was held at the last pointer event. */
  alt: boolean;
}

export interface TurnRegionsStatus {
  /** Timed turns near the visible part of the waveform. */
  inView: number;
  /** False when more turns are in view than can be drawn: zoom in to edit them. */
  drawn: boolean;
}

export type TurnRegionsEvents = {
  /** Anything in {@link TurnRegionsStatus} changed. */
  status: [status: TurnRegionsStatus];
  /** The pointer grabbed a region's edge or body and moved it for the first time. */
  'drag-start': [drag: RegionDrag];
  /** The pointer moved a grabbed region further. */
  'drag-move': [drag: RegionDrag];
  /** The pointer let go (not sent after {@link TurnRegions.cancelDrag}). */
  'drag-end': [drag: RegionDrag];
  /** A region was clicked at `time` (seconds). */
  'region-click': [entry: number, time: number];
};
