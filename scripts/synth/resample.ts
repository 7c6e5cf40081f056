/**
 * Band-limited resampling with a Blackman-windowed sinc. The kernel is symmetric, so the
 * output has no delay: a sound at t seconds in the input is at t seconds in the output,
 * which is what keeps word times exact when voices of different rates are mixed.
 */
export function resample(input: Float32Array, fromRate: number, toRate: number, halfTaps = 24): Float32Array {
  if (fromRate === toRate) return input.slice();
  const ratio = toRate / fromRate;
  // Below the lower Nyquist with a little room for the transition band.
  const cutoff = Math.min(1, ratio) * 0.94;
  const halfWidth = halfTaps / Math.min(1, ratio);
  const out = new Float32Array(Math.round(input.length * ratio));
  for (let n = 0; n < out.length; n++) {
    const centre = n / ratio;
    const first = Math.max(0, Math.ceil(centre - halfWidth));
    const last = Math.min(input.length - 1, Math.floor(centre + halfWidth));
    let sum = 0;
    for (let i = first; i <= last; i++) {
      const distance = centre - i;
      sum += (input[i] ?? 0) * cutoff * sinc(cutoff * distance) * blackman(distance / halfWidth);
    }
    out[n] = sum;
  }
  return out;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Window over -1..1, zero at both ends. */
function blackman(x: number): number {
  if (x <= -1 || x >= 1) return 0;
  const phase = Math.PI * (x + 1);
  return 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
}
