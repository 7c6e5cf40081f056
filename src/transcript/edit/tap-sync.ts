import type { Entry, SpeechTurn, Transcript } from '../model.ts';
import { speakerName } from '../model.ts';
import { formatPrecise } from '../format-time.ts';
import { moveTurn } from './move-turn.ts';
import { patchEntry } from './patch-entry.ts';
import { spliceEntries } from './splice-entries.ts';
import { setTurnEnd, setTurnStart } from './set-turn-time.ts';

/** The shortest turn a tap may leave behind (seconds). */
export const MIN_TAP_TURN_SECONDS = 0.1;

/**
 * The most neighbours one tap may push. A few is a late or early tap among
 * estimated turns; hundreds means the tap is nowhere near its turn (and each
 * push copies the transcript's entries).
 */
export const MAX_PUSHED_TURNS = 50;

export type TapResult =
  | { ok: true; transcript: Transcript }
  /** Nothing changed; `reason` is a sentence for the user. */
  | { ok: false; reason: string };

/**
 * The tap cursor: the selected speech turn; with none selected, the first
 * speech turn that has no start yet (the one after the last tapped turn when
 * the user taps through an untimed transcript). -1 when there is none.
 */
export function tapCursor(transcript: Transcript, selectedEntry: number): number {
  if (transcript.entries[selectedEntry]?.kind === 'speech') return selectedEntry;
  return transcript.entries.findIndex((entry) => entry.kind === 'speech' && entry.start === undefined);
}

/**
 * Times set by hand or given by the file are anchors a tap never moves;
 * aligned, estimated and untimed turns may be pushed along.
 */
function isAnchored(entry: Entry): boolean {
  return entry.timing === 'manual' || entry.timing === 'file' || (entry.timing === undefined && entry.start !== undefined);
}

function speechIndices(transcript: Transcript): number[] {
  const indices: number[] = [];
  transcript.entries.forEach((entry, i) => {
    if (entry.kind === 'speech') indices.push(i);
  });
  return indices;
}

/** `turn 3 (Ann Arbor)`: the speech turn's position as the list counts it. */
function turnName(transcript: Transcript, entryIndex: number): string {
  const position = speechIndices(transcript).indexOf(entryIndex) + 1;
  const entry = transcript.entries[entryIndex] as SpeechTurn;
  const name = speakerName(transcript, entry.speakerId);
  return `turn ${position}${name ? ` (${name})` : ''}`;
}

const clock = (seconds: number) => formatPrecise(seconds);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Moves a neighbour as a whole, keeping the timing source it had: being pushed is not being set by hand. */
function push(transcript: Transcript, entryIndex: number, delta: number): Transcript {
  const before = transcript.entries[entryIndex]!;
  const moved = moveTurn(transcript, entryIndex, delta);
  if (moved === transcript) return transcript;
  const entry = moved.entries[entryIndex]!;
  const restored = before.timing === undefined ? patchEntry(entry, { timing: 'estimated' }) : patchEntry(entry, { timing: before.timing });
  return spliceEntries(moved, entryIndex, 1, restored);
}

/**
 * Tap-to-sync: the user presses Enter as the cursor turn begins. The cursor
 * turn starts at `time`; the timed turn before it ends there when it is still
 * open or runs past `time`. The result never holds a zero-length, inverted or
 * overlapping turn around the tap: aligned, estimated or untimed neighbours
 * are pushed along (keeping their length), and a tap that would have to move
 * times from the file or set by hand is refused with a sentence saying why.
 */
export function tapSync(transcript: Transcript, entryIndex: number, time: number, minLength = MIN_TAP_TURN_SECONDS): TapResult {
  const cursor = transcript.entries[entryIndex];
  if (cursor?.kind !== 'speech') return { ok: false, reason: 'Select a speech turn to tap.' };
  if (!Number.isFinite(time) || time < 0) return { ok: false, reason: 'The playhead is not at a time yet: load audio first.' };
  const speech = speechIndices(transcript);
  const at = speech.indexOf(entryIndex);
  const tapped = turnName(transcript, entryIndex);
  let result = transcript;
  let pushes = 0;
  const tooMany = (): TapResult => ({
    ok: false,
    reason: `A tap at ${clock(time)} would move more than ${MAX_PUSHED_TURNS} other turns to make room for ${tapped}: select the turn being spoken, or move the playhead to where ${tapped} begins.`,
  });

  // The cursor turn itself: it starts at the tap, its end stays if it is still ahead.
  let cursorEnd = cursor.end;
  if (cursor.end !== undefined && cursor.end < time + minLength) {
    if (isAnchored(cursor)) {
      return {
        ok: false,
        reason: `${capitalised(tapped)} ends at ${clock(cursor.end)}, before the playhead (${clock(time)}): a tap would leave it no length. Select the turn being spoken, or set this turn's end first (]).`,
      };
    }
    // Not anchored: the whole turn moves to the tap, keeping its length and its words' spacing.
    const shift = time - (cursor.start ?? cursor.end);
    result = push(result, entryIndex, shift);
    cursorEnd = result.entries[entryIndex]!.end;
  }
  result = setTurnStart(result, entryIndex, time);

  // Backwards: the nearest earlier timed turn ends at the tap; turns pushed back make room in turn.
  let limit = time;
  let nearest = true;
  for (let k = at - 1; k >= 0; k--) {
    const index = speech[k]!;
    const entry = result.entries[index]!;
    if (entry.start === undefined) continue;
    // The nearest one is closed when open; earlier ones only have to end by the limit (an open
    // one needs room for its minimum length before it).
    const runsPast = entry.end === undefined ? nearest || entry.start + minLength > limit : entry.end > limit;
    nearest = false;
    if (!runsPast) break;
    if (entry.start <= limit - minLength) {
      result = setTurnEnd(result, index, limit);
      break;
    }
    if (isAnchored(entry)) {
      return {
        ok: false,
        reason: `${capitalised(turnName(transcript, index))} starts at ${clock(entry.start)}, too close to the playhead (${clock(time)}) for ${tapped} to start there. Play on past it, or select ${turnName(transcript, index)} to tap it again.`,
      };
    }
    const length = entry.end !== undefined ? Math.max(entry.end - entry.start, minLength) : minLength;
    if (limit - length < 0) return { ok: false, reason: `There is no room before ${clock(time)} for the turns before ${tapped}.` };
    if (++pushes > MAX_PUSHED_TURNS) return tooMany();
    result = push(result, index, limit - length - entry.start);
    const pushed = result.entries[index]!;
    result = spliceEntries(result, index, 1, patchEntry(pushed, { end: limit }));
    limit = pushed.start!;
  }

  // Forwards: later timed turns must start after the cursor turn ends (only if the tap moved that end).
  if (cursor.end !== undefined && cursorEnd === cursor.end) return { ok: true, transcript: result };
  let reach = cursorEnd ?? time + minLength;
  for (let k = at + 1; k < speech.length; k++) {
    const index = speech[k]!;
    const entry = result.entries[index]!;
    if (entry.start === undefined) continue;
    if (entry.start >= reach) break;
    if (isAnchored(entry)) {
      return {
        ok: false,
        reason: `${capitalised(tapped)} would run into ${turnName(transcript, index)}, which starts at ${clock(entry.start)}. Select the turn being spoken, or move ${turnName(transcript, index)} first.`,
      };
    }
    if (++pushes > MAX_PUSHED_TURNS) return tooMany();
    result = push(result, index, reach - entry.start);
    reach = result.entries[index]!.end ?? reach + minLength;
  }
  return { ok: true, transcript: result };
}
