import type { RegionEditing } from '../editor/connect-regions.ts';
import { useRegionsStatus } from './use-regions-status.ts';

/** Editor mode's key and gesture reminders, in the spare width of the playback row (hidden where it is narrow). */
export function EditorHints({ regions }: { regions: RegionEditing | null }) {
  const status = useRegionsStatus(regions);
  return (
    <p className="editor-hints">
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd> select · <kbd>F2</kbd> edit text · <kbd>Alt</kbd>+<kbd>←</kbd>
        <kbd>→</kbd> nudge
      </span>
      <span>
        Drag turns and edges · <kbd>Alt</kbd> {status.snapping ? 'no snap' : 'snap'} · <kbd>Esc</kbd> cancels
      </span>
    </p>
  );
}
