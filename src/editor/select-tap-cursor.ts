import type { Transcript } from '../transcript/model.ts';
import { tapCursor } from '../transcript/edit/tap-sync.ts';

let memo: { transcript: Transcript | null; selectedEntry: number; cursor: number } = { transcript: null, selectedEntry: -2, cursor: -1 };

/**
 * The tap cursor of a store state, remembered for the last transcript and
 * selection: every turn row asks on every store change, and without a
 * selection the answer is a scan of the transcript.
 */
export function selectTapCursor(state: { transcript: Transcript; selectedEntry: number }): number {
  if (state.transcript !== memo.transcript || state.selectedEntry !== memo.selectedEntry) {
    memo = { transcript: state.transcript, selectedEntry: state.selectedEntry, cursor: tapCursor(state.transcript, state.selectedEntry) };
  }
  return memo.cursor;
}
