import type { Transcript } from '../transcript/model.ts';

/** How close aligned turn starts are to known true ones (the demo's synthesizer times). */
export function turnStartAccuracy(aligned: Transcript, truth: Transcript): { medianMs: number; within100: number; turns: number } | undefined {
  const starts = (t: Transcript) => t.entries.filter((entry) => entry.kind === 'speech').map((entry) => entry.start);
  const a = starts(aligned);
  const b = starts(truth);
  if (a.length !== b.length || a.length === 0) return undefined;
  const errors: number[] = [];
  a.forEach((start, i) => {
    const expected = b[i];
    if (start !== undefined && expected !== undefined) errors.push(Math.abs(start - expected) * 1000);
  });
  if (errors.length === 0) return undefined;
  errors.sort((x, y) => x - y);
  const mid = errors.length >> 1;
  const medianMs = errors.length % 2 ? errors[mid]! : (errors[mid - 1]! + errors[mid]!) / 2;
  return { medianMs, within100: errors.filter((e) => e <= 100).length / errors.length, turns: errors.length };
}
