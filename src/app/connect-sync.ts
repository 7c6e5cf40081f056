import type { Player } from '../player/player.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import type { AppStore } from '../store/app-store.ts';
import { activeTurnAt, activeWordAt } from '../transcript/time-index.ts';

/**
 * Wires the player (the one clock) to the store. On every frame while playing
 * and on every seek, the active turn and word are looked up by binary search;
 * the store changes only when one of them changes.
 */
export function connectSync(player: Player, store: AppStore): Unsubscribe {
  const update = (time: number) => {
    const { timeIndex, setActive } = store.getState();
    const turn = activeTurnAt(timeIndex, time);
    setActive(turn, activeWordAt(timeIndex, turn, time));
  };

  const subscriptions: Unsubscribe[] = [
    player.on('timeupdate', update),
    player.on('play', () => store.getState().setPlaying(true)),
    player.on('pause', () => store.getState().setPlaying(false)),
    player.on('duration', (seconds) => store.getState().setDuration(seconds)),
    player.on('rate', (rate) => store.getState().setRate(rate)),
    // A new transcript (loaded or edited) re-evaluates the current position.
    store.subscribe((state, previous) => {
      if (state.timeIndex !== previous.timeIndex) update(player.currentTime());
    }),
  ];
  update(player.currentTime());
  // The player's element may have read its metadata before anyone listened (early-start.ts).
  if (player.duration() > 0) store.getState().setDuration(player.duration());
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
