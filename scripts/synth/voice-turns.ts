import { Timeline, type TimedTurn } from './timeline.ts';
import type { VoiceSpec } from './voice-spec.ts';
import type { MonoAudio } from './wav-file.ts';

export interface TurnToVoice {
  speakerVoice: VoiceSpec;
  /** Written tokens; the ground truth is kept per token exactly as written. */
  words: string[];
  /** Silence after this turn's last sound before the next turn's first sound, in seconds. */
  pauseAfter: number;
}

export interface VoicedTurns {
  audio: MonoAudio;
  turns: TimedTurn[];
}

export interface VoiceTurnsOptions {
  sampleRate?: number;
  /** Silence before the first word (default 0.5 s). */
  leadIn?: number;
  /** Silence after the last word (default 0.8 s). */
  tail?: number;
}

/** Voices a conversation into one mono signal with the exact start and end of every turn and word. */
export function voiceTurns(turns: readonly TurnToVoice[], options: VoiceTurnsOptions = {}): VoicedTurns {
  const timeline = new Timeline(options.sampleRate ?? 16000);
  let gap = options.leadIn ?? 0.5;
  const timed = turns.map((turn) => {
    const result = timeline.speak(turn.speakerVoice, turn.words, gap);
    gap = turn.pauseAfter;
    return result;
  });
  timeline.pad(options.tail ?? 0.8);
  return { audio: timeline.render(), turns: timed };
}
