import type { Entry, SpeechTurn, Transcript } from './model.ts';
import { packedTurnSummary } from './packed-transcript.ts';

export type TimingIssueKind = 'end-before-start' | 'overlap-prev' | 'overlap-next' | 'past-end' | 'word-outside-turn';

export interface TimingIssue {
  entryIndex: number;
  kind: TimingIssueKind;
  /** A sentence for the editor's issue list, naming the entry by its 1-based number. */
  message: string;
}

/** File formats round to the millisecond; differences below that are not issues. */
const TOLERANCE = 0.001;

/** `62.3` -> `1:02.300`: issues are often about fractions of a second, so milliseconds are shown. */
function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = (seconds - minutes * 60).toFixed(3).padStart(6, '0');
  return `${minutes}:${rest}`;
}

function label(entry: Entry, index: number): string {
  return `${entry.kind === 'speech' ? 'Turn' : 'Event'} ${index + 1}`;
}

interface WordsOutside {
  outside: number;
  /** The first such word and its time, as the message quotes it. */
  firstOutside: string | undefined;
}

/**
 * The per-word part of the check, by turn object. Edits are pure and keep every
 * untouched turn's identity, so after an edit only the turns it replaced are
 * walked word by word; the rest of the pass is a few comparisons per entry.
 */
const outsideByTurn = new WeakMap<SpeechTurn, WordsOutside>();

const NONE_OUTSIDE: WordsOutside = { outside: 0, firstOutside: undefined };

function wordsOutside(turn: SpeechTurn): WordsOutside {
  const { start, end } = turn;
  // A turn of a huge file whose words were never built: its summary bounds every word's
  // times, so only a turn with a word outside is walked (reading `words` builds them).
  // Ten million words were built in one task on entering editor mode before.
  const summary = packedTurnSummary(turn);
  if (summary && !(start !== undefined && summary.minWordEdge < start - TOLERANCE) && !(end !== undefined && summary.maxWordEdge > end + TOLERANCE)) return NONE_OUTSIDE;
  let found = outsideByTurn.get(turn);
  if (found) return found;
  let outside = 0;
  let firstOutside: string | undefined;
  for (const word of turn.words) {
    const wordStart = word.start ?? word.end;
    const wordEnd = word.end ?? word.start;
    if (wordStart === undefined || wordEnd === undefined) continue;
    const before = start !== undefined && wordStart < start - TOLERANCE;
    const after = end !== undefined && wordEnd > end + TOLERANCE;
    if (!before && !after) continue;
    outside++;
    firstOutside ??= `"${word.text}" at ${clock(wordStart)}`;
  }
  found = { outside, firstOutside };
  outsideByTurn.set(turn, found);
  return found;
}

/**
 * Timing problems an editor should show, in entry order, in one pass:
 * an end before its start, speech turns overlapping the previous timed turn
 * (reported on both turns as `overlap-prev` / `overlap-next`), times past the
 * audio's `duration` (when given), and words timed outside their turn.
 * Events may overlap speech (music under a voice is normal), so they are only
 * checked for order and duration. Untimed entries have no issues.
 * Incremental across edits: the word checks of a turn run once per turn object
 * (see `wordsOutside`), so validating after an edit costs the changed turns'
 * words plus a constant per entry, not every word of the transcript.
 */
export function validateTiming(transcript: Transcript, duration?: number): TimingIssue[] {
  const issues: TimingIssue[] = [];
  // overlap-next notes for earlier turns, in entry order (each turn gets at most one).
  const deferred: TimingIssue[] = [];
  let previousIndex = -1;
  let previousEdge: number | undefined;

  transcript.entries.forEach((entry, index) => {
    const { start, end } = entry;
    if (start !== undefined && end !== undefined && end < start) {
      issues.push({ entryIndex: index, kind: 'end-before-start', message: `${label(entry, index)} ends at ${clock(end)}, before it starts at ${clock(start)}.` });
    }
    const last = end ?? start;
    if (duration !== undefined && last !== undefined && Math.max(start ?? last, last) > duration + TOLERANCE) {
      issues.push({ entryIndex: index, kind: 'past-end', message: `${label(entry, index)} runs to ${clock(Math.max(start ?? last, last))}, past the end of the audio at ${clock(duration)}.` });
    }
    if (entry.kind !== 'speech') return;

    const first = start ?? end;
    if (first !== undefined && previousEdge !== undefined && first < previousEdge - TOLERANCE) {
      const previousName = `Turn ${previousIndex + 1}`;
      issues.push({ entryIndex: index, kind: 'overlap-prev', message: `${label(entry, index)} starts at ${clock(first)}, before ${previousName} ends at ${clock(previousEdge)}.` });
      deferred.push({ entryIndex: previousIndex, kind: 'overlap-next', message: `${previousName} ends at ${clock(previousEdge)}, after ${label(entry, index)} starts at ${clock(first)}.` });
    }
    if (last !== undefined) {
      previousIndex = index;
      previousEdge = last;
    }

    const { outside, firstOutside } = wordsOutside(entry);
    if (outside > 0) {
      const count = outside === 1 ? 'a word' : `${outside} words`;
      issues.push({ entryIndex: index, kind: 'word-outside-turn', message: `${label(entry, index)} has ${count} timed outside the turn (${firstOutside}).` });
    }
  });

  if (deferred.length === 0) return issues;
  // Both lists are in entry order, so merging them is linear.
  const merged: TimingIssue[] = [];
  let d = 0;
  for (const issue of issues) {
    while (d < deferred.length && (deferred[d]?.entryIndex ?? Infinity) <= issue.entryIndex) merged.push(deferred[d++] as TimingIssue);
    merged.push(issue);
  }
  while (d < deferred.length) merged.push(deferred[d++] as TimingIssue);
  return merged;
}
