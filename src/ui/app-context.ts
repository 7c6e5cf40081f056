import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/app-store.ts';
import type { Player } from '../player/player.ts';
import type { EditorCommands } from '../editor/editor-commands.ts';

/** Starts and cancels alignment (src/app/alignment-controller.ts provides it). */
export interface AlignmentActions {
  start(options?: { fromEntry?: number; language?: string }): void;
  cancel(): void;
}

/**
 * What components get from the app object (src/app/create-verbatim.ts builds it
 * once, outside React): state to read and commands to call. Components create
 * nothing of their own, so mounting twice (StrictMode) or unmounting changes nothing.
 */
export interface AppServices {
  readonly store: AppStore;
  readonly player: Player;
  readonly commands: EditorCommands;
  readonly alignment: AlignmentActions;
}

/** The one context of the app. */
export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('Render Verbatim components inside <AppContext.Provider value={app}>.');
  return app;
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useStoreApi(): AppStore {
  return useApp().store;
}

/** Subscribes to one value of the app's state (select one value at a time). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().store, selector);
}
