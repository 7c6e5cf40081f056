import type { ProfilerOnRenderCallback } from 'react';

/** One React commit of one turn row, as `npm run bench:ui` reads it from the page. */
export interface RowRender {
  id: string;
  phase: 'mount' | 'update' | 'nested-update';
  commitTime: number;
}

declare global {
  interface Window {
    __verbatimRowRenders?: RowRender[];
  }
}

/**
 * Set only in bench:ui's profiling build (VITE_ROW_PROFILE=1, with React's profiling
 * renderer, the only production build in which Profiler reports): records every turn-row
 * render so the benchmark can count rows per active-turn change. Undefined, and
 * removed as dead code, everywhere else.
 */
export const rowRenderProbe: ProfilerOnRenderCallback | undefined =
  import.meta.env.VITE_ROW_PROFILE === '1'
    ? (id, phase, _actual, _base, _start, commitTime) => {
        (window.__verbatimRowRenders ??= []).push({ id, phase, commitTime });
      }
    : undefined;
