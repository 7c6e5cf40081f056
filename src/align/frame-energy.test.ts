import { describe, expect, it } from 'vitest';
import { FRAME_SECONDS, frameEnergies, levelAt, localLevels, soundingShare } from './frame-energy.ts';

/** `seconds` of noise at `amplitude` (deterministic). */
function noise(seconds: number, amplitude: number, rate = 16000): Float32Array {
  let state = 1;
  return new Float32Array(Math.round(seconds * rate)).map(() => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648 - 0.5) * 2 * amplitude;
  });
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('frameEnergies', () => {
  it('measures 10 ms frames in dBFS', () => {
    const energies = frameEnergies(new Float32Array(16000).fill(0.1), 16000);
    expect(energies.length).toBe(Math.round(1 / FRAME_SECONDS));
    expect(energies[5]).toBeCloseTo(-20, 1);
    expect(frameEnergies(new Float32Array(160), 16000)[0]).toBe(-120);
  });

  it('with pre-emphasis, attenuates a low hum far more than a hiss', () => {
    const hum = new Float32Array(16000).map((_, i) => 0.1 * Math.sin((2 * Math.PI * 100 * i) / 16000));
    const hiss = new Float32Array(16000).map((_, i) => 0.1 * Math.sin((2 * Math.PI * 6000 * i) / 16000));
    const drop = (signal: Float32Array) => (frameEnergies(signal, 16000)[50] as number) - (frameEnergies(signal, 16000, 0.97)[50] as number);
    expect(drop(hum) - drop(hiss)).toBeGreaterThan(20);
  });
});

describe('localLevels', () => {
  it('follows a change of noise floor, so pauses in the noisy part are still pauses', () => {
    // 20 s clean (quiet floor, loud bursts) then 20 s noisy (noise at -30 dB, loud bursts).
    const clean: Float32Array[] = [];
    const noisy: Float32Array[] = [];
    for (let k = 0; k < 10; k++) {
      clean.push(noise(1, 0.0003), noise(1, 0.3));
      noisy.push(noise(1, 0.05), noise(1, 0.3));
    }
    const energies = frameEnergies(concat(...clean, ...noisy), 16000);
    const levels = localLevels(energies);
    // A noisy pause (at ~ -31 dB) is below the pause level there...
    expect(soundingShare(energies, levels, 32, 33)).toBeLessThan(0.1);
    // ...and speech-level bursts in both parts are sound.
    expect(soundingShare(energies, levels, 3.2, 3.8)).toBeGreaterThan(0.9);
    expect(soundingShare(energies, levels, 33.2, 33.8)).toBeGreaterThan(0.9);
    // The onset level always lies between the floor and the pause level.
    expect(levelAt(levels.onset, 3200)).toBeLessThan(levelAt(levels.pause, 3200));
  });

  it('does not let digital silence make faint hiss count as sound', () => {
    const signal = concat(new Float32Array(16000 * 5), noise(1, 0.0005), noise(4, 0.3));
    const energies = frameEnergies(signal, 16000);
    expect(soundingShare(energies, localLevels(energies), 5.1, 5.9)).toBeLessThan(0.1);
  });
});
