import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVerbatimJson } from '../formats/verbatim-json.ts';
import type { Entry, Speaker, Transcript, Word } from '../model.ts';
import { captionCues, DEFAULT_CAPTION_LIMITS, HARD_MIN_DURATION, wrapLines, type CaptionCue, type CaptionLimits } from './caption-cues.ts';
import { captionStats } from './caption-stats.ts';
import { writeSrt } from './srt-writer.ts';
import { writeWebVtt } from './webvtt-writer.ts';

const EPS = 1e-3;
const width = (text: string) => [...text].length;

function demo(): Transcript {
  const read = parseVerbatimJson(readFileSync(new URL('../../../public/demo/seed.verbatim.json', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.transcript;
}

/** Every rule a cue list must keep; returns the first broken one as a sentence, or ''. */
function brokenRule(cues: CaptionCue[], limits: CaptionLimits, transcript: Transcript): string {
  for (const [index, cue] of cues.entries()) {
    const duration = cue.end - cue.start;
    const next = cues[index + 1];
    const gapLimited = next !== undefined && cue.end >= next.start - limits.gap - EPS;
    const chars = cue.lines.reduce((sum, line) => sum + width(line), 0);
    if (cue.lines.length > limits.maxLines) return `cue ${index} has ${cue.lines.length} lines`;
    const wide = cue.lines.find((line) => width(line) > limits.maxChars);
    if (wide !== undefined) return `cue ${index} line "${wide}" is too wide`;
    if (duration > limits.maxDuration + EPS) return `cue ${index} lasts ${duration}`;
    if (duration < HARD_MIN_DURATION - EPS) return `cue ${index} lasts only ${duration}`;
    if (duration < limits.minDuration - EPS && !gapLimited) return `cue ${index} is short (${duration}) with room after it`;
    if (chars / duration > limits.maxCps + 0.05 && !gapLimited && duration < limits.maxDuration - EPS) return `cue ${index} reads at ${chars / duration} cps with room after it`;
    const previous = cues[index - 1];
    if (previous && cue.start < previous.end + limits.gap - EPS) return `cue ${index} starts ${cue.start}, too close to ${previous.end}`;
    if (cue.lines.join(' ') !== cue.words.map((word) => word.text).join(' ')) return `cue ${index} lines do not hold its words`;
  }
  // Cues cover each entry's words in order, and never mix two entries.
  for (const entry of transcript.entries) {
    const own = cues.filter((cue) => cue.entry === entry);
    if (own.length === 0) continue;
    const texts = own.flatMap((cue) => cue.words.map((word) => word.text));
    const expected = entry.kind === 'speech' ? entry.words.map((word) => word.text) : entry.text.split(/\s+/u).filter(Boolean);
    if (texts.join(' ') !== expected.join(' ')) return `entry words changed: ${texts.join(' ')}`;
    if (!own[0]?.firstOfEntry || own.slice(1).some((cue) => cue.firstOfEntry)) return 'firstOfEntry is wrong';
  }
  return '';
}

const wordText = fc
  .tuple(fc.stringMatching(/^[A-Za-zé']{1,12}$/u), fc.constantFrom('', '', '', ',', '.', '?', ';'))
  .map(([text, punctuation]) => text + punctuation);

/** Realistic speech: words of 0.1–0.9 s with pauses, some untimed, some turns timed only as a whole. */
const generated: fc.Arbitrary<Transcript> = fc
  .record({
    names: fc.array(fc.stringMatching(/^[A-Z][a-z]{1,9}( [A-Z][a-z]{1,9})?$/u), { minLength: 1, maxLength: 3 }),
    turns: fc.array(
      fc.record({
        speaker: fc.nat(3),
        gapBefore: fc.double({ min: 0, max: 2, noNaN: true }),
        wholeTurnOnly: fc.boolean(),
        words: fc.array(
          fc.record({ text: wordText, length: fc.double({ min: 0.1, max: 0.9, noNaN: true }), pause: fc.double({ min: 0, max: 0.6, noNaN: true }), untimed: fc.boolean() }),
          { minLength: 1, maxLength: 60 },
        ),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ names, turns }) => {
    const speakers: Speaker[] = [...new Set(names)].map((name, index) => ({ id: `s${index}`, name }));
    let clock = 0;
    const entries: Entry[] = turns.map((turn) => {
      clock += turn.gapBefore;
      const start = clock;
      const words: Word[] = turn.words.map((word) => {
        const timed: Word = { text: word.text, start: clock, end: clock + word.length };
        clock += word.length + word.pause;
        return turn.wholeTurnOnly || word.untimed ? { text: word.text } : timed;
      });
      const speakerId = speakers[turn.speaker]?.id ?? null;
      return { kind: 'speech', speakerId, start, end: clock, words };
    });
    return { speakers, entries };
  });

describe('captionCues', () => {
  it('keeps every cue of the demo inside the limits', () => {
    const transcript = demo();
    const { cues } = captionCues(transcript);
    expect(brokenRule(cues, DEFAULT_CAPTION_LIMITS, transcript)).toBe('');
    const stats = captionStats(cues);
    expect(stats.widestLine).toBeLessThanOrEqual(42);
    expect(stats.mostLines).toBeLessThanOrEqual(2);
    expect(stats.longestSeconds).toBeLessThanOrEqual(7);
    expect(stats.shortestSeconds).toBeGreaterThanOrEqual(HARD_MIN_DURATION);
    expect(stats.smallestGap).toBeGreaterThanOrEqual(DEFAULT_CAPTION_LIMITS.gap - EPS);
  });

  it('keeps every cue of generated transcripts inside the limits, for default and other limits', () => {
    fc.assert(
      fc.property(generated, fc.constantFrom({}, { maxChars: 32, maxLines: 1, maxDuration: 4 }, { maxChars: 37, maxLines: 3, maxDuration: 6 }), (transcript, options) => {
        const limits = { ...DEFAULT_CAPTION_LIMITS, ...options };
        const { cues } = captionCues(transcript, options);
        expect(brokenRule(cues, limits, transcript)).toBe('');
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the reading speed when the next cue starts between two milliseconds (fast-check counterexample)', () => {
    const text = "aabA''a', aé? aAbéééB'A. A; éBééé''é aféb? WbB. Aé";
    const transcript: Transcript = {
      speakers: [{ id: 's0', name: 'Aa' }],
      entries: [
        { kind: 'speech', speakerId: 's0', start: 0, end: 3.1945, words: text.split(' ').map((word) => ({ text: word })) },
        { kind: 'speech', speakerId: 's0', start: 3.1945, end: 3.2945, words: [{ text: "'" }] },
      ],
    };
    const options = { maxChars: 32, maxLines: 1, maxDuration: 4 };
    const { cues } = captionCues(transcript, options);
    expect(brokenRule(cues, { ...DEFAULT_CAPTION_LIMITS, ...options }, transcript)).toBe('');
  });

  it('writes SRT and VTT whose every cue is inside the limits, a speaker per cue, NAME: on a turn’s first SRT cue', () => {
    fc.assert(
      fc.property(generated, (transcript) => {
        const srt = writeSrt(transcript).trim().split('\n\n');
        for (const block of srt) {
          const [, timing = '', ...lines] = block.split('\n');
          expect(timing).toMatch(/^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/u);
          expect(lines.length).toBeLessThanOrEqual(2);
          for (const line of lines) expect(width(line)).toBeLessThanOrEqual(42);
        }
        const named = transcript.entries.filter((entry) => entry.kind === 'speech' && entry.speakerId !== null).length;
        const prefixed = srt.filter((block) => transcript.speakers.some((speaker) => block.split('\n')[2]?.startsWith(`${speaker.name}: `))).length;
        expect(prefixed).toBeGreaterThanOrEqual(named);
        const vtt = writeWebVtt(transcript).trim().split('\n\n').slice(1);
        const voiced = captionCues(transcript).cues.map((cue) => cue.entry.kind === 'speech' && cue.entry.speakerId !== null);
        expect(vtt.map((block) => /^<v [^>]+>/u.test(block.split('\n')[2] ?? ''))).toEqual(voiced);
      }),
      { numRuns: 60 },
    );
  });

  it('starts a new cue at every turn and keeps one cue per turn when asked', () => {
    const transcript = demo();
    const perTurn = captionCues(transcript, { cuePerTurn: true }).cues;
    expect(perTurn).toHaveLength(transcript.entries.length);
    const cut = captionCues(transcript).cues;
    expect(cut.filter((cue) => cue.firstOfEntry)).toHaveLength(transcript.entries.length);
  });

  it('interpolates untimed words inside a timed turn and breaks at sentence ends', () => {
    const transcript: Transcript = {
      speakers: [],
      entries: [
        {
          kind: 'speech',
          speakerId: null,
          start: 0,
          end: 12,
          words: 'This is the first sentence of the turn. And here is another one that goes on for a while, with a clause.'
            .split(' ')
            .map((text, index) => (index === 0 ? { text, start: 0, end: 0.3 } : { text })),
        },
      ],
    };
    const { cues } = captionCues(transcript);
    expect(cues[0]?.lines.join(' ')).toBe('This is the first sentence of the turn.');
    for (const cue of cues) expect(cue.words.every((word) => word.start !== undefined && word.end !== undefined)).toBe(true);
  });

  it('wraps lines at punctuation, evenly, and never inside a word', () => {
    expect(wrapLines('one two three, four five six seven'.split(' '), 20, 2)).toEqual(['one two three,', 'four five six seven']);
    expect(wrapLines(['a', 'supercalifragilisticexpialidocious-and-more-of-it', 'b'], 10, 3)).toEqual(['a', 'supercalifragilisticexpialidocious-and-more-of-it', 'b']);
    expect(wrapLines('one two three four'.split(' '), 5, 2)).toBeUndefined();
  });
});
