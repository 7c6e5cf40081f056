import type { AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { formatClock } from '../transcript/format-time.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import type { Player } from '../player/player.ts';

/** The transcript's span and the audio's duration may differ by this share before we say so. */
export const FIT_TOLERANCE = 0.1;

/** `4:19`; under ten seconds `0.6 s`, where a clock would say 0:00. */
const length = (seconds: number) => (seconds < 10 ? `${Number(seconds.toFixed(1))} s` : formatClock(seconds));

/** The latest time in a transcript (turn, event or word), and how many speech turns start after `duration`. */
function latest(transcript: Transcript, duration: number): { last: number; after: number } {
  let last = 0;
  let after = 0;
  for (const entry of transcript.entries) {
    for (const time of [entry.start, entry.end]) if (time !== undefined && time > last) last = time;
    if (entry.kind === 'speech') {
      for (const word of entry.words) if (word.end !== undefined && word.end > last) last = word.end;
      if (entry.start !== undefined && entry.start >= duration) after++;
    }
  }
  return { last, after };
}

/**
 * A warning, in words, when a transcript's times do not fit the audio: they
 * run past its end, or the transcript covers less than 90% of it. Null when
 * they fit, when the transcript has no times, or the duration is unknown.
 */
export function audioFitWarning(transcript: Transcript, transcriptName: string, audioName: string, duration: number): string | null {
  if (!(duration > 0)) return null;
  const { last, after } = latest(transcript, duration);
  if (last <= 0) return null;
  const transcriptLabel = transcriptName || 'The transcript';
  const audioLabel = audioName || 'the audio';
  // Half a second (or 1%) of slack: encoders pad, and the last word may end in the fade-out.
  if (last > duration + Math.max(0.5, duration * 0.01)) {
    const turns = after > 0 ? ` ${after === 1 ? 'One turn starts' : `${after} turns start`} after the audio ends.` : '';
    return `${transcriptLabel} has times up to ${formatClock(last)}, but ${audioLabel} is ${length(duration)} long.${turns} Is this the transcript of this recording?`;
  }
  if (last < duration * (1 - FIT_TOLERANCE)) {
    return `${transcriptLabel} covers ${formatClock(last)} of the ${formatClock(duration)} of ${audioLabel} (${Math.round((last / duration) * 100)}%): the rest has no transcript, or the transcript belongs to another recording.`;
  }
  return null;
}

/**
 * Checks each new pairing of audio and transcript once, when both are known,
 * against the audio that can actually be played (less than the stated length
 * when the file is cut short), and warns in the notices.
 */
export function connectAudioFit(player: Player, store: AppStore): Unsubscribe {
  let checked = '';
  let readable = Infinity;
  const check = () => {
    const { transcript, transcriptName, audioName, audioKey } = store.getState();
    const duration = Math.min(player.duration(), readable);
    // Once per pairing: a cut-short file's readable length arriving later does not warn twice.
    const key = `${audioKey}\n${transcriptName}`;
    if (!(duration > 0) || transcript.entries.length === 0 || key === checked) return;
    checked = key;
    const warning = audioFitWarning(transcript, transcriptName, audioName, duration);
    if (warning) store.getState().notify('warning', warning);
  };
  const subscriptions = [
    player.on('duration', () => {
      readable = Infinity;
      check();
    }),
    player.on('error', (fault) => {
      if (fault.reason !== 'truncated' || fault.readableSeconds === undefined) return;
      readable = fault.readableSeconds;
      check();
    }),
    // A new session (file names or audio change), not every edit.
    store.subscribe((state, previous) => {
      if (state.transcriptName !== previous.transcriptName || state.audioKey !== previous.audioKey) check();
    }),
  ];
  check();
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
