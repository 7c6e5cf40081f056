/**
 * The published `<verbatim-player>` module (`dist/embed/verbatim-player.js`):
 * the element, with transcript readers and the compact waveform loaded on demand.
 */
import { fetchTranscript } from './load-transcript.ts';
import { defineVerbatimPlayer } from './player-element.ts';

defineVerbatimPlayer({
  transcript: fetchTranscript,
  waveform: async (parent, url, audio) => (await import('./compact-waveform.ts')).mountWaveform(parent, url, audio),
});

export { VerbatimPlayerElement } from './player-element.ts';
