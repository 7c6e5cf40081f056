import { createContext, useContext } from 'react';
import type { Player } from '../player/player.ts';

export const PlayerContext = createContext<Player | null>(null);

/** The app's player; components are rendered inside a provider, tests pass a fake. */
export function usePlayer(): Player | null {
  return useContext(PlayerContext);
}
