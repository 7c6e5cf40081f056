import { useCallback, useSyncExternalStore } from 'react';
import type { RegionEditing, RegionEditingStatus } from '../editor/connect-regions.ts';

const NO_STATUS: RegionEditingStatus = { inView: 0, drawn: true, pauses: { state: 'idle' }, snapping: true };

/** The waveform's region-editing status (turns in view, pauses, snapping), re-rendering when it changes. */
export function useRegionsStatus(regions: RegionEditing | null): RegionEditingStatus {
  const subscribe = useCallback((onChange: () => void) => regions?.on('status', onChange) ?? (() => undefined), [regions]);
  return useSyncExternalStore(subscribe, () => regions?.status() ?? NO_STATUS);
}
