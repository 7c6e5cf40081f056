/**
 * Opening a passage link (`#t=START,END`) in the app: seek there, play, stop at the
 * end, and mark the passage's words that are in the DOM (`.word[data-start]`, the
 * app's hook). A bare `#t=START` only seeks, as it always did.
 */
import type { Player } from '../player/player.ts';
import { parsePassage } from './passage-fragment.ts';

type PassagePlayer = Pick<Player, 'seek' | 'play' | 'pause' | 'on' | 'currentTime' | 'playbackRate' | 'isPlaying'>;

export function openPassageLink(player: PassagePlayer, hash: string, root: ParentNode = document): () => void {
  const passage = parsePassage(hash);
  if (!passage) return () => undefined;
  player.seek(passage.start);
  if (passage.end === undefined) return () => undefined;
  const end = passage.end;
  for (const word of root.querySelectorAll<HTMLElement>('.word[data-start]')) {
    const start = Number(word.dataset.start);
    if (start >= passage.start - 0.0005 && start < end - 0.0005) word.classList.add('word--passage');
  }
  // Time updates come with animation frames, late on a busy page; a timer set for the end checks it too.
  let timer = 0;
  const check = (time: number) => {
    clearTimeout(timer);
    if (time >= end) {
      player.pause();
      stop();
    } else if (player.isPlaying()) {
      timer = window.setTimeout(() => check(player.currentTime()), ((end - time) / (player.playbackRate() || 1)) * 1000);
    }
  };
  const unsubscribe = player.on('timeupdate', check);
  const stop = () => {
    clearTimeout(timer);
    unsubscribe();
  };
  // A seek elsewhere (the reader moved on) ends the passage.
  const leave = player.on('seeked', (time) => {
    if (time < passage.start - 0.25 || time > end + 0.25) {
      stop();
      leave();
    }
  });
  player.play();
  return () => {
    stop();
    leave();
  };
}
