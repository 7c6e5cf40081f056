import type { Transcript } from '../model.ts';
import { setTurnEnd, setTurnStart } from './set-turn-time.ts';

/** Neighbouring boundaries closer than this are one shared boundary (file formats round to the millisecond). */
const SHARED_BOUNDARY = 0.0015;

/**
 * Moves one edge of an entry by `delta` seconds, the keyboard way of dragging
 * a boundary. The neighbour across that edge moves along when it shared the
 * boundary (touching turns stay touching) or when the nudge would make the two
 * overlap. Words are fitted as in setTurnStart/setTurnEnd. Returns
 * `transcript` itself when the edge has no time or the index is out of range.
 */
export function nudgeBoundary(transcript: Transcript, entryIndex: number, edge: 'start' | 'end', delta: number): Transcript {
  const entry = transcript.entries[entryIndex];
  if (entry === undefined || !Number.isFinite(delta) || delta === 0) return transcript;
  const current = edge === 'start' ? entry.start : entry.end;
  if (current === undefined) return transcript;
  const time = Math.max(0, current + delta);
  if (edge === 'start') {
    const previous = transcript.entries[entryIndex - 1];
    const follows = previous?.end !== undefined && (Math.abs(previous.end - current) < SHARED_BOUNDARY || previous.end > time);
    const moved = setTurnStart(transcript, entryIndex, time);
    return follows ? setTurnEnd(moved, entryIndex - 1, time) : moved;
  }
  const next = transcript.entries[entryIndex + 1];
  const follows = next?.start !== undefined && (Math.abs(next.start - current) < SHARED_BOUNDARY || next.start < time);
  const moved = setTurnEnd(transcript, entryIndex, time);
  return follows ? setTurnStart(moved, entryIndex + 1, time) : moved;
}
