import { afterEach, describe, expect, it } from 'vitest';
import WaveSurfer from 'wavesurfer.js';
import { EnvelopePlugin } from './envelope-plugin.ts';

/** Real wavesurfer in jsdom, drawn from peaks; the player's level switch is `setOptions({ peaks, duration })`. */
function setUp() {
  const container = document.createElement('div');
  document.body.append(container);
  const wavesurfer = WaveSurfer.create({ container, normalize: true });
  const envelope = wavesurfer.registerPlugin(EnvelopePlugin.create());
  return { wavesurfer, envelope };
}
const wave = (length: number, loudest: number) => Float32Array.from({ length }, (_, i) => (i === length >> 1 ? loudest : 0.1));

let created: WaveSurfer[] = [];
afterEach(() => {
  created.forEach((wavesurfer) => wavesurfer.destroy());
  created = [];
  document.body.replaceChildren();
});

describe('EnvelopePlugin', () => {
  it('keeps the envelope when the player swaps the overview for every value (same audio)', async () => {
    const { wavesurfer, envelope } = setUp();
    created.push(wavesurfer);
    const full = wave(200_000, 0.8);
    await wavesurfer.load('', [full], 100);
    const asked = envelope.envelope();
    // What Player.drawFrom does when a zoom needs the other level.
    wavesurfer.setOptions({ peaks: [wave(2_000, 0.8)], duration: 100 });
    expect(envelope.envelope()).toBe(asked);
    const found = await asked;
    expect(found?.duration).toBe(100);
    expect(Math.max(...(found?.peaks ?? []))).toBeCloseTo(0.8);
    expect(wavesurfer.options.maxPeak).toBeCloseTo(0.8);
  });

  it('drops an envelope of the previous audio once another one loads', async () => {
    const { wavesurfer, envelope } = setUp();
    created.push(wavesurfer);
    await wavesurfer.load('', [wave(200_000, 0.8)], 100);
    const old = envelope.envelope();
    await wavesurfer.load('', [wave(1_000, 0.4)], 10);
    expect(await old).toBeNull();
    const next = await envelope.envelope();
    expect(next?.duration).toBe(10);
    expect(Math.max(...(next?.peaks ?? []))).toBeCloseTo(0.4);
  });
});
