/**
 * Opening a passage link (`#t=START,END`) in the app: seek there, play, stop at the
 * end, and mark the passage's words that are in the DOM (`.word[data-start]`, the
 * app's hook). A bare `#t=START` only seeks, as it always did.
 */
import type { Player } from '../player/player.ts';
import { parsePassage } from './passage-fragment.ts';

type PassagePlayer = Pick<Player, 'seek' | 'play' | 'pause' | 'on'>;

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
  const stop = player.on('timeupdate', (time) => {
    if (time < end) return;
    player.pause();
    stop();
  });
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
