import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlayer, type Player } from './player.ts';

const COLORS = { wave: '#999', progress: '#333', cursor: '#c00' };
let players: Player[] = [];
// jsdom has no matchMedia; wavesurfer asks it about the pixel ratio.
beforeEach(() => vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} })));
afterEach(() => {
  vi.unstubAllGlobals();
  players.forEach((player) => player.destroy());
  players = [];
  document.body.replaceChildren();
});

function adopt(src: string) {
  const container = document.createElement('div');
  document.body.append(container);
  const given = document.createElement('audio');
  given.src = src;
  const player = createPlayer(container, COLORS, given);
  players.push(player);
  return { player, given };
}

describe('createPlayer with an element the first script started (early start)', () => {
  it('drops the adopted source when the load it was prepared for is given up, relative address and all', () => {
    const { player, given } = adopt('talk.mp3');
    player.prepare(null);
    expect(given.hasAttribute('src')).toBe(false);
  });

  it('does not report a failure of the prepared source as a playback error: the load that takes it does', () => {
    const { player, given } = adopt('missing.mp3');
    const errors: unknown[] = [];
    player.on('error', (fault) => errors.push(fault));
    given.dispatchEvent(new Event('error'));
    expect(errors).toEqual([]);
  });
});
