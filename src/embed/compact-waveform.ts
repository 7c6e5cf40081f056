/**
 * The embed's optional compact waveform, drawn from precomputed peaks
 * (audiowaveform JSON, as `npm run peaks` writes) on one canvas. Loaded only when
 * the `peaks` attribute is set, so the default embed stays small. Seeking is
 * also in the media controls, so the canvas is a pointer shortcut, hidden from
 * assistive technology.
 */
import { parsePeaks } from '../player/peaks.ts';

/** Max |amplitude| per column, for `columns` columns. */
function columnsOf(peaks: number[], columns: number): Float32Array {
  const out = new Float32Array(columns);
  const points = peaks.length / 2;
  for (let column = 0; column < columns; column++) {
    const from = Math.floor((column * points) / columns);
    const to = Math.max(from + 1, Math.floor(((column + 1) * points) / columns));
    let max = 0;
    for (let point = from; point < to && point < points; point++) {
      max = Math.max(max, Math.abs(peaks[point * 2] ?? 0), Math.abs(peaks[point * 2 + 1] ?? 0));
    }
    out[column] = max;
  }
  return out;
}

export async function mountWaveform(parent: Element, url: string, audio: HTMLAudioElement): Promise<() => void> {
  const response = await fetch(url);
  const parsed = parsePeaks(await response.text());
  if (!parsed.ok) throw new Error(`peaks: ${parsed.message}`);
  const { peaks, duration } = parsed.value;
  const canvas = document.createElement('canvas');
  canvas.className = 'vp-wave';
  canvas.setAttribute('aria-hidden', 'true');
  parent.after(canvas);
  const context = canvas.getContext('2d')!;
  let columns: Float32Array = new Float32Array(0);

  const draw = () => {
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      columns = columnsOf(peaks[0] ?? [], Math.max(1, Math.floor(width / 3)));
    }
    const style = getComputedStyle(canvas);
    const played = (audio.currentTime / (audio.duration || duration || 1)) * columns.length;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    columns.forEach((value, column) => {
      context.fillStyle = column < played ? style.getPropertyValue('--vp-accent') : style.getPropertyValue('--vp-border');
      const bar = Math.max(1, value * height);
      context.fillRect(column * 3, (height - bar) / 2, 2, bar);
    });
  };
  const seek = (event: MouseEvent) => {
    const box = canvas.getBoundingClientRect();
    audio.currentTime = ((event.clientX - box.left) / box.width) * (audio.duration || duration);
  };
  const resize = new ResizeObserver(draw);
  resize.observe(canvas);
  audio.addEventListener('timeupdate', draw);
  audio.addEventListener('seeked', draw);
  canvas.addEventListener('click', seek);
  return () => {
    resize.disconnect();
    audio.removeEventListener('timeupdate', draw);
    audio.removeEventListener('seeked', draw);
    canvas.remove();
  };
}
