import { SKIP_SECONDS } from '../player/playback-settings.ts';

export interface Shortcut {
  keys: string;
  description: string;
}

/** Shown in the help dialog and the README. */
export const SHORTCUTS: Shortcut[] = [
  { keys: 'Space', description: 'Play / pause' },
  { keys: '← / →', description: `Back / forward ${SKIP_SECONDS} seconds` },
  { keys: ', / .', description: 'Slower / faster' },
  { keys: 'F', description: 'Follow the playing turn again' },
  { keys: 'Tab, Enter', description: 'Move between turns; play from the focused turn' },
  { keys: 'O', description: 'Open audio and transcript files' },
  { keys: '?', description: 'Show these shortcuts' },
];
