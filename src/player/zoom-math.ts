import type { Transcript } from '../transcript/model.ts';
import { turnEnd, turnStart } from '../transcript/time-index.ts';

/** Zoom step for buttons and keys. */
export const ZOOM_STEP = 1.5;
/** 8 kHz decoded audio has 8 samples per pixel here; closer shows nothing new. */
export const MAX_PX_PER_SEC = 1000;
/**
 * Widest view in editor mode. Wavesurfer draws from every decoded sample in
 * and around the view (about 60 ns a sample), so a zoom step showing ten
 * minutes of 8 kHz audio blocks for over a second; the minimap is the overview.
 */
export const MAX_EDIT_SPAN_SECONDS = 300;
/** Wheel delta (pixels) that doubles or halves the zoom. */
export const WHEEL_PIXELS_PER_DOUBLING = 300;
/** On entering editor mode a typical turn gets at least this many pixels. */
export const TURN_PIXELS = 110;

/** What the zoom maths needs to know about the waveform on screen. */
export interface ZoomFrame {
  /** Width of the visible waveform in pixels. */
  width: number;
  /** Length of the audio in seconds. */
  duration: number;
  /** Editor mode caps the widest view at {@link MAX_EDIT_SPAN_SECONDS}. */
  editing: boolean;
}

/** The zoom level (px/s) at which the whole file fits the width; 0 without audio. */
export function fitLevel(frame: ZoomFrame): number {
  return frame.duration > 0 && frame.width > 0 ? frame.width / frame.duration : 0;
}

/** The widest zoom allowed: the whole file, or in editor mode at most {@link MAX_EDIT_SPAN_SECONDS} across. */
export function minLevel(frame: ZoomFrame): number {
  return Math.max(fitLevel(frame), frame.editing ? frame.width / MAX_EDIT_SPAN_SECONDS : 0);
}

/** `pxPerSec` kept between {@link minLevel} and {@link MAX_PX_PER_SEC}. */
export function clampLevel(pxPerSec: number, frame: ZoomFrame): number {
  return Math.min(MAX_PX_PER_SEC, Math.max(minLevel(frame), pxPerSec));
}

/** True when a zoom to `target` would change nothing worth a re-render (within 0.1%). */
export function isSameLevel(target: number, current: number): boolean {
  return Math.abs(target - current) <= current * 0.001;
}

/** The scroll offset (px) that keeps `anchorTime` at `anchorX` pixels from the left edge at `pxPerSec`. */
export function scrollForAnchor(anchorTime: number, anchorX: number, pxPerSec: number): number {
  return Math.max(0, anchorTime * pxPerSec - anchorX);
}

/** What a zoom step keeps in place: the playhead when it is on screen, else the centre of the view. */
export function zoomAnchor(playhead: number, pxPerSec: number, scroll: number, width: number): { time: number; x: number } {
  const playheadX = playhead * pxPerSec - scroll;
  if (playheadX >= 0 && playheadX <= width) return { time: playhead, x: playheadX };
  return { time: (scroll + width / 2) / pxPerSec, x: width / 2 };
}

/** Pixels scrolled by one wheel event, whatever unit the device reports it in. */
export function wheelPixels(deltaY: number, deltaMode: number, pageWidth: number): number {
  // WheelEvent.DOM_DELTA_LINE = 1, DOM_DELTA_PAGE = 2.
  const unit = deltaMode === 1 ? 16 : deltaMode === 2 ? pageWidth : 1;
  return deltaY * unit;
}

/** Zoom factor for summed wheel pixels: scrolling up (negative) zooms in, {@link WHEEL_PIXELS_PER_DOUBLING} doubles. */
export function wheelFactor(pixels: number): number {
  return 2 ** (-pixels / WHEEL_PIXELS_PER_DOUBLING);
}

/** `view` the fraction of the waveform on screen: where the minimap's box goes (0–1 each). */
export function visibleFraction(scroll: number, width: number, total: number): { left: number; width: number } {
  if (total <= 0) return { left: 0, width: 1 };
  const left = Math.min(1, Math.max(0, scroll / total));
  return { left, width: Math.min(1 - left, width / total) };
}

/**
 * The zoom level at which a typical (median) turn of `transcript` is
 * `turnPixels` wide; 0 when nothing is timed. Used to pick a useful view on
 * entering editor mode instead of the whole three-hour file.
 */
export function comfortableZoom(transcript: Transcript, turnPixels = TURN_PIXELS): number {
  const lengths: number[] = [];
  for (const entry of transcript.entries) {
    if (entry.kind !== 'speech') continue;
    const start = turnStart(entry);
    const end = turnEnd(entry);
    if (start !== undefined && end !== undefined && end > start) lengths.push(end - start);
  }
  if (lengths.length === 0) return 0;
  lengths.sort((a, b) => a - b);
  const median = lengths[lengths.length >> 1]!;
  return turnPixels / Math.max(median, 0.5);
}
