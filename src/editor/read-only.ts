import type { AppStore } from '../store/app-store.ts';
import type { ReadOnlyReason } from '../store/session-slice.ts';

const WHY: Record<ReadOnlyReason, string> = {
  elsewhere: 'This project is open in another tab, so this tab is read-only. Choose “Take over” to edit here.',
  'taken-over': 'Another tab took this project over, so this tab is read-only. Choose “Take over” to edit here again.',
  free: 'The tab that was editing this project has closed. Choose “Edit here” to edit in this tab.',
  conflict: 'Another tab saved this project, so this tab stopped saving. Choose “Take over” to load the newest version and edit here.',
};

/**
 * Called first by every command that would write: while the tab is read-only it
 * does nothing but say why, once per attempt, and returns true.
 */
export function refuseWhileReadOnly(store: AppStore): boolean {
  const reason = store.getState().readOnly;
  if (!reason) return false;
  store.getState().notify('info', WHY[reason]);
  return true;
}
