import { useContext } from 'react';
import type { Player } from '../player/player.ts';
import { AppContext } from './app-context.ts';

/** The app's player; null outside an app (a component rendered on its own). */
export function usePlayer(): Player | null {
  return useContext(AppContext)?.player ?? null;
}
