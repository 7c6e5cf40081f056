/**
 * Every writer/reader pair of the registry: what a writer writes, detection gives to its
 * reader, and that reader gives back the words in order, each with its speaker, the turns'
 * times and (where the format has them) paragraphs. Captions are cut into cues, so for
 * WebVTT/SRT the check is on words, speakers and cue times staying inside the turn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speakerName, turnParagraphs, type Entry, type Speaker, type Transcript } from '../model.ts';
import { readTranscript } from '../read-transcript.ts';
import { formatPairs, writeOnlyFormats, exportFormats } from './registry.ts';

const plainWord = fc.stringMatching(/^[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ.,!?'’&%$@#*+=/-]{0,9}$/u);
const nameWord = fc.stringMatching(/^[A-Z][a-z]{1,8}$/u);

/**
 * Transcripts every paired format can carry: timed turns in order with timed words,
 * paragraphs, bracketed events; unnamed turns only first (captions label speaker changes).
 */
const carried: fc.Arbitrary<Transcript> = fc
  .uniqueArray(fc.array(nameWord, { minLength: 1, maxLength: 2 }).map((words) => words.join(' ')), { minLength: 1, maxLength: 3, selector: (name) => name.toLowerCase() })
  .chain((names) => {
    const speakers: Speaker[] = names.map((name, index) => ({ id: `s${index}`, name }));
    const word = fc.record({ text: plainWord, length: fc.integer({ min: 100, max: 900 }), pause: fc.integer({ min: 0, max: 400 }), paragraph: fc.boolean() });
    const turn = fc.record({ speaker: fc.nat(speakers.length - 1), gap: fc.integer({ min: 1000, max: 3000 }), words: fc.array(word, { minLength: 1, maxLength: 40 }), event: fc.boolean() });
    return fc.record({ leadingUnnamed: fc.boolean(), turns: fc.array(turn, { minLength: 1, maxLength: 8 }) }).map(({ leadingUnnamed, turns }) => {
      let clock = 0;
      const entries: Entry[] = turns.map((item, index) => {
        clock += item.gap;
        const start = clock / 1000;
        if (item.event && index > 0) {
          clock += 1500;
          return { kind: 'event', text: `(${item.words[0]?.text.replace(/[()]/gu, '') || 'MUSIC'})`, start, end: clock / 1000 };
        }
        const words = item.words.map((spec, wordIndex) => {
          const timed = { text: spec.text, start: clock / 1000, end: (clock + spec.length) / 1000, ...(spec.paragraph && wordIndex > 0 && wordIndex % 7 === 0 ? { paragraph: true as const } : {}) };
          clock += spec.length + spec.pause;
          return timed;
        });
        const speakerId = leadingUnnamed && index === 0 ? null : (speakers[item.speaker]?.id ?? null);
        return { kind: 'speech', speakerId, start, end: clock / 1000, words };
      });
      return { speakers, entries };
    });
  });

/** Each word with its speaker's name, across the transcript (events as one item). */
function spoken(transcript: Transcript): string[] {
  return transcript.entries.flatMap((entry) =>
    entry.kind === 'event' ? [`(event) ${entry.text}`] : entry.words.map((word) => `${speakerName(transcript, entry.speakerId) ?? '-'}: ${word.text}`),
  );
}

function paragraphs(transcript: Transcript): number {
  return transcript.entries.reduce((sum, entry) => sum + (entry.kind === 'speech' ? turnParagraphs(entry).length : 0), 0);
}

describe('format pairs', () => {
  it('pairs every writer with a reader except the write-only ones (Markdown)', () => {
    const paired = new Set(formatPairs.map((pair) => pair.writer.id));
    expect(exportFormats.filter((format) => !paired.has(format.id)).map((format) => format.id)).toEqual(writeOnlyFormats.map((format) => format.id));
  });

  for (const { writer, reader } of formatPairs) {
    it(`${writer.id} -> ${reader.id}: detected, same words, speakers and turn times`, () => {
      fc.assert(
        fc.property(carried, (transcript) => {
          const text = writer.write(transcript, { title: 'x', audioUrl: 'a.mp3' });
          const back = readTranscript(text, { fileName: `out.${writer.extension}` });
          if (!back.ok) throw new Error(back.error.message);
          expect(back.formatId).toBe(reader.id);
          expect(spoken(back.transcript)).toEqual(spoken(transcript));
          const starts = (value: Transcript) => value.entries.map((entry) => entry.start ?? (entry.kind === 'speech' ? entry.words[0]?.start : undefined));
          const originalStarts = starts(transcript);
          const backStarts = starts(back.transcript);
          // Every turn start read back is one the writer was given (to the second in plain text),
          // and captions never move a cue outside its turn.
          for (const start of backStarts) {
            expect(start).toBeDefined();
            const tolerance = writer.id === 'text' ? 1 : 0.001;
            const inside = transcript.entries.some((entry, index) => (start ?? -1) >= (originalStarts[index] ?? 0) - tolerance && (start ?? -1) <= (entry.end ?? Infinity) + tolerance);
            expect(inside).toBe(true);
          }
          if (writer.id === 'verbatim-json') expect(back.transcript).toStrictEqual(transcript);
          if (writer.id === 'text') expect(paragraphs(back.transcript)).toBe(paragraphs(transcript));
        }),
        { numRuns: 80 },
      );
    });
  }
});
