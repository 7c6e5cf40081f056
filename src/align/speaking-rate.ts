/**
 * How long a run of turns should take, learned as the alignment goes: each
 * speaker's seconds per syllable (pauses inside turns included), and the
 * pause between turns. Windows are sized from it, so a slow speaker after a
 * fast one does not get a window too short for his words (and a decode
 * thrown away), nor a fast one a window far too long (and time wasted).
 */

/** Before anything is measured: about 4 syllables a second with pauses. */
const INITIAL_SECONDS_PER_SYLLABLE = 0.25;
const INITIAL_TURN_GAP = 0.5;
const MIN_RATE = 0.1;
const MAX_RATE = 0.6;
/** Turns shorter than this many syllables say little about a rate. */
const MIN_SYLLABLES = 5;

export interface TurnSpan {
  /** Position of the turn in the transcript: a pause is learned only between neighbours. */
  entry: number;
  speaker: string | null;
  syllables: number;
  start: number;
  end: number;
}

export class SpeakingRates {
  private readonly bySpeaker = new Map<string, number>();
  private overall = INITIAL_SECONDS_PER_SYLLABLE;
  private turnGap = INITIAL_TURN_GAP;
  private previous: { entry: number; end: number } | undefined;

  /** Seconds per syllable measured for this speaker, or undefined before the speaker has been heard. */
  known(speaker: string | null): number | undefined {
    return speaker === null ? undefined : this.bySpeaker.get(speaker);
  }

  /** Seconds per syllable for a speaker (the overall rate until the speaker has been heard). */
  rate(speaker: string | null): number {
    return (speaker === null ? undefined : this.bySpeaker.get(speaker)) ?? this.overall;
  }

  /** Expected duration of turn pieces in order: syllables at each speaker's rate plus the pauses between turns. */
  expected(pieces: readonly { speaker: string | null; syllables: number }[]): number {
    return pieces.reduce((sum, piece, i) => sum + piece.syllables * this.rate(piece.speaker) + (i > 0 ? this.turnGap : 0), 0);
  }

  /** Learns from a turn that has been aligned from its first to its last word. */
  learn(turn: TurnSpan): void {
    // Only between adjacent turns: across a turn that was not learned (one split between two
    // windows, which happens at every window) the "pause" would include that turn's speech,
    // and the windows grew by a third (measured on the 30-minute benchmark).
    const previous = this.previous;
    if (previous !== undefined && previous.entry === turn.entry - 1 && turn.start >= previous.end) {
      this.turnGap = 0.7 * this.turnGap + 0.3 * Math.min(3, turn.start - previous.end);
    }
    this.previous = { entry: turn.entry, end: turn.end };
    if (turn.syllables < MIN_SYLLABLES) return;
    const measured = Math.min(MAX_RATE, Math.max(MIN_RATE, (turn.end - turn.start) / turn.syllables));
    this.overall = 0.8 * this.overall + 0.2 * measured;
    if (turn.speaker === null) return;
    const known = this.bySpeaker.get(turn.speaker);
    this.bySpeaker.set(turn.speaker, known === undefined ? measured : 0.5 * known + 0.5 * measured);
  }
}
