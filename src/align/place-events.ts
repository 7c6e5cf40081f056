/**
 * Stage directions — `(SOUNDBITE OF MUSIC)`, `(DOOR CLOSING)` — are not
 * speech, so the decoder never sees them. Once the speech around them is
 * aligned, each untimed event goes into the gap between the turn before it
 * and the turn after it, onto the sound in that gap: the gap often also holds
 * pauses, and sometimes untranscribed audio (a station break before the
 * music the transcript mentions), so the sounding stretch nearest the
 * following turn is taken. Pure: entries and frame energies in, entries out.
 */
import type { Entry, EventEntry } from '../transcript/model.ts';
import { FRAME_SECONDS, type LocalLevels, levelAt } from './frame-energy.ts';

/** Quiet stretches shorter than this do not split a sound (a drum pattern, a gust). */
const BRIDGE_FRAMES = 20;
/** Sounds shorter than this are clicks, not the event. */
const MIN_SOUND_FRAMES = 10;
/** Gaps shorter than this have no room for an event. */
const MIN_GAP = 0.2;

interface Sound {
  from: number;
  to: number;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Sounding stretches (frame ranges) between two times, short pauses bridged. */
export function soundsBetween(energies: Float32Array, levels: LocalLevels, start: number, end: number): Sound[] {
  const sounds: Sound[] = [];
  const first = Math.max(0, Math.ceil(start / FRAME_SECONDS));
  const last = Math.min(energies.length, Math.floor(end / FRAME_SECONDS));
  let current: Sound | null = null;
  for (let f = first; f < last; f++) {
    if ((energies[f] as number) < levelAt(levels.pause, f)) continue;
    if (current && f - current.to <= BRIDGE_FRAMES) current.to = f + 1;
    else {
      if (current) sounds.push(current);
      current = { from: f, to: f + 1 };
    }
  }
  if (current) sounds.push(current);
  return sounds.filter((sound) => sound.to - sound.from >= MIN_SOUND_FRAMES);
}

/**
 * Times for untimed events: consecutive events in one gap take the last
 * sounds of that gap in order (`aligned`); without a sound of their own they
 * share the gap evenly (`estimated`). Events with times keep them; a gap too
 * short leaves the event untimed for the caller's estimate.
 */
export function placeEvents(entries: readonly Entry[], energies: Float32Array, levels: LocalLevels): Entry[] {
  const result = [...entries];
  const duration = energies.length * FRAME_SECONDS;
  let i = 0;
  while (i < result.length) {
    const entry = result[i] as Entry;
    if (entry.kind !== 'event' || (entry.start !== undefined && entry.end !== undefined)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < result.length && (result[j] as Entry).kind === 'event') j += 1;
    const gapStart = result.slice(0, i).findLast((item) => item.end !== undefined)?.end ?? 0;
    const gapEnd = result.slice(j).find((item) => item.start !== undefined)?.start ?? duration;
    const count = j - i;
    if (gapEnd - gapStart >= MIN_GAP) {
      const sounds = soundsBetween(energies, levels, gapStart, gapEnd).slice(-count);
      for (let k = 0; k < count; k++) {
        const event = result[i + k] as EventEntry;
        if (event.start !== undefined && event.end !== undefined) continue;
        const sound = sounds.length === count ? sounds[k] : undefined;
        result[i + k] = sound
          ? { ...event, start: round3(sound.from * FRAME_SECONDS), end: round3(sound.to * FRAME_SECONDS), timing: 'aligned' }
          : {
              ...event,
              start: round3(gapStart + ((gapEnd - gapStart) * k) / count),
              end: round3(gapStart + ((gapEnd - gapStart) * (k + 1)) / count),
              timing: 'estimated',
            };
      }
    }
    i = j;
  }
  return result;
}
