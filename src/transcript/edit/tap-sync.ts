import type { Transcript } from '../model.ts';
import { setTurnEnd, setTurnStart } from './set-turn-time.ts';

/**
 * Tap-to-sync: while the audio plays, the user taps as each turn begins.
 * Sets that entry's start to `time` (manual) and closes the previous speech
 * turn at `time` when its end is unset or runs past the tap. A previous turn
 * that starts after the tap (a tap out of order) is left alone rather than
 * squashed; validateTiming reports the overlap. Events in between are untouched.
 */
export function tapSync(transcript: Transcript, entryIndex: number, time: number): Transcript {
  if (transcript.entries[entryIndex] === undefined || !Number.isFinite(time)) return transcript;
  const tapped = setTurnStart(transcript, entryIndex, time);
  const start = tapped.entries[entryIndex]?.start ?? time;
  for (let i = entryIndex - 1; i >= 0; i--) {
    const previous = tapped.entries[i];
    if (previous?.kind !== 'speech') continue;
    const closes = (previous.end === undefined || previous.end > start) && (previous.start === undefined || previous.start <= start);
    return closes ? setTurnEnd(tapped, i, start) : tapped;
  }
  return tapped;
}
