import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakerName, speechTurns, turnParagraphs, type Transcript } from '../model.ts';
import { readTranscript } from '../read-transcript.ts';
import { writeText } from '../writers/text-writer.ts';
import { detectTimestampedShape, parseTimestampedText } from './timestamped-text.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/formats/text/${name}`, import.meta.url), 'utf8');

function summary(transcript: Transcript): string[] {
  return transcript.entries.map((entry) =>
    entry.kind === 'event'
      ? `${entry.start} (event) ${entry.text}`
      : `${entry.start} ${speakerName(transcript, entry.speakerId) ?? '-'}: ${turnParagraphs(entry).map((words) => words.map((word) => word.text).join(' ')).join(' / ')}`,
  );
}

const THREE_TURNS = [
  "3 Speaker 1: Thanks for joining us. Today we're talking about the budget.",
  "9 Speaker 2: Happy to be here. It's been a long week.",
  "14 Speaker 1: Let's start with the numbers.",
];

describe('timestamped text, detected from content', () => {
  it.each([
    ['rev.txt', 'rev'],
    ['otter.txt', 'otter'],
    ['trint.txt', 'bracketed'],
  ])('%s (%s, no hours) reads speakers and times', (name, shape) => {
    const text = fixture(name);
    expect(detectTimestampedShape(text)?.shape).toBe(shape);
    const read = readTranscript(text, { fileName: name });
    expect(read.ok && read.formatId).toBe('timestamped-text');
    expect(read.ok && summary(read.transcript)).toEqual(THREE_TURNS);
    expect(read.ok && read.transcript.speakers.map((speaker) => speaker.name)).toEqual(['Speaker 1', 'Speaker 2']);
  });

  it.each([
    ['rev-hours.txt', 'rev', 'Dr. Ana Ruiz'],
    ['otter-hours.txt', 'otter', 'Sam Chen'],
  ])('%s (%s, across the hour) reads 59:58 and 1:00:04', (name, shape, second) => {
    const text = fixture(name);
    expect(detectTimestampedShape(text)?.shape).toBe(shape);
    const read = readTranscript(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.transcript.entries.map((entry) => entry.start)).toEqual([3598, 3604, 3611]);
    expect(speakerName(read.transcript, (read.transcript.entries[1] as { speakerId: string }).speakerId)).toBe(second);
  });

  it('Descript style: [hh:mm:ss] Name: text', () => {
    const read = readTranscript(fixture('descript.txt'));
    expect(read.ok && read.formatId).toBe('timestamped-text');
    expect(read.ok && summary(read.transcript)[1]).toBe("9 Sam Chen: Happy to be here. It's been a long week.");
  });

  it.each([
    ['youtube.txt', [3, 6, 9]],
    ['youtube-hours.txt', [3598, 3604, 3611]],
  ])('YouTube transcript copy %s: time line, then text, unlabelled turns', (name, starts) => {
    const text = fixture(name);
    expect(detectTimestampedShape(text)?.shape).toBe('youtube');
    const read = readTranscript(text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.transcript.entries.map((entry) => entry.start)).toEqual(starts);
    expect(read.transcript.speakers).toEqual([]);
    // Each turn ends where the next starts.
    expect(read.transcript.entries[0]?.end).toBe(starts[1]);
  });

  it("reads Verbatim's own text export back: speakers, times, events and paragraphs", () => {
    const read = readTranscript(fixture('verbatim-export.txt'), { fileName: 'seed.txt' });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.formatId).toBe('timestamped-text');
    expect(summary(read.transcript)).toEqual([
      '0 -: Allies and adversaries of the Maduro regime have been watching.',
      '17 Charles Maynes: Hi there.',
      "18 Summers: Charles, let's start with Moscow's formal response.",
      "24 Charles Maynes: Well, we haven't heard from Russian President Vladimir Putin. / We're forcefully amid this months-long pressure campaign.",
      '62 (event) (SOUNDBITE OF MUSIC)',
      '65 Summers: Thank you, Charles.',
    ]);
  });

  it('reads the demo text export back with its 13 turns, 16 paragraphs and 3 speakers', () => {
    const demo = readTranscript(readFileSync(new URL('../../../public/demo/seed.verbatim.json', import.meta.url), 'utf8'));
    if (!demo.ok) throw new Error(demo.error.message);
    const back = readTranscript(writeText(demo.transcript));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.formatId).toBe('timestamped-text');
    const turns = speechTurns(back.transcript);
    expect(turns).toHaveLength(13);
    expect(turns.reduce((sum, turn) => sum + turnParagraphs(turn).length, 0)).toBe(16);
    expect(back.transcript.speakers.map((speaker) => speaker.name)).toEqual(demo.transcript.speakers.map((speaker) => speaker.name));
    speechTurns(demo.transcript).forEach((turn, index) => {
      expect(turns[index]?.start).toBe(Math.floor(turn.start ?? turn.words[0]?.start ?? 0));
    });
  });

  it('keeps the "Read as" override: forced to plain text it is read as prose', () => {
    const read = readTranscript(fixture('rev.txt'), { formatId: 'plain-text' });
    expect(read.ok && read.formatId).toBe('plain-text');
  });

  it('does not claim NPR-style text, captions or prose', () => {
    expect(detectTimestampedShape('SUMMERS: Hi there.\nMAYNES: Hello.\n')).toBeUndefined();
    expect(detectTimestampedShape('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n')).toBeUndefined();
    expect(detectTimestampedShape('The meeting starts at 10:30 and ends at 11:45.\nSee you.\n')).toBeUndefined();
    const npr = readTranscript(readFileSync(new URL('../../../public/demo/seed.txt', import.meta.url), 'utf8'));
    expect(npr.ok && npr.formatId).toBe('plain-text');
  });

  it('names the line of a turn that goes back in time, and fails without any timestamp', () => {
    const read = parseTimestampedText('[00:00:10] A: one\n\n[00:00:05] B: two\n', undefined, 'bracketed');
    expect(read.ok && read.warnings).toEqual(['line 3: this turn starts before the turn above it']);
    const none = parseTimestampedText('just words\n', { fileName: 'x.txt' }, undefined);
    expect(none.ok ? '' : none.error.message).toMatch(/no timestamped turns/u);
  });
});
