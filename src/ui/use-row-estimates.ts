import { useEffect, useMemo, useRef, useState } from 'react';
import type { Entry } from '../transcript/model.ts';
import type { RowMetrics } from './row-height-estimate.ts';

/** From this many rows a new session's (or new metrics') estimates are worked out in the background. */
export const BACKGROUND_ESTIMATES_FROM = 5_000;

/** Longest stretch of estimating between yields. */
const SLICE_MS = 6;

/** Rows from the start of the transcript whose mean stands in for every row until the real estimates are in. */
const TYPICAL_SAMPLE = 64;

export interface RowEstimates {
  /** The virtualizer's `estimateSize`. */
  estimateSize(index: number): number;
  /** Changes when `estimateSize` starts giving other heights: the virtualizer must estimate its rows again. */
  version: number;
}

/**
 * Row height estimates for the virtualizer, each worked out once per transcript and
 * metrics and read back on later passes over the rows. The virtualizer asks for every
 * unmeasured row's estimate in one go; for a huge new transcript that is 200,000 estimates
 * in the task that draws its first rows, so above BACKGROUND_ESTIMATES_FROM rows a new
 * session (or new metrics) starts with the mean of its first rows for all of them, and the
 * real estimates are filled in a few milliseconds per task, then taken in one more pass.
 * An edit within the session (same metrics) estimates as it goes: the rows it keeps are
 * the same objects, so the caller's own per-entry cache answers for them.
 */
export function useRowEstimates(entries: readonly Entry[], metrics: RowMetrics | null, sessionId: number, estimate: (entry: Entry | undefined, metrics: RowMetrics | null) => number): RowEstimates {
  const [filled, setFilled] = useState<Float64Array | null>(null);
  // What the last committed render estimated for: an edit keeps both.
  const last = useRef<{ sessionId: number; metrics: RowMetrics | null } | null>(null);
  useEffect(() => {
    last.current = { sessionId, metrics };
  }, [sessionId, metrics]);
  const plan = useMemo(() => {
    const heights = new Float64Array(entries.length);
    const previous = last.current;
    const fresh = previous === null || previous.sessionId !== sessionId || previous.metrics !== metrics;
    const background = fresh && entries.length > BACKGROUND_ESTIMATES_FROM;
    let typical = 0;
    if (background) {
      const sample = Math.min(entries.length, TYPICAL_SAMPLE);
      for (let index = 0; index < sample; index++) typical += (heights[index] = estimate(entries[index], metrics));
      typical /= sample;
    }
    return { heights, background, typical };
  }, [entries, metrics, sessionId, estimate]);

  useEffect(() => {
    if (!plan.background) return;
    const { heights } = plan;
    let index = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const until = performance.now() + SLICE_MS;
      for (; index < heights.length && (index & 255 || performance.now() < until); index++) heights[index] ||= estimate(entries[index], metrics);
      if (index < heights.length) timer = setTimeout(step, 0);
      else setFilled(heights);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [plan, entries, metrics, estimate]);

  const ready = !plan.background || filled === plan.heights;
  return useMemo(() => {
    const { heights, typical } = plan;
    const estimateSize = ready ? (index: number) => heights[index] || (heights[index] = estimate(entries[index], metrics)) : (index: number) => heights[index] || typical;
    return { estimateSize, version: ready ? 1 : 0 };
  }, [plan, ready, entries, metrics, estimate]);
}
