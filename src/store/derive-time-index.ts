import type { StateCreator, StoreMutatorIdentifier } from 'zustand';
import { buildTimeIndex, buildTimeIndexInSteps, type TimeIndex } from '../transcript/time-index.ts';
import type { Transcript } from '../transcript/model.ts';

const cache = new WeakMap<Transcript, TimeIndex>();

/** The lookup index of a transcript, built once per transcript object (edits are pure, so identity is enough). */
export function timeIndexOf(transcript: Transcript): TimeIndex {
  let index = cache.get(transcript);
  if (!index) {
    index = buildTimeIndex(transcript);
    cache.set(transcript, index);
  }
  return index;
}

/**
 * Builds and caches the index of a transcript about to be opened, a step per `next()`
 * (see buildTimeIndexInSteps), so that the store write that opens a huge transcript
 * finds it ready instead of building it in one task.
 */
export function* prepareTimeIndex(transcript: Transcript): Generator<void, TimeIndex, void> {
  const cached = cache.get(transcript);
  if (cached) return cached;
  const index = yield* buildTimeIndexInSteps(transcript);
  cache.set(transcript, index);
  return index;
}

type Derived = { transcript: Transcript; timeIndex: TimeIndex };

/**
 * Middleware: every write that replaces `transcript` carries its `timeIndex` in
 * the same write (load, edit, undo, redo), so listeners fire once per change and
 * nothing writes the store a second time to catch up.
 */
export const deriveTimeIndex = <T extends Derived, Mps extends [StoreMutatorIdentifier, unknown][] = [], Mcs extends [StoreMutatorIdentifier, unknown][] = []>(
  initializer: StateCreator<T, Mps, Mcs>,
): StateCreator<T, Mps, Mcs> =>
  ((set: (partial: unknown, replace?: boolean) => void, get: () => T, api: { setState: (partial: unknown, replace?: boolean) => void }) => {
    const withIndex = (partial: unknown): unknown => {
      const next = typeof partial === 'function' ? (partial as (state: T) => Partial<T>)(get()) : (partial as Partial<T> | null);
      if (!next || !('transcript' in next) || !next.transcript || next.transcript === get().transcript) return next;
      return { ...next, timeIndex: timeIndexOf(next.transcript) };
    };
    const derivedSet = (partial: unknown, replace?: boolean) => set(withIndex(partial), replace);
    const rawSetState = api.setState;
    api.setState = (partial, replace) => rawSetState(withIndex(partial), replace);
    return (initializer as unknown as (s: typeof derivedSet, g: typeof get, a: typeof api) => T)(derivedSet, get, api);
  }) as unknown as StateCreator<T, Mps, Mcs>;
