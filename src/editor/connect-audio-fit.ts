import type { AppStore } from '../store/app-store.ts';
import type { Transcript } from '../transcript/model.ts';
import { formatClock } from '../transcript/format-time.ts';
import { packedTurnSummary } from '../transcript/packed-transcript.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import type { Player } from '../player/player.ts';

/** The transcript's span and the audio's duration may differ by this share before we say so. */
export const FIT_TOLERANCE = 0.1;

/** `4:19`; under ten seconds `0.6 s`, where a clock would say 0:00. */
const length = (seconds: number) => (seconds < 10 ? `${Number(seconds.toFixed(1))} s` : formatClock(seconds));

/** Entries and words one step of `latestInSteps` reads, about (a few milliseconds). */
const STEP_ITEMS = 5_000;

/**
 * The latest time in a transcript (turn, event or word), and how many speech turns start
 * after `duration`, about STEP_ITEMS entries and words per `next()`.
 */
function* latestInSteps(transcript: Transcript, duration: number): Generator<void, { last: number; after: number }, void> {
  let last = 0;
  let after = 0;
  let budget = STEP_ITEMS;
  for (const entry of transcript.entries) {
    if (budget <= 0) {
      yield;
      budget = STEP_ITEMS;
    }
    budget -= 1;
    if (entry.start !== undefined && entry.start > last) last = entry.start;
    if (entry.end !== undefined && entry.end > last) last = entry.end;
    if (entry.kind === 'speech') {
      // A huge file's unread turn: its words' latest end without building them.
      const summary = packedTurnSummary(entry);
      if (summary) {
        if (summary.maxWordEnd > last) last = summary.maxWordEnd;
      } else {
        for (const word of entry.words) if (word.end !== undefined && word.end > last) last = word.end;
        budget -= entry.words.length;
      }
      if (entry.start !== undefined && entry.start >= duration) after++;
    }
  }
  return { last, after };
}

function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A warning, in words, when a transcript's times do not fit the audio: they
 * run past its end, or the transcript covers less than 90% of it. Null when
 * they fit, when the transcript has no times, or the duration is unknown.
 */
export function audioFitWarning(transcript: Transcript, transcriptName: string, audioName: string, duration: number): string | null {
  if (!(duration > 0)) return null;
  return fitWarning(runToEnd(latestInSteps(transcript, duration)), transcriptName, audioName, duration);
}

function fitWarning({ last, after }: { last: number; after: number }, transcriptName: string, audioName: string, duration: number): string | null {
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
  let stepTimer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const { transcript, transcriptName, audioName, audioKey } = store.getState();
    const duration = Math.min(player.duration(), readable);
    // Once per pairing: a cut-short file's readable length arriving later does not warn twice.
    const key = `${audioKey}\n${transcriptName}`;
    if (!(duration > 0) || transcript.entries.length === 0 || key === checked) return;
    checked = key;
    // A long transcript is read a step per task (a 200,000-cue file is 200,000 entries), so opening it never waits on this check.
    const steps = latestInSteps(transcript, duration);
    const run = () => {
      if (checked !== key) return;
      const step = steps.next();
      if (!step.done) {
        stepTimer = setTimeout(run, 0);
        return;
      }
      const warning = fitWarning(step.value, transcriptName, audioName, duration);
      if (warning) store.getState().notify('warning', warning);
    };
    // Not even the first step in the store write that opened the transcript: that task draws its first rows.
    stepTimer = setTimeout(run, 0);
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
  return () => {
    clearTimeout(stepTimer);
    checked = '';
    subscriptions.forEach((unsubscribe) => unsubscribe());
  };
}
