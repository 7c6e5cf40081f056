/**
 * The `<verbatim-player>` copy that HTML exports inline as their one script: the
 * same element, without readers or waveform (the page holds its rendered transcript),
 * so it is a single file with no imports.
 */
import { defineVerbatimPlayer } from './player-element.ts';

defineVerbatimPlayer({});
