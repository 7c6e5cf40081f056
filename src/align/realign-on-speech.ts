import type { AlignToken } from './align-tokens.ts';
import { type SpeechIsland, firstEndingAfter, speechWithin } from './speech-islands.ts';
import type { TokenSegment, WindowDecoder } from './window-decoder.ts';

/**
 * A first word stretched over this long with less than MIN_SPEECH_SHARE of
 * speech under it sits on music or noise. (Short first words the detector
 * hears no speech under are usually quiet voices it starts late: moving
 * those made them 0.2 s late.)
 */
const MIN_STRETCH = 0.7;
const MIN_SPEECH_SHARE = 0.35;
/** A turn's first word starting less than this after the previous turn's last word is glued to it. */
const GLUED = 0.1;
/** ...and only when that moves the start by at least this much. */
const MIN_SHIFT = 0.15;
/**
 * The window opens this long before the speech onset: the detector starts a
 * quiet or reverberant voice up to ~0.4 s late; the garbage word at the
 * window's start takes what is not the turn.
 */
const LEAD = 0.4;
/** ...and closes this long after the turn's last word, never past the next turn's first word. */
const TAIL = 0.6;

/**
 * A turn whose first word the decoder put on non-speech — a music sting
 * before the turn, the end of an ad — is decoded again in a window that opens
 * at the next speech onset, so its first word starts where speech starts and
 * the words after it move with it. The new segments are kept when every word
 * fits. `placed` is edited in place; returns how many turns moved.
 */
export function realignTurnsOnSpeech(
  windows: WindowDecoder,
  samples: Float32Array,
  tokens: readonly AlignToken[],
  placed: Map<number, TokenSegment>,
  islands: readonly SpeechIsland[],
): number {
  const order = [...placed.keys()].sort((a, b) => a - b);
  let moved = 0;
  for (let k = 0; k < order.length; k++) {
    const index = order[k] as number;
    const token = tokens[index] as AlignToken;
    if (!token.turnStart) continue;
    const first = placed.get(index) as TokenSegment;
    const length = Math.max(1e-3, first.end - first.start);
    const turn: number[] = [];
    for (let j = k; j < order.length && (j === k || !(tokens[order[j] as number] as AlignToken).turnStart); j++) turn.push(order[j] as number);
    const stretched = length >= MIN_STRETCH && speechWithin(islands, first.start, first.end) / length < MIN_SPEECH_SHARE;
    // The first word glued to the end of the previous turn, a pause, then the rest of its turn:
    // the short word was taken by the previous speaker's decay (French FLEURS: "le" 1.7 s early).
    const previous = k > 0 ? placed.get(order[k - 1] as number) : undefined;
    const second = turn.length > 1 ? placed.get(turn[1] as number) : undefined;
    const glued = previous !== undefined && second !== undefined && first.start - previous.end < GLUED && second.start - first.end >= MIN_STRETCH;
    if (!stretched && !glued) continue;
    const last = placed.get(turn.at(-1) as number) as TokenSegment;
    let next = firstEndingAfter(islands, first.start);
    while (next < islands.length && (islands[next] as SpeechIsland).start < first.start + MIN_SHIFT) next += 1;
    const onset = islands[next];
    if (!onset || onset.start < first.start + MIN_SHIFT || onset.start >= last.end) continue;
    const nextIndex = order[k + turn.length];
    const nextStart = nextIndex === undefined ? Infinity : (placed.get(nextIndex) as TokenSegment).start;
    const to = Math.min(nextStart, last.end + TAIL, samples.length / 16000);
    const segments = windows.decode(samples, onset.start - LEAD, to, tokens, turn);
    if (!segments) continue;
    for (const item of turn) placed.set(item, segments.get(item) as TokenSegment);
    moved += 1;
  }
  return moved;
}
