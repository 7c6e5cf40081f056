import { definePlugin } from 'wavesurfer.js/dist/define-plugin.js';
import { rulerTicks } from './ruler-ticks.ts';

/**
 * A time ruler under the waveform that only ever holds the ticks near the
 * visible stretch (wavesurfer's Timeline plugin builds and measures one
 * element per tick of the whole file on every zoom: seconds on a long file).
 */
export const RulerPlugin = definePlugin<Record<string, never>, { destroy: [] }, Record<string, never>>('verbatim-ruler', ({ wavesurfer, scope }) => {
  const ruler = document.createElement('div');
  ruler.setAttribute('part', 'timeline');
  ruler.setAttribute('aria-hidden', 'true');
  Object.assign(ruler.style, { position: 'relative', height: '18px', overflow: 'hidden', whiteSpace: 'nowrap', fontSize: '11px', pointerEvents: 'none' });
  wavesurfer.getWrapper().append(ruler);
  scope.add(() => ruler.remove());
  let drawn = { from: 0, to: -1, pxPerSec: 0 };
  let cancelFrame: (() => void) | null = null;

  const draw = () => {
    cancelFrame = null;
    const duration = wavesurfer.getDuration();
    const total = wavesurfer.getWrapper().scrollWidth;
    if (!duration || !total) return;
    const pxPerSec = total / duration;
    const scroll = wavesurfer.getScroll();
    const width = wavesurfer.getWidth();
    // Redraw only when the view leaves the stretch already drawn (one screen either side).
    if (pxPerSec === drawn.pxPerSec && scroll >= drawn.from && scroll + width <= drawn.to) return;
    const from = Math.max(0, scroll - width);
    const to = Math.min(total, scroll + 2 * width);
    const fragment = document.createDocumentFragment();
    for (const tick of rulerTicks(from, to, pxPerSec, duration)) {
      const notch = document.createElement('div');
      const major = tick.label !== undefined;
      notch.setAttribute('part', major ? 'timeline-notch timeline-notch-primary' : 'timeline-notch');
      notch.style.cssText = `position:absolute;left:${tick.x.toFixed(1)}px;top:0;bottom:0;border-left:1px solid currentColor;opacity:${major ? 0.9 : 0.35};height:${major ? 100 : 40}%;padding-left:3px`;
      if (tick.label !== undefined) notch.textContent = tick.label;
      fragment.append(notch);
    }
    ruler.replaceChildren(fragment);
    drawn = { from, to, pxPerSec };
  };
  const schedule = () => {
    cancelFrame ??= scope.raf(draw);
  };
  scope.add(wavesurfer.on('scroll', schedule));
  scope.add(wavesurfer.on('redraw', schedule));
  scope.add(wavesurfer.on('resize', schedule));
  draw();
  return {};
});
