import type { Player } from '../player/player.ts';
import type { AppStore } from '../store/app-store.ts';
import { SKIP_SECONDS, stepRate } from '../player/playback-settings.ts';
import type { Unsubscribe } from '../player/emitter.ts';
import { isTypingTarget } from '../editor/is-typing-target.ts';

export interface ShortcutActions {
  openFiles(): void;
  showHelp(): void;
}

/** Global player shortcuts. Never fire while the user types or holds Ctrl/Cmd/Alt. */
export function installKeyboardShortcuts(target: Window, player: Player, store: AppStore, actions: ShortcutActions): Unsubscribe {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    if (event.target instanceof HTMLElement && event.target.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')) return;
    let handled = true;
    switch (event.key) {
      case ' ':
      case 'Spacebar':
        player.toggle();
        break;
      case 'ArrowLeft':
        player.skip(-SKIP_SECONDS);
        break;
      case 'ArrowRight':
        player.skip(SKIP_SECONDS);
        break;
      case ',':
      case '<':
        player.setPlaybackRate(stepRate(player.playbackRate(), -1));
        break;
      case '.':
      case '>':
        player.setPlaybackRate(stepRate(player.playbackRate(), 1));
        break;
      case 'f':
      case 'F':
        store.getState().setFollowing(true);
        break;
      case 'o':
      case 'O':
        actions.openFiles();
        break;
      case '?':
        actions.showHelp();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
