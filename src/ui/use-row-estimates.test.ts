import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../transcript/model.ts';
import type { RowMetrics } from './row-height-estimate.ts';
import { BACKGROUND_ESTIMATES_FROM, useRowEstimates } from './use-row-estimates.ts';

const turn = (words: number): Entry => ({ kind: 'speech', speakerId: null, words: Array.from({ length: words }, () => ({ text: 'word' })) });
const entriesOf = (count: number) => Array.from({ length: count }, (_, index) => turn(1 + (index % 5)));
const metrics: RowMetrics = { chrome: 40, lineHeight: 24, textWidth: 700, charWidth: 8, spaceWidth: 4 };

describe('useRowEstimates', () => {
  let calls = 0;
  const estimate = (entry: Entry | undefined) => {
    calls++;
    return entry?.kind === 'speech' ? 40 + entry.words.length * 10 : 44;
  };
  beforeEach(() => {
    calls = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  /** The virtualizer's first pass: every row's estimate, in one go. */
  const pass = (estimateSize: (index: number) => number, count: number) => {
    let total = 0;
    for (let index = 0; index < count; index++) total += estimateSize(index);
    return total;
  };

  it('opens a huge session without estimating its rows in that render, then takes the real estimates in one more pass', async () => {
    const entries = entriesOf(200_000);
    const { result } = renderHook(() => useRowEstimates(entries, metrics, 1, estimate));
    const first = result.current;
    pass(first.estimateSize, entries.length);
    expect(calls).toBeLessThanOrEqual(64);
    await act(() => vi.runAllTimersAsync());
    expect(result.current.version).not.toBe(first.version);
    expect(calls).toBe(entries.length);
    // Each real estimate, worked out once in the background, is read back on the next pass.
    expect(pass(result.current.estimateSize, entries.length)).toBe(entries.reduce((sum, entry) => sum + estimate(entry), 0));
  });

  it('estimates a small session, and every edit, as the virtualizer asks', () => {
    const entries = entriesOf(BACKGROUND_ESTIMATES_FROM);
    const { result, rerender } = renderHook(({ list }) => useRowEstimates(list, metrics, 1, estimate), { initialProps: { list: entries } });
    expect(pass(result.current.estimateSize, entries.length)).toBe(entries.reduce((sum, entry) => sum + 40 + (entry.kind === 'speech' ? entry.words.length : 0) * 10, 0));
    const edited = [...entriesOf(BACKGROUND_ESTIMATES_FROM * 2)];
    rerender({ list: edited });
    calls = 0;
    pass(result.current.estimateSize, edited.length);
    expect(calls).toBe(edited.length);
  });
});
