/**
 * Word starts moved onto the sound. The decoder's frame-level Viterbi
 * boundaries are good inside running speech, but next to a pause it often
 * lets a word begin in the silence before it (a short word such as "The"
 * after a pause started 0.55 s early) or begin a few phones late. Where a
 * pause borders a word, the signal's energy says exactly where the sound
 * begins, so starts next to pauses are snapped to it.
 */
import { FRAME_SECONDS, type LocalLevels, levelAt } from './frame-energy.ts';

/**
 * Frame energies with their local levels. Several views are combined: a
 * frame counts as sound when any view says so. Plain energy catches vowels
 * and nasals; pre-emphasized energy catches an /s/ or /f/ that plain energy
 * loses in low-frequency noise.
 */
export interface EnergyView {
  energies: Float32Array;
  levels: LocalLevels;
}

export interface TimedSpan {
  start: number;
  end: number;
}

/** A start is only moved when it sits at least this many frames before the word's sound... */
const EVIDENCE_FRAMES = 8;
/** ...in a stretch that is mostly quiet (a click or breath may interrupt it). */
const QUIET_SHARE = 0.8;
/** Frames in a row that make a sound sustained rather than a blip. */
const SUSTAIN = 3;
/** Starts move at most this far. */
const MAX_MOVE = 0.6;
/** Leave at least this much of a word. */
const MIN_WORD = 0.03;

function loud(views: readonly EnergyView[], frame: number): boolean {
  return views.some(({ energies, levels }) => (energies[frame] ?? -120) >= levelAt(levels.pause, frame));
}

function rising(views: readonly EnergyView[], frame: number): boolean {
  return views.some(({ energies, levels }) => (energies[frame] ?? -120) >= levelAt(levels.onset, frame));
}

/** Walks back from a loud frame to the first frame of its onset ramp. */
function onsetOf(views: readonly EnergyView[], loudFrame: number, floorFrame: number): number {
  let f = loudFrame;
  while (f - 1 >= floorFrame && rising(views, f - 1)) f -= 1;
  return f;
}

function peak(views: readonly EnergyView[], from: number, to: number): number {
  const energies = (views[0] as EnergyView).energies;
  let max = -120;
  for (let f = Math.max(0, from); f < Math.min(energies.length, to); f++) max = Math.max(max, energies[f] as number);
  return max;
}

/**
 * Adjusts, in place, the starts of `spans` (in time order, not overlapping)
 * that lie inside a pause: such a start moves forward to where the next
 * sustained sound begins (its onset ramp included), when the stretch it skips
 * is mostly quiet. `fixed(i)` spans keep their start.
 *
 * Only this direction is corrected. Moving late starts back onto a sound
 * before them was tried and undone: at a change of noise floor (a noisy
 * segment spliced after a clean one) the noise itself looks like the onset.
 */
export function refineOnsets(spans: TimedSpan[], views: readonly EnergyView[], fixed: (index: number) => boolean = () => false): void {
  spans.forEach((span, i) => {
    if (fixed(i)) return;
    const first = Math.round(span.start / FRAME_SECONDS);
    const last = Math.floor((span.end - MIN_WORD) / FRAME_SECONDS);
    // The first sustained sound inside the word.
    let run = first;
    while (run + SUSTAIN - 1 < last) {
      let sustained = true;
      for (let k = 0; k < SUSTAIN; k++) if (!loud(views, run + k)) sustained = false;
      if (sustained) break;
      run += 1;
    }
    if (run + SUSTAIN - 1 >= last || run - first < EVIDENCE_FRAMES) return;
    let quiet = 0;
    for (let f = first; f < run; f++) if (!loud(views, f)) quiet += 1;
    if (quiet < QUIET_SHARE * (run - first)) return;
    const start = onsetOf(views, run, first) * FRAME_SECONDS;
    if (start > span.start && start - span.start <= MAX_MOVE) span.start = start;
  });
}

/** A sound run between words must last this many frames to be speech the decoder left out. */
const ORPHAN_FRAMES = 4;
/** ...and peak within this many dB of the neighbouring word's peak (quieter runs are noise). */
const ORPHAN_LEVEL = 12;
/** Frames after a word's end that still belong to its decay. */
const DECAY_FRAMES = 5;

/**
 * Speech the decoder left between words. A short first word of a turn
 * ("The") is sometimes put on the release of the previous speaker's last
 * word, with the real word taken for silence; or a turn's first word starts
 * after its first syllable. Either way a sustained sound, about as loud as the
 * words around it, lies in the pause between two words, owned by neither.
 * When the word after the pause starts a turn and the sound runs up to it,
 * that word starts at the sound; when the word before the pause starts a turn
 * and sits right against the previous word, it is moved onto the sound.
 * `turnStart(i)` tells whether span i is the first word of its turn.
 */
export function claimOrphanSounds(spans: TimedSpan[], turnStart: (index: number) => boolean, views: readonly EnergyView[]): void {
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1] as TimedSpan;
    const after = spans[i] as TimedSpan;
    const from = Math.ceil(before.end / FRAME_SECONDS) + DECAY_FRAMES;
    const to = Math.floor(after.start / FRAME_SECONDS);
    if (to - from < ORPHAN_FRAMES) continue;
    // The last sustained sound run in the gap.
    let runEnd = -1;
    let runStart = -1;
    for (let f = to - 1; f >= from; f--) {
      if (loud(views, f)) {
        if (runEnd < 0) runEnd = f + 1;
        runStart = f;
      } else if (runEnd >= 0) {
        if (runEnd - runStart >= ORPHAN_FRAMES) break;
        runEnd = -1;
      }
    }
    if (runEnd < 0 || runEnd - runStart < ORPHAN_FRAMES) continue;
    const onset = onsetOf(views, runStart, from);
    const level = peak(views, runStart, runEnd);
    if (turnStart(i) && to - runEnd <= 2) {
      // The turn's first word started late: its first sound is just before it.
      const neighbour = peak(views, to, to + 20);
      if (level >= neighbour - ORPHAN_LEVEL) after.start = onset * FRAME_SECONDS;
    } else if (turnStart(i - 1) && i >= 2 && before.start - (spans[i - 2] as TimedSpan).end < 0.05) {
      // The turn's first word sits on the previous word's tail; the sound in the pause is the word.
      const neighbour = peak(views, to, to + 20);
      if (level >= neighbour - ORPHAN_LEVEL && runEnd * FRAME_SECONDS - onset * FRAME_SECONDS >= 0.05) {
        before.start = onset * FRAME_SECONDS;
        before.end = Math.min(after.start, runEnd * FRAME_SECONDS);
      }
    }
  }
}
