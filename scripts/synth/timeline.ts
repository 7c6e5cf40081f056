import { speakPhrase } from './speak-phrase.ts';
import type { VoiceSpec } from './voice-spec.ts';
import type { MonoAudio } from './wav-file.ts';

export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

export interface TimedTurn {
  start: number;
  end: number;
  words: TimedWord[];
}

export interface Span {
  start: number;
  end: number;
}

/** Silence kept around a phrase's audible extent so breath and decay are not cut off. */
const EDGE = 0.03;

/**
 * An additive mix laid out left to right. `cursor` is where the last placed thing stops
 * being audible; the next one starts `gap` seconds later, so the gap between two turns is
 * the silence a listener hears, not the padding the synthesizer happened to leave.
 * Everything is placed on whole samples and times are read back from those samples.
 */
export class Timeline {
  readonly sampleRate: number;
  private buffer: Float32Array;
  private length = 0;
  cursor = 0;

  constructor(sampleRate: number) {
    this.sampleRate = sampleRate;
    this.buffer = new Float32Array(sampleRate * 60);
  }

  get duration(): number {
    return this.length / this.sampleRate;
  }

  /** Speaks one turn `gap` seconds after the cursor; returns exact turn and word times. */
  speak(voice: VoiceSpec, words: readonly string[], gap: number): TimedTurn {
    const phrase = speakPhrase(voice, words, this.sampleRate);
    const first = phrase.words[0]!.start;
    const last = phrase.words[phrase.words.length - 1]!.end;
    const from = Math.max(0, Math.floor((first - EDGE) * this.sampleRate));
    const to = Math.min(phrase.audio.samples.length, Math.ceil((last + EDGE) * this.sampleRate));
    const clip = fadeEdges(phrase.audio.samples.slice(from, to), Math.round(0.005 * this.sampleRate));

    // Sample index in the mix where the phrase's sample 0 would sit.
    const origin = Math.round((this.cursor + gap - first) * this.sampleRate);
    this.mix(clip, origin + from);
    const offset = origin / this.sampleRate;
    const timed = phrase.words.map((extent, index) => ({
      text: words[index]!,
      start: offset + extent.start,
      end: offset + extent.end,
    }));
    this.cursor = offset + last;
    return { start: offset + first, end: offset + last, words: timed };
  }

  /** Places a non-speech sound `gap` seconds after the cursor; its audible span is the whole clip. */
  sound(audio: MonoAudio, gap: number): Span {
    if (audio.sampleRate !== this.sampleRate) throw new Error('sound has a different sample rate than the timeline');
    const at = Math.round((this.cursor + gap) * this.sampleRate);
    this.mix(audio.samples, at);
    const span = { start: at / this.sampleRate, end: (at + audio.samples.length) / this.sampleRate };
    this.cursor = span.end;
    return span;
  }

  /** Extends the mix with silence up to `gap` seconds past the cursor. */
  pad(gap: number): void {
    const until = Math.round((this.cursor + gap) * this.sampleRate);
    this.ensure(until);
    this.length = Math.max(this.length, until);
  }

  /** Adds a bed (background noise) under the whole mix; `make` returns one sample per mix sample. */
  underlay(make: (length: number) => Float32Array): void {
    const bed = make(this.length);
    for (let i = 0; i < this.length; i++) this.buffer[i]! += bed[i] ?? 0;
  }

  render(): MonoAudio {
    return { samples: this.buffer.slice(0, this.length), sampleRate: this.sampleRate };
  }

  private mix(samples: Float32Array, at: number): void {
    if (at < 0) throw new Error('a clip was placed before the start of the timeline');
    this.ensure(at + samples.length);
    for (let i = 0; i < samples.length; i++) this.buffer[at + i]! += samples[i]!;
    this.length = Math.max(this.length, at + samples.length);
  }

  private ensure(size: number): void {
    if (size <= this.buffer.length) return;
    const grown = new Float32Array(Math.max(size, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

function fadeEdges(samples: Float32Array, count: number): Float32Array {
  const n = Math.min(count, Math.floor(samples.length / 2));
  for (let i = 0; i < n; i++) {
    const gain = i / n;
    samples[i]! *= gain;
    samples[samples.length - 1 - i]! *= gain;
  }
  return samples;
}
