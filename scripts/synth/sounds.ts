import type { Random } from './random.ts';
import type { MonoAudio } from './wav-file.ts';

/**
 * Non-speech sounds for test conversations, made from sine partials and seeded noise so
 * they are identical on every run and need no sample files.
 */

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

/** A few bars of soft chords with a bass line: stands in for a programme's theme music. */
export function musicBed(sampleRate: number, seconds: number, random: Random, level = -16): MonoAudio {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  const root = random.pick([196, 220, 233.1, 261.6]);
  // I-V-vi-IV as semitone offsets of triads above the root.
  const progression = random.shuffle([
    [0, 4, 7],
    [7, 11, 14],
    [9, 12, 16],
    [5, 9, 12],
  ]);
  const chordLength = seconds / Math.max(2, Math.round(seconds / 1.1));
  for (let start = 0, bar = 0; start < seconds - 0.05; start += chordLength, bar++) {
    const chord = progression[bar % progression.length]!;
    for (const semitone of chord) addNote(samples, sampleRate, start, chordLength * 1.15, root * 2 ** (semitone / 12), 0.16);
    addNote(samples, sampleRate, start, chordLength, (root / 2) * 2 ** (chord[0]! / 12), 0.22);
    // A plucked melody note on every half chord.
    for (const half of [0, 0.5]) {
      const semitone = random.pick(chord) + 12;
      addNote(samples, sampleRate, start + half * chordLength, chordLength * 0.45, root * 2 ** (semitone / 12), 0.12, 6);
    }
  }
  fade(samples, Math.round(0.3 * sampleRate), Math.round(0.6 * sampleRate));
  normalizePeak(samples, dbToGain(level));
  return { samples, sampleRate };
}

function addNote(samples: Float32Array, rate: number, start: number, length: number, frequency: number, gain: number, decay = 1.5): void {
  const from = Math.round(start * rate);
  const count = Math.min(samples.length - from, Math.round(length * rate));
  const attack = 0.02 * rate;
  for (let i = 0; i < count; i++) {
    const t = i / rate;
    const envelope = Math.min(1, i / attack) * Math.exp(-decay * t) * Math.min(1, (count - i) / attack);
    const phase = 2 * Math.PI * frequency * t;
    const tone = Math.sin(phase) + 0.35 * Math.sin(2 * phase) + 0.15 * Math.sin(3 * phase);
    samples[from + i]! += gain * envelope * tone;
  }
}

/** A door closing: a short noise burst with a low thump, about 0.6 s. */
export function doorSlam(sampleRate: number, random: Random, level = -10): MonoAudio {
  const samples = new Float32Array(Math.round(0.6 * sampleRate));
  let low = 0;
  for (let i = 0; i < samples.length; i++) {
    const t = i / sampleRate;
    low += 0.08 * (random.gaussian() - low);
    const thump = Math.sin(2 * Math.PI * 70 * t) * Math.exp(-9 * t);
    const rattle = low * Math.exp(-14 * t) + 0.25 * random.gaussian() * Math.exp(-40 * t);
    samples[i] = thump + rattle;
  }
  fade(samples, Math.round(0.002 * sampleRate), Math.round(0.05 * sampleRate));
  normalizePeak(samples, dbToGain(level));
  return { samples, sampleRate };
}

/** A whoosh: noise swept through a resonant band, about 1 s. */
export function whoosh(sampleRate: number, random: Random, seconds = 1, level = -14): MonoAudio {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  let band = 0;
  let lowpass = 0;
  for (let i = 0; i < samples.length; i++) {
    const progress = i / samples.length;
    const centre = 300 + 2500 * Math.sin(Math.PI * progress);
    const coefficient = Math.min(0.9, (2 * Math.PI * centre) / sampleRate);
    lowpass += coefficient * (random.gaussian() - lowpass);
    band += coefficient * (lowpass - band);
    samples[i] = (lowpass - band) * Math.sin(Math.PI * progress) ** 2;
  }
  normalizePeak(samples, dbToGain(level));
  return { samples, sampleRate };
}

export type NoiseColour = 'white' | 'pink' | 'brown';

/** Stationary noise at an RMS level in dBFS. */
export function noise(length: number, colour: NoiseColour, levelDbfs: number, random: Random): Float32Array {
  const samples = new Float32Array(length);
  // Paul Kellet's economy pink filter; brown is leaky integrated white.
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let brown = 0;
  for (let i = 0; i < length; i++) {
    const white = random.gaussian();
    if (colour === 'white') samples[i] = white;
    else if (colour === 'pink') {
      b0 = 0.99765 * b0 + white * 0.099046;
      b1 = 0.963 * b1 + white * 0.2965164;
      b2 = 0.57 * b2 + white * 1.0526913;
      samples[i] = b0 + b1 + b2 + white * 0.1848;
    } else {
      brown = 0.995 * brown + 0.1 * white;
      samples[i] = brown;
    }
  }
  let energy = 0;
  for (const value of samples) energy += value * value;
  const rms = Math.sqrt(energy / Math.max(1, length));
  const gain = rms > 0 ? dbToGain(levelDbfs) / rms : 0;
  for (let i = 0; i < length; i++) samples[i]! *= gain;
  return samples;
}

function fade(samples: Float32Array, fadeIn: number, fadeOut: number): void {
  for (let i = 0; i < fadeIn && i < samples.length; i++) samples[i]! *= i / fadeIn;
  for (let i = 0; i < fadeOut && i < samples.length; i++) samples[samples.length - 1 - i]! *= i / fadeOut;
}

function normalizePeak(samples: Float32Array, peak: number): void {
  let max = 0;
  for (const value of samples) max = Math.max(max, Math.abs(value));
  if (max === 0) return;
  for (let i = 0; i < samples.length; i++) samples[i]! *= peak / max;
}
