import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkImportTimes, LISTED_PROBLEMS, MAX_TRANSCRIPT_SECONDS } from './check-import-times.ts';
import { exportFormats, formatPairs } from './formats/registry.ts';
import type { Entry, Transcript } from './model.ts';
import { readTranscript } from './read-transcript.ts';

describe('checkImportTimes', () => {
  it('refuses 999 h, 1e300, negative and backwards times, naming the file and line', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n\n999:00:00.000 --> 999:00:01.000\nLate\n';
    const late = readTranscript(vtt, { fileName: 'late.vtt' });
    expect(late.ok).toBe(false);
    expect(late.ok ? undefined : late.error).toMatchObject({ fileName: 'late.vtt', line: 6 });
    expect(late.ok ? '' : late.error.message).toMatch(/^turn 2 starts at 999:00:00\.000, past the 48-hour limit/u);
    const huge = readTranscript('{"segments":[{"start":1,"end":2,"text":"a"},\n{"start":1e300,"end":1e301,"text":"x"}]}', { fileName: 'w.json' });
    expect(huge.ok ? undefined : huge.error).toMatchObject({ fileName: 'w.json', line: 2 });
    const transcript: Transcript = { speakers: [], entries: [{ kind: 'speech', speakerId: null, start: 5, end: 4, words: [{ text: 'a', start: -1, end: Number.NaN }] }] };
    expect(checkImportTimes(transcript).errors.map((error) => error.message)).toEqual([
      'turn 1 ends at 0:00:04.000, before it starts at 0:00:05.000',
      'word 1 ("a") of turn 1 starts at -0:00:01.000, before the start of the audio',
      'word 1 ("a") of turn 1 ends at NaN, which is not a time',
    ]);
  });

  it('warns about overlapping turns and times past a known audio end', () => {
    const srt = '1\n00:00:01,000 --> 00:00:05,000\nA: one\n\n2\n00:00:04,000 --> 00:03:00,000\nB: two\n';
    const read = readTranscript(srt, { fileName: 'x.srt', duration: 60 });
    expect(read.ok && read.warnings).toEqual([
      '1 time runs past the end of the audio (0:01:00.000): line 6: turn 2 ends at 0:03:00.000. Is this the transcript of this audio?',
      'line 6: turn 2 starts at 0:00:04.000, before turn 1 ends at 0:00:05.000.',
    ]);
    const longer = readTranscript(srt, { duration: 200 });
    expect(longer.ok && longer.warnings).toHaveLength(1);
  });
});

describe('checkImportTimes on a file full of problems', () => {
  it('looks up the line of the first problems only and lists the first overlaps, counting the rest', () => {
    // 2,000 cues each starting before the one before it ends, the last 1,000 past 48 hours: the
    // text is scanned for a line a bounded number of times, however many problems there are.
    const cue = (index: number) => {
      const start = index < 1000 ? index * 2 : MAX_TRANSCRIPT_SECONDS + index * 2;
      return `${index + 1}\n${timecode(start)} --> ${timecode(start + 3)}\nword\n`;
    };
    const srt = Array.from({ length: 2000 }, (_, index) => cue(index)).join('\n');
    const refused = readTranscript(srt, { fileName: 'many.srt' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/past the 48-hour limit for a transcript \(and 1999 more impossible times\)$/u);
    const overlapping = readTranscript(Array.from({ length: 1000 }, (_, index) => cue(index)).join('\n'));
    const warnings = overlapping.ok ? overlapping.warnings : [];
    expect(warnings).toHaveLength(LISTED_PROBLEMS + 1);
    expect(warnings[0]).toMatch(/^line \d+: turn 2 starts at 0:00:02\.000, before turn 1 ends/u);
    expect(warnings.at(-1)).toBe(`${999 - LISTED_PROBLEMS} more turns start before the one before them ends.`);
  });
});

/** SRT's `hh:mm:ss,mmm`. */
function timecode(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(Math.floor(rest)).padStart(2, '0')},${String(Math.round((rest % 1) * 1000)).padStart(3, '0')}`;
}

describe('writers never emit an impossible timecode', () => {
  const extreme = fc.constantFrom(1e300, Number.NaN, -1, 999 * 3600, Number.POSITIVE_INFINITY, 3, 12.5, MAX_TRANSCRIPT_SECONDS + 1);
  const transcripts: fc.Arbitrary<Transcript> = fc
    .array(fc.record({ start: fc.option(extreme, { nil: undefined }), end: fc.option(extreme, { nil: undefined }), word: fc.option(extreme, { nil: undefined }), event: fc.boolean() }), { minLength: 1, maxLength: 6 })
    .map((items) => ({
      speakers: [{ id: 'a', name: 'Ann' }],
      entries: items.map(({ start, end, word, event }): Entry =>
        event
          ? { kind: 'event', text: '(MUSIC)', ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) }
          : { kind: 'speech', speakerId: 'a', ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }), words: [{ text: 'hello', ...(word === undefined ? {} : { start: word, end: word }) }, { text: 'there.' }] },
      ),
    }));

  it('every writer writes only sane times, and every paired reader reads its output back', () => {
    fc.assert(
      fc.property(transcripts, (transcript) => {
        for (const format of exportFormats) {
          const text = format.write(transcript, { title: 't', audioUrl: 'a.mp3' });
          expect(text).not.toMatch(/NaN|Infinity|e\+\d|null,|-\d+:\d/u);
          for (const match of text.matchAll(/(\d+):(\d\d):(\d\d)[.,]\d{3}/gu)) expect(Number(match[1])).toBeLessThanOrEqual(48);
        }
        for (const { writer } of formatPairs) {
          const text = writer.write(transcript, { title: 't', audioUrl: 'a.mp3' });
          if (text.trim() === '' || text.trim() === 'WEBVTT') continue;
          const back = readTranscript(text, { fileName: `out.${writer.extension}` });
          expect(back.ok ? '' : `${writer.id}: ${back.error.message}`).toBe('');
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
