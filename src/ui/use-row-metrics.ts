import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Entry } from '../transcript/model.ts';
import type { RowMetrics } from './row-height-estimate.ts';

/** Characters of the transcript's own text used to average its character width. */
const SAMPLE_CHARACTERS = 4000;

/** Measures one rendered turn row, once per mode (editor mode adds chrome), into `RowMetrics`. */
function measureRow(list: HTMLElement, entries: readonly Entry[]): RowMetrics | null {
  const row = list.querySelector<HTMLElement>('.transcript__slot > article.turn');
  const text = row?.querySelector<HTMLElement>('.turn__text');
  const slot = row?.parentElement;
  if (!row || !text || !slot) return null;
  const style = getComputedStyle(text);
  const lineHeight = parseFloat(style.lineHeight);
  const textWidth = text.clientWidth;
  // Without layout (tests) or a canvas there is nothing to measure: keep the rough guess.
  if (!Number.isFinite(lineHeight) || textWidth <= 0) return null;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  let sample = '';
  for (const entry of entries) {
    if (entry.kind !== 'speech') continue;
    for (const word of entry.words) sample += word.text;
    if (sample.length >= SAMPLE_CHARACTERS) break;
  }
  if (sample.length === 0) return null;
  const event = list.querySelector<HTMLElement>('.transcript__slot > .event')?.parentElement;
  return {
    chrome: slot.getBoundingClientRect().height - text.getBoundingClientRect().height,
    lineHeight,
    textWidth,
    charWidth: context.measureText(sample).width / sample.length,
    spaceWidth: context.measureText(' ').width,
    ...(event ? { eventHeight: event.getBoundingClientRect().height } : {}),
  };
}

/**
 * The metrics the row-height estimate needs, taken from the first rendered turn
 * row after the transcript, the mode or the window width changes: one
 * measurement, then every other row is estimated from its text.
 */
export function useRowMetrics(listRef: RefObject<HTMLElement | null>, entries: readonly Entry[], mode: string): RowMetrics | null {
  const [metrics, setMetrics] = useState<RowMetrics | null>(null);
  const [width, setWidth] = useState(() => window.innerWidth);
  const measuredFor = useRef('');
  useLayoutEffect(() => {
    const key = `${mode}:${width}:${entries.length > 0}`;
    if (measuredFor.current === key || !listRef.current) return;
    const measured = measureRow(listRef.current, entries);
    if (!measured) return;
    measuredFor.current = key;
    // Taken in the next task: new metrics re-estimate every row not measured yet (a pass over
    // all 200,000 rows of a huge file), which must not share the task that drew the first ones.
    let applied = false;
    const timer = setTimeout(() => {
      applied = true;
      setMetrics(measured);
    }, 0);
    return () => {
      // Replaced before it was taken (the transcript changed again): the next run measures afresh.
      if (applied) return;
      clearTimeout(timer);
      measuredFor.current = '';
    };
  }, [listRef, entries, mode, width]);
  useLayoutEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return metrics;
}
