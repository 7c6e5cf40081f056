import type { RegionEditing, RegionEditingStatus } from '../editor/connect-regions.ts';
import { useRegionsStatus } from './use-regions-status.ts';
import { formatCount } from './format-count.ts';
import './waveform.css';

function pauseLabel(status: RegionEditingStatus): string {
  switch (status.pauses.state) {
    case 'analysing':
      return `finding pauses… ${Math.round(status.pauses.progress * 100)}%`;
    case 'ready':
      return status.pauses.count > 0 ? `${formatCount(status.pauses.count)} pauses` : 'no pauses found';
    case 'unavailable':
      return 'pauses unavailable';
    default:
      return '';
  }
}

/** Editor mode: whether dragged turn edges snap to the pauses found in the audio, and how many there are. */
export function SnapToggle({ regions }: { regions: RegionEditing | null }) {
  const status = useRegionsStatus(regions);
  const pauses = pauseLabel(status);
  return (
    <label className="waveform-toolbar__snap" title="Dragged edges jump to the nearest pause within 150 ms; hold Alt while dragging to do the opposite">
      <input type="checkbox" checked={status.snapping} onChange={(event) => regions?.setSnapping(event.target.checked)} />
      <span>
        Snap<span className="snap__long"> to pauses</span>
      </span>
      {pauses ? <span className="waveform-toolbar__muted">({pauses})</span> : null}
    </label>
  );
}
