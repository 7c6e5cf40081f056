import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNprText } from '../../src/transcript/formats/npr-text.ts';
import { writeVerbatimJson } from '../../src/transcript/writers/verbatim-json-writer.ts';
import { answer, hostLine, question, STATION_BREAK } from './bench-content.ts';
import { Random } from './random.ts';
import { doorSlam, musicBed, noise, whoosh, type NoiseColour } from './sounds.ts';
import { applyTimes, roundMs } from './timed-transcript.ts';
import { Timeline, type Span, type TimedTurn } from './timeline.ts';
import { describeVoice, type VoiceSpec } from './voice-spec.ts';
import { writeWav, type MonoAudio } from './wav-file.ts';

/**
 * The alignment benchmark's synthetic conversations. Each case is a WAV, the transcript
 * the aligner reads (NPR plain text: `NAME: text` lines, stage directions on their own
 * line) and the ground truth as Verbatim JSON, whose words are exactly what
 * parseNprText makes of that transcript, each with the time its sound starts and ends.
 */

export const SAMPLE_RATE = 16000;

export interface BenchSpeaker {
  /** Display name; the first label is `NAME, ROLE:`, later ones `SURNAME:` as NPR does. */
  name: string;
  role?: string;
  voice: VoiceSpec;
}

export type ScriptItem =
  | { kind: 'speech'; speaker: string; text: string; gap: number; unlabelled?: boolean }
  | { kind: 'event'; text: string; sound: MonoAudio; gap: number }
  /** Audio that is in the recording but not in the transcript (music, a station break). */
  | { kind: 'untranscribed'; what: string; sound: MonoAudio; gap: number };

export interface CaseScript {
  name: string;
  notes: string;
  speakers: Record<string, BenchSpeaker>;
  items: ScriptItem[];
  background?: { colour: NoiseColour; levelDbfs: number };
}

export interface UntranscribedSpan extends Span {
  what: string;
}

export interface RenderedCase {
  script: CaseScript;
  audio: MonoAudio;
  turns: TimedTurn[];
  events: Span[];
  untranscribed: UntranscribedSpan[];
}

export interface ManifestCase {
  name: string;
  /** Paths relative to the manifest. */
  audio: string;
  transcript: string;
  truth: string;
  durationSec: number;
  notes: string;
  /** Stretches of audio that the transcript does not mention, seconds. */
  untranscribed: UntranscribedSpan[];
  voices: Record<string, string>;
  speechTurns: number;
  words: number;
}

export interface BenchManifest {
  generator: string;
  sampleRate: number;
  cases: ManifestCase[];
}

/** Under all audio, so no case has runs of digital silence (about -60 dBFS RMS). */
const NOISE_FLOOR_DBFS = -60;

export function renderCase(script: CaseScript): RenderedCase {
  const timeline = new Timeline(SAMPLE_RATE);
  const turns: TimedTurn[] = [];
  const events: Span[] = [];
  const untranscribed: UntranscribedSpan[] = [];
  for (const item of script.items) {
    if (item.kind === 'speech') {
      const speaker = script.speakers[item.speaker];
      if (!speaker) throw new Error(`${script.name}: no speaker "${item.speaker}"`);
      turns.push(timeline.speak(speaker.voice, item.text.split(' '), item.gap));
    } else if (item.kind === 'event') {
      events.push(timeline.sound(item.sound, item.gap));
    } else {
      untranscribed.push({ ...timeline.sound(item.sound, item.gap), what: item.what });
    }
  }
  timeline.pad(1);
  const random = new Random(hash(script.name));
  timeline.underlay((length) => noise(length, 'white', NOISE_FLOOR_DBFS, random));
  const background = script.background;
  if (background) timeline.underlay((length) => noise(length, background.colour, background.levelDbfs, random));
  return { script, audio: timeline.render(), turns, events, untranscribed };
}

/** NPR-style transcript lines; `seen` carries which speakers were already introduced. */
export function transcriptLines(script: CaseScript, seen = new Set<string>()): string[] {
  return script.items.flatMap((item) => {
    if (item.kind === 'untranscribed') return [];
    if (item.kind === 'event') return [item.text];
    if (item.unlabelled) return [item.text];
    const speaker = script.speakers[item.speaker]!;
    const upper = speaker.name.toUpperCase();
    let label: string;
    if (seen.has(item.speaker)) label = upper.split(' ').at(-1)!;
    else label = speaker.role ? `${upper}, ${speaker.role}` : upper;
    seen.add(item.speaker);
    return [`${label}: ${item.text}`];
  });
}

/** Writes one case's three files and returns its manifest entry. */
export function writeCase(outDir: string, rendered: RenderedCase, lines: readonly string[]): ManifestCase {
  const { script } = rendered;
  const transcriptText = `${lines.join('\n')}\n`;
  const parsed = parseNprText(transcriptText, { fileName: `${script.name}.txt` });
  if (!parsed.ok) throw new Error(`${script.name}: the generated transcript does not parse: ${parsed.error.message}`);
  const truth = applyTimes(parsed.transcript, rendered.turns, rendered.events);

  const files = { audio: `${script.name}.wav`, transcript: `${script.name}.txt`, truth: `${script.name}.verbatim.json` };
  writeWav(join(outDir, files.audio), rendered.audio);
  writeFileSync(join(outDir, files.transcript), transcriptText);
  writeFileSync(join(outDir, files.truth), writeVerbatimJson(truth));
  return {
    name: script.name,
    ...files,
    durationSec: roundMs(rendered.audio.samples.length / rendered.audio.sampleRate),
    notes: script.notes,
    untranscribed: rendered.untranscribed.map((span) => ({ what: span.what, start: roundMs(span.start), end: roundMs(span.end) })),
    voices: Object.fromEntries(Object.values(script.speakers).map((speaker) => [speaker.name, describeVoice(speaker.voice)])),
    speechTurns: rendered.turns.length,
    words: rendered.turns.reduce((sum, turn) => sum + turn.words.length, 0),
  };
}

/** Joins rendered cases end to end (with `gap` seconds between) into one long case. */
export function concatenateCases(name: string, notes: string, parts: readonly RenderedCase[], gap = 1.5): { rendered: RenderedCase; lines: string[] } {
  const total = parts.reduce((sum, part) => sum + part.audio.samples.length, 0) + Math.round(gap * SAMPLE_RATE) * parts.length;
  const samples = new Float32Array(total);
  const turns: TimedTurn[] = [];
  const events: Span[] = [];
  const untranscribed: UntranscribedSpan[] = [];
  const speakers: Record<string, BenchSpeaker> = {};
  const items: ScriptItem[] = [];
  const lines: string[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (const part of parts) {
    const offset = at / SAMPLE_RATE;
    samples.set(part.audio.samples, at);
    const shift = <T extends Span>(span: T): T => ({ ...span, start: span.start + offset, end: span.end + offset });
    turns.push(...part.turns.map((turn) => ({ ...shift(turn), words: turn.words.map(shift) })));
    events.push(...part.events.map(shift));
    untranscribed.push(...part.untranscribed.map(shift));
    Object.assign(speakers, part.script.speakers);
    items.push(...part.script.items);
    // A repeated part opens with its unlabelled intro; mid-file it needs its speaker's label.
    const relabelled = { ...part.script, items: part.script.items.map((item) => (item.kind === 'speech' ? { ...item, unlabelled: item.unlabelled && lines.length === 0 } : item)) };
    lines.push(...transcriptLines(relabelled, seen));
    at += part.audio.samples.length + Math.round(gap * SAMPLE_RATE);
  }
  // The joins between parts are digital silence; give them the same floor as the rest.
  const random = new Random(hash(name));
  const floor = noise(samples.length, 'white', NOISE_FLOOR_DBFS, random);
  at = 0;
  for (const part of parts) {
    at += part.audio.samples.length;
    const until = Math.min(samples.length, at + Math.round(gap * SAMPLE_RATE));
    for (let i = at; i < until; i++) samples[i] = floor[i]!;
    at = until;
  }
  const script: CaseScript = { name, notes, speakers, items };
  return { rendered: { script, audio: { samples, sampleRate: SAMPLE_RATE }, turns, events, untranscribed }, lines };
}

/** The case scripts, built from one seed so every run writes the same files. */
export function benchScripts(seed = 1): CaseScript[] {
  const random = new Random(seed);
  const pause = (): number => random.between(0.4, 0.9);
  const rate = SAMPLE_RATE;
  const scripts: CaseScript[] = [];

  {
    const speakers: Record<string, BenchSpeaker> = {
      host: { name: 'Dana Whitfield', role: 'HOST', voice: { engine: 'flite', name: 'slt' } },
      guest: { name: 'Marcus Bell', role: 'BYLINE', voice: { engine: 'espeak', name: 'en-us+m3', wordsPerMinute: 165 } },
    };
    const items: ScriptItem[] = [
      { kind: 'speech', speaker: 'host', unlabelled: true, gap: 0.6, text: `${hostLine(0, random, { host: 'Dana Whitfield' })} ${answer(random, 1)}` },
      { kind: 'speech', speaker: 'host', gap: pause(), text: hostLine(1, random, { guest: 'Marcus Bell' }) },
      { kind: 'speech', speaker: 'guest', gap: pause(), text: 'Thanks, Dana. Good to be here.' },
    ];
    for (let i = 0; i < 5; i++) {
      items.push({ kind: 'speech', speaker: 'host', gap: pause(), text: question(random) });
      items.push({ kind: 'speech', speaker: 'guest', gap: pause(), text: answer(random, random.integer(2, 3)) });
    }
    items.push({ kind: 'speech', speaker: 'host', gap: pause(), text: hostLine(2, random, { guest: 'Marcus Bell' }) });
    scripts.push({
      name: 'interview-two-voices',
      notes: 'Host (flite slt) and reporter (espeak-ng en-us+m3, 165 wpm); unlabelled opener; natural 0.4-0.9 s pauses; faint noise floor only.',
      speakers,
      items,
    });
  }

  {
    const speakers: Record<string, BenchSpeaker> = {
      host: { name: 'Ana Ruiz', role: 'HOST', voice: { engine: 'espeak', name: 'en+f2', wordsPerMinute: 175, pitch: 55 } },
      reporter: { name: 'Tom Becker', role: 'BYLINE', voice: { engine: 'flite', name: 'rms' } },
      guest: { name: 'Abbas Gallyamov', voice: { engine: 'flite', name: 'awb', durationStretch: 1.1 } },
    };
    const items: ScriptItem[] = [
      { kind: 'untranscribed', what: 'music intro', sound: musicBed(rate, 4, random), gap: 0.2 },
      { kind: 'speech', speaker: 'host', gap: 0.5, text: `${hostLine(0, random, { host: 'Ana Ruiz' })} Tom Becker is in ${'Moscow'} with the latest.` },
      { kind: 'speech', speaker: 'reporter', gap: pause(), text: answer(random, 3) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: question(random) },
      { kind: 'speech', speaker: 'reporter', gap: pause(), text: `${answer(random, 2)} I met Abbas Gallyamov at his office.` },
      { kind: 'event', text: '(SOUNDBITE OF DOOR CLOSING)', sound: doorSlam(rate, random), gap: 0.5 },
      { kind: 'speech', speaker: 'guest', gap: 0.6, text: answer(random, 3) },
      { kind: 'speech', speaker: 'reporter', gap: pause(), text: answer(random, 2) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: question(random) },
      { kind: 'speech', speaker: 'guest', gap: pause(), text: answer(random, 2) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: hostLine(2, random, { guest: 'Tom Becker' }) },
    ];
    scripts.push({
      name: 'music-intro-door',
      notes: 'Untranscribed 4 s music intro; three voices (espeak-ng en+f2, flite rms, flite awb slowed 1.1x); (SOUNDBITE OF DOOR CLOSING) is a synthetic door slam ground-truthed as an event; pink noise at -38 dBFS.',
      speakers,
      items,
      background: { colour: 'pink', levelDbfs: -38 },
    });
  }

  {
    const speakers: Record<string, BenchSpeaker> = {
      host: { name: 'Lena Ortiz', role: 'HOST', voice: { engine: 'flite', name: 'slt', durationStretch: 0.95 } },
      correspondent: { name: 'Paul Okafor', role: 'BYLINE', voice: { engine: 'espeak', name: 'en-gb-x-rp+m1', wordsPerMinute: 180 } },
      guest: { name: 'Mei Lin', voice: { engine: 'espeak', name: 'en-us+f4', wordsPerMinute: 160, pitch: 60 } },
    };
    const announcer = new Timeline(rate);
    STATION_BREAK.forEach((line, index) => announcer.speak({ engine: 'flite', name: 'kal16' }, line.split(' '), index === 0 ? 1.2 : 0.5));
    announcer.pad(1.2);
    const voiceOver = announcer.render();
    const bed = musicBed(rate, voiceOver.samples.length / rate, random, -26);
    const stationBreak = { samples: voiceOver.samples.map((value, i) => value + (bed.samples[i] ?? 0)), sampleRate: rate };
    const items: ScriptItem[] = [
      { kind: 'speech', speaker: 'host', gap: 0.5, text: `${hostLine(0, random, { host: 'Lena Ortiz' })} ${hostLine(1, random, { guest: 'Paul Okafor' })}` },
      { kind: 'speech', speaker: 'correspondent', gap: pause(), text: answer(random, 3) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: question(random) },
      { kind: 'speech', speaker: 'correspondent', gap: pause(), text: answer(random, 2) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: hostLine(3, random, {}) },
      { kind: 'untranscribed', what: 'station break (flite kal16 over music)', sound: stationBreak, gap: 0.7 },
      { kind: 'event', text: '(SOUNDBITE OF MUSIC)', sound: musicBed(rate, 3, random, -18), gap: 0.3 },
      { kind: 'speech', speaker: 'host', gap: 0.6, text: `${hostLine(4, random, {})} With us now is Mei Lin.` },
      { kind: 'speech', speaker: 'guest', gap: pause(), text: answer(random, 3) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: question(random) },
      { kind: 'speech', speaker: 'guest', gap: pause(), text: answer(random, 2) },
      { kind: 'speech', speaker: 'correspondent', gap: pause(), text: answer(random, 2) },
      { kind: 'speech', speaker: 'host', gap: pause(), text: hostLine(5, random, {}) },
    ];
    scripts.push({
      name: 'station-break',
      notes: `Untranscribed station break (${(voiceOver.samples.length / rate).toFixed(1)} s, flite kal16 over music) between turns; (SOUNDBITE OF MUSIC) event; flite slt, espeak-ng en-gb-x-rp+m1 and en-us+f4; brown noise at -34 dBFS.`,
      speakers,
      items,
      background: { colour: 'brown', levelDbfs: -34 },
    });
  }

  {
    const speakers: Record<string, BenchSpeaker> = {
      host: { name: 'Sam Carter', role: 'HOST', voice: { engine: 'espeak', name: 'en-us', wordsPerMinute: 230 } },
      analyst: { name: 'Priya Raman', voice: { engine: 'flite', name: 'slt', durationStretch: 0.8 } },
      caller: { name: 'Joe Hadley', voice: { engine: 'flite', name: 'kal16', durationStretch: 0.9 } },
    };
    const items: ScriptItem[] = [
      { kind: 'speech', speaker: 'host', gap: 0.4, text: `${hostLine(0, random, { host: 'Sam Carter' })} Priya Raman and Joe Hadley are here.` },
    ];
    const round = ['analyst', 'host', 'caller', 'analyst', 'caller', 'host', 'analyst', 'caller', 'host', 'analyst', 'caller', 'host', 'analyst', 'caller'];
    const order = [...round, ...round];
    order.forEach((speaker, index) => {
      // Speakers jump in on each other's heels: 0-50 ms between one voice ending and the next starting.
      const gap = index % 3 === 2 ? random.between(0.2, 0.4) : random.between(0, 0.05);
      const text = speaker === 'host' ? question(random) : index % 4 === 0 ? 'Right, exactly.' : answer(random, random.integer(1, 2));
      items.push({ kind: 'speech', speaker, gap, text });
    });
    scripts.push({
      name: 'rapid-exchange',
      notes: 'Fast talkers (espeak-ng en-us 230 wpm, flite slt 0.8x, flite kal16 0.9x); most turns start 0-50 ms after the previous one ends; pink noise at -32 dBFS.',
      speakers,
      items,
      background: { colour: 'pink', levelDbfs: -32 },
    });
  }

  {
    const speakers: Record<string, BenchSpeaker> = {
      host: { name: 'Grace Holloway', role: 'HOST', voice: { engine: 'flite', name: 'rms', durationStretch: 1.05 } },
      slow: { name: 'Walter Brandt', voice: { engine: 'flite', name: 'awb', durationStretch: 1.3 } },
      fast: { name: 'Nadia Karimi', voice: { engine: 'espeak', name: 'en+f5', wordsPerMinute: 215, pitch: 65 } },
      deep: { name: 'Ivan Gallyamov', voice: { engine: 'espeak', name: 'en-us+m1', wordsPerMinute: 140, pitch: 30 } },
    };
    const items: ScriptItem[] = [
      { kind: 'speech', speaker: 'host', gap: 0.5, text: `${hostLine(0, random, { host: 'Grace Holloway' })} Our panel today is Walter Brandt, Nadia Karimi and Ivan Gallyamov.` },
    ];
    const panel = ['slow', 'fast', 'deep'];
    for (let round = 0; round < 3; round++) {
      items.push({ kind: 'speech', speaker: 'host', gap: pause(), text: question(random) });
      for (const speaker of random.shuffle(panel)) {
        // Now and then a long thinking pause before an answer.
        const gap = random.next() < 0.3 ? random.between(1.2, 2) : pause();
        items.push({ kind: 'speech', speaker, gap, text: answer(random, random.integer(2, 3)) });
      }
      if (round === 1) items.push({ kind: 'event', text: '(SOUNDBITE OF WIND)', sound: whoosh(rate, random, 1.2), gap: 0.5 });
    }
    items.push({ kind: 'speech', speaker: 'host', gap: pause(), text: hostLine(5, random, {}) });
    items.push({ kind: 'untranscribed', what: 'music outro', sound: musicBed(rate, 5, random), gap: 0.4 });
    scripts.push({
      name: 'panel-four-voices',
      notes: 'Four voices at very different rates (flite rms 1.05x, flite awb 1.3x slow, espeak-ng en+f5 215 wpm, espeak-ng en-us+m1 140 wpm low pitch); occasional 1.2-2 s pauses; (SOUNDBITE OF WIND) whoosh event; untranscribed 5 s music outro.',
      speakers,
      items,
    });
  }
  return scripts;
}

/**
 * A 15-second conversation small enough to commit as a test fixture: two engines, a
 * stage direction with its sound, an abbreviation and a number.
 */
export function fixtureScript(): CaseScript {
  const random = new Random(3);
  return {
    name: 'two-voices-short',
    notes: 'Fixture: flite slt host and espeak-ng en-us+m3 guest, one door-slam event, faint noise floor.',
    speakers: {
      host: { name: 'Dana Whitfield', role: 'HOST', voice: { engine: 'flite', name: 'slt' } },
      guest: { name: 'Marcus Bell', role: 'BYLINE', voice: { engine: 'espeak', name: 'en-us+m3', wordsPerMinute: 165 } },
    },
    items: [
      { kind: 'speech', speaker: 'host', gap: 0.5, text: 'Marcus, how many U.S. troops are there now?' },
      { kind: 'speech', speaker: 'guest', gap: 0.6, text: 'About 2,400, Dana. Dr. Smith says that number will grow.' },
      { kind: 'event', text: '(SOUNDBITE OF DOOR CLOSING)', sound: doorSlam(SAMPLE_RATE, random), gap: 0.5 },
      { kind: 'speech', speaker: 'host', gap: 0.6, text: 'Thank you, Marcus.' },
    ],
  };
}

export interface GenerateOptions {
  /** Also write a ~30-minute case made of the others repeated (default true). */
  long?: boolean;
  seed?: number;
  log?: (line: string) => void;
}

/** Writes every case, the long case and `manifest.json` into `outDir`; returns the manifest. */
export function generateBenchCases(outDir: string, options: GenerateOptions = {}): BenchManifest {
  const log = options.log ?? (() => undefined);
  mkdirSync(outDir, { recursive: true });
  const cases: ManifestCase[] = [];
  const rendered: RenderedCase[] = [];
  for (const script of benchScripts(options.seed ?? 1)) {
    const started = Date.now();
    const result = renderCase(script);
    rendered.push(result);
    const entry = writeCase(outDir, result, transcriptLines(script));
    cases.push(entry);
    log(`${entry.name}: ${entry.durationSec.toFixed(1)} s, ${entry.speechTurns} turns, ${entry.words} words (${Date.now() - started} ms)`);
  }
  if (options.long ?? true) {
    const parts: RenderedCase[] = [];
    let seconds = 0;
    while (seconds < 30 * 60) {
      const part = rendered[parts.length % rendered.length]!;
      parts.push(part);
      seconds += part.audio.samples.length / SAMPLE_RATE + 1.5;
    }
    const long = concatenateCases(
      'long-30min',
      `The ${rendered.length} cases above repeated end to end (${parts.length} parts) for speed and memory; same voices, noise and events.`,
      parts,
    );
    const entry = writeCase(outDir, long.rendered, long.lines);
    cases.push(entry);
    log(`${entry.name}: ${entry.durationSec.toFixed(1)} s, ${entry.speechTurns} turns, ${entry.words} words`);
  }
  const manifest: BenchManifest = { generator: 'scripts/bench-data.ts', sampleRate: SAMPLE_RATE, cases };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619);
  return value >>> 0;
}
