import type { ReactNode } from 'react';
import { createAppStore, type AppStore } from '../../src/store/app-store.ts';
import { createEditorCommands } from '../../src/editor/editor-commands.ts';
import { AppContext, type AlignmentActions, type AppServices } from '../../src/ui/app-context.ts';
import type { Player } from '../../src/player/player.ts';
import { createFakePlayer } from './fake-player.ts';

/**
 * What components read from the app object, built from a fresh store, real
 * editor commands and a fake player: for component tests that do not need the
 * whole app object (src/app/create-verbatim.test.ts covers that).
 */
export function createTestServices(options: { store?: AppStore; player?: Player; alignment?: AlignmentActions } = {}): AppServices {
  const store = options.store ?? createAppStore();
  const player = options.player ?? createFakePlayer(10);
  return {
    store,
    player,
    commands: createEditorCommands(store, player),
    alignment: options.alignment ?? { start: () => undefined, cancel: () => undefined },
  };
}

/** `render(ui, { wrapper: inApp(services) })`: the one context the app provides. */
export function inApp(services: AppServices) {
  return function AppWrapper({ children }: { children: ReactNode }) {
    return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
  };
}
