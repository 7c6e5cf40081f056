import WaveSurfer from 'wavesurfer.js';
import { definePlugin } from 'wavesurfer.js/dist/define-plugin.js';
import type { EnvelopeApi } from './envelope-plugin.ts';
import { visibleFraction } from './zoom-math.ts';

export interface MinimapColors {
  wave: string;
  progress: string;
  cursor: string;
  overlay: string;
}

export interface MinimapOptions {
  envelope: EnvelopeApi;
  colors: MinimapColors;
  /** Pixels; 28 when not given. */
  height?: number;
  /** A click or drag on the minimap asks to play from `time`. */
  seek(time: number): void;
  isPlaying(): boolean;
}

/**
 * A minimap of the whole file under the waveform: the envelope, the playhead
 * and a box for the visible stretch; click or drag to seek. Like wavesurfer's
 * Minimap plugin, but drawn from a precomputed envelope built in slices: the
 * plugin redraws from every decoded sample at once, which blocks for seconds
 * on a three-hour file.
 */
export const MinimapPlugin = definePlugin<MinimapOptions, { destroy: [] }, Record<string, never>>('verbatim-minimap', ({ wavesurfer, scope }, options) => {
  const { colors } = options;
  const container = document.createElement('div');
  container.setAttribute('part', 'minimap');
  container.setAttribute('aria-hidden', 'true');
  container.style.position = 'relative';
  const overlay = document.createElement('div');
  overlay.setAttribute('part', 'minimap-overlay');
  Object.assign(overlay.style, { position: 'absolute', zIndex: '2', top: '0', bottom: '0', pointerEvents: 'none', backgroundColor: colors.overlay });
  container.append(overlay);
  wavesurfer.getWrapper().parentElement?.insertAdjacentElement('afterend', container);
  scope.add(() => container.remove());

  let mini: WaveSurfer | null = null;
  let destroyed = false;
  scope.add(() => {
    destroyed = true;
    mini?.destroy();
  });

  const placeOverlay = () => {
    const box = visibleFraction(wavesurfer.getScroll(), wavesurfer.getWidth(), wavesurfer.getWrapper().scrollWidth);
    overlay.style.left = `${box.left * 100}%`;
    overlay.style.width = `${box.width * 100}%`;
  };
  const showProgress = (time: number) => {
    const duration = wavesurfer.getDuration();
    if (mini && duration > 0) mini.getRenderer().renderProgress(time / duration, options.isPlaying());
  };
  scope.add(wavesurfer.on('scroll', placeOverlay));
  scope.add(wavesurfer.on('redraw', placeOverlay));
  scope.add(wavesurfer.on('timeupdate', showProgress));
  placeOverlay();

  options.envelope.envelope().then(
    (found) => {
      if (destroyed || !found) return;
      mini = WaveSurfer.create({
        container,
        peaks: [found.peaks],
        duration: found.duration,
        height: options.height ?? 28,
        waveColor: colors.wave,
        progressColor: colors.progress,
        cursorColor: colors.cursor,
        cursorWidth: 1,
        normalize: true,
        dragToSeek: true,
        autoScroll: false,
      });
      const seek = (relativeX: number) => options.seek(relativeX * found.duration);
      scope.add(mini.on('click', seek));
      scope.add(mini.on('drag', seek));
      showProgress(wavesurfer.getCurrentTime());
    },
    () => undefined,
  );
  return {};
});

/** The theme's colours for the minimap, read where waveform.css defines them. */
export function readMinimapColors(wavesurfer: WaveSurfer): MinimapColors {
  const root = wavesurfer.getWrapper().getRootNode();
  const styles = getComputedStyle(root instanceof ShadowRoot ? root.host : document.documentElement);
  const read = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
  return {
    wave: read('--minimap-wave', '#b9c1cc'),
    progress: read('--minimap-progress', '#7d9fdc'),
    cursor: read('--wave-cursor', '#c2410c'),
    overlay: read('--minimap-overlay', 'rgba(31, 95, 201, 0.16)'),
  };
}
