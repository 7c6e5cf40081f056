import { useEffect, useState } from 'react';

/** Rows of a new session's first render: a first screen and more, so a short transcript (the demo) is whole at once. */
export const FIRST_ROWS = 30;
/** Rows added per task after that: each batch stays well under a long task. */
export const ROWS_PER_BATCH = 25;

/**
 * How many leading rows a transcript that keeps every row in the DOM renders now. A new
 * session's first render has `FIRST_ROWS` (the first paint waits for nothing more); the rest
 * follow `ROWS_PER_BATCH` per task after it, until every row is there for good (Infinity:
 * rows an edit adds later are there at once too). `keepsAll` false (a long, virtualized
 * transcript): nothing is scheduled.
 */
export function useRowsInBatches(count: number, sessionId: number, keepsAll: boolean): number {
  const [shown, setShown] = useState({ sessionId, upTo: FIRST_ROWS });
  const upTo = shown.sessionId === sessionId ? shown.upTo : FIRST_ROWS;
  useEffect(() => {
    if (!keepsAll || upTo === Infinity) return;
    if (upTo >= count) {
      setShown({ sessionId, upTo: Infinity });
      return;
    }
    // The next batch once the rows there are have been painted: a frame, then a task after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown({ sessionId, upTo: upTo + ROWS_PER_BATCH }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, sessionId, upTo, keepsAll]);
  return upTo;
}
