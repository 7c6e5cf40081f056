import { createEmitter, type Unsubscribe } from './emitter.ts';
import type { Player } from './player.ts';

/**
 * Where the waveform is: no audio yet (`idle`), fetched and decoded for drawing
 * (`drawing`, with the download's percentage while it is known), or drawn.
 */
export type WaveformDrawState = { phase: 'idle' } | { phase: 'drawing'; percent: number | null } | { phase: 'drawn' };

export interface WaveformDrawing {
  state(): WaveformDrawState;
  on(event: 'change', listener: (state: WaveformDrawState) => void): Unsubscribe;
  destroy(): void;
}

const IDLE: WaveformDrawState = { phase: 'idle' };
const DRAWN: WaveformDrawState = { phase: 'drawn' };

/**
 * Follows wavesurfer from `load` to the first drawing of the new audio, so the
 * page can show a placeholder in the seconds the waveform is blank. A failed
 * load goes back to `idle` (its notice says why).
 */
export function watchWaveformDrawing(player: Player): WaveformDrawing {
  const emitter = createEmitter<{ change: [state: WaveformDrawState] }>();
  const wavesurfer = player.wavesurfer;
  let current: WaveformDrawState = IDLE;
  const percentOf = (state: WaveformDrawState) => (state.phase === 'drawing' ? state.percent : null);
  const set = (next: WaveformDrawState) => {
    if (next.phase === current.phase && percentOf(next) === percentOf(current)) return;
    current = next;
    emitter.emit('change', next);
  };
  const subscriptions: Unsubscribe[] = wavesurfer
    ? [
        wavesurfer.on('load', () => set({ phase: 'drawing', percent: null })),
        wavesurfer.on('loading', (percent) => {
          // Past 100% the audio is decoding: no number to show for that.
          if (current.phase === 'drawing') set({ phase: 'drawing', percent: percent < 100 ? Math.round(percent) : null });
        }),
        wavesurfer.on('redraw', () => {
          if (current.phase === 'drawing' && wavesurfer.getDecodedData()) set(DRAWN);
        }),
        wavesurfer.on('ready', () => {
          if (current.phase === 'drawing') set(DRAWN);
        }),
        wavesurfer.on('error', () => set(IDLE)),
      ]
    : [];
  // The media element can fail before wavesurfer settles (it then waits for metadata that never comes).
  const media = wavesurfer?.getMediaElement();
  if (media) {
    const onMediaError = () => set(IDLE);
    media.addEventListener('error', onMediaError);
    subscriptions.push(() => media.removeEventListener('error', onMediaError));
  }
  return {
    state: () => current,
    on: emitter.on,
    destroy() {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      emitter.clear();
    },
  };
}
