export type Unsubscribe = () => void;

/** Event name -> listener arguments, e.g. `{ timeupdate: [time: number] }`. */
export type EventMap<Events> = { [E in keyof Events]: unknown[] };

/** A minimal typed event emitter; `on()` returns its own unsubscribe. */
export interface Emitter<Events extends EventMap<Events>> {
  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): Unsubscribe;
  emit<E extends keyof Events>(event: E, ...args: Events[E]): void;
  clear(): void;
}

type AnyListener = (...args: unknown[]) => void;

export function createEmitter<Events extends EventMap<Events>>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<AnyListener>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const stored = listener as unknown as AnyListener;
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },
    emit(event, ...args) {
      // Copy first: a listener may unsubscribe itself while we iterate.
      [...(listeners.get(event) ?? [])].forEach((listener) => listener(...args));
    },
    clear() {
      listeners.clear();
    },
  };
}
