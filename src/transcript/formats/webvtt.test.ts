import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryText, speakerName, type SpeechTurn, type Transcript } from '../model.ts';
import type { ParseResult } from '../parse-result.ts';
import { parseWebVtt, webvttFormat } from './webvtt.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/formats/${name}`, import.meta.url), 'utf8');

function transcriptOf(result: ParseResult): Transcript {
  if (!result.ok) throw new Error(`parse failed: ${result.error.message}`);
  return result.transcript;
}

/** `[speaker] text` per entry, `<event>` for events: what a reader of the transcript sees. */
function outline(transcript: Transcript): string[] {
  return transcript.entries.map((entry) =>
    entry.kind === 'event'
      ? `<${entry.text}>`
      : `[${speakerName(transcript, entry.speakerId) ?? '-'}] ${entryText(entry)}`,
  );
}

describe('parseWebVtt', () => {
  it('reads the podcast namespace example: voices, inherited speakers, events, entities, settings', () => {
    const transcript = transcriptOf(parseWebVtt(fixture('podcast-namespace.vtt')));
    expect(transcript.language).toBe('en');
    expect(transcript.speakers.map((speaker) => speaker.name)).toEqual(['John', 'Tom']);
    expect(outline(transcript)).toEqual([
      '[John] Podcasting 2.0 is really changing the game.',
      '[Tom] Yeah, absolutely. The new features are incredible.',
      "[Tom] It's amazing how it's empowering creators like never before.",
      '[Tom] And the enhanced monetization options are a game-changer & more.',
      '<[MUSIC]>',
      "[John] Exactly, Tom. It's revolutionizing the industry.",
      '[Tom] No doubt about it. Podcasting 2.0 is the future.',
      "[John] Couldn't agree more, Tom. The future looks bright.",
    ]);
    expect(transcript.entries.map((entry) => [entry.start, entry.end])).toEqual([
      [0, 5], [5, 10], [10, 15], [15, 20], [20, 21.5], [21.5, 25], [25, 30], [30, 35],
    ]);
    expect(transcript.entries.every((entry) => entry.timing === 'file')).toBe(true);
  });

  it('gives words the inline timestamps; a word ends where the next begins or at the cue end', () => {
    const transcript = transcriptOf(parseWebVtt(fixture('word-timestamps.vtt')));
    const first = transcript.entries[0] as SpeechTurn;
    expect(first.words.map((word) => [word.text, word.start, word.end])).toEqual([
      ['The', 1, 1.4],
      ['Analytical', 1.4, 2.1],
      ['Engine', 2.1, 2.6],
      ['weaves', 2.6, 3.2],
    ]);
    // Words sharing one timestamp split its span and are marked estimated.
    const third = transcript.entries[2] as SpeechTurn;
    expect(third.words[0]).toEqual({ text: 'Just', start: 5.5, end: 5.9, timing: 'file' });
    expect(third.words.slice(1).every((word) => word.timing === 'estimated')).toBe(true);
    expect(third.words.at(-1)?.end).toBe(7);
    for (let index = 1; index < third.words.length; index += 1) {
      expect(third.words[index]?.start).toBe(third.words[index - 1]?.end);
    }
  });

  it('reads Zoom-style `Name:` prefixes as speakers', () => {
    const transcript = transcriptOf(parseWebVtt(fixture('zoom-meeting.vtt')));
    expect(outline(transcript)).toEqual([
      "[Maria Garcia] Okay, I think everyone's here, so let's get started.",
      '[Maria Garcia] First item is the release schedule for next week.',
      '[Devon Lee] Sure. The build is green: we can ship on Tuesday.',
      '[Maria Garcia] Great, thanks Devon.',
    ]);
  });

  it('splits a cue with two voices or dialogue dashes into turns sharing its time', () => {
    const transcript = transcriptOf(
      parseWebVtt('WEBVTT\n\n00:00:10.000 --> 00:00:14.000\n<v Ann>Tea?</v><v Bob>No thanks.</v>\n\n00:00:14.000 --> 00:00:16.000\n- Sure?\n- Yes.\n\n00:00:16.000 --> 00:00:17.000\nOkay then.\n'),
    );
    expect(outline(transcript)).toEqual(['[Ann] Tea?', '[Bob] No thanks.', '[-] Sure?', '[-] Yes.', '[-] Okay then.']);
    const [ann, bob] = transcript.entries;
    expect(ann?.start).toBe(10);
    expect(bob?.end).toBe(14);
    expect(ann?.end).toBe(bob?.start);
    expect((ann?.end ?? 0) > 10 && (ann?.end ?? 0) < 14).toBe(true);
    expect(ann?.timing).toBe('estimated');
  });

  it('ignores cue ids, ruby text, class and style tags; keeps colons that belong to sentences', () => {
    const text = [
      'WEBVTT',
      '',
      'cue-1',
      '00:01.000 --> 00:02.000',
      'Note: <ruby>漢<rt>kan</rt></ruby> is <b>bold</b> &lt;here&gt;',
      '',
      '00:02.000 --> 00:03.000',
      'The reason is: nobody asked.',
      '',
      '00:03.000 --> 00:04.000',
      'and then: more.',
    ].join('\n');
    const transcript = transcriptOf(parseWebVtt(text));
    expect(transcript.speakers).toEqual([]);
    expect(outline(transcript)).toEqual(['[-] Note: 漢 is bold <here>', '[-] The reason is: nobody asked.', '[-] and then: more.']);
  });

  it('reports a missing header, a malformed time and an end before its start with line numbers', () => {
    expect(parseWebVtt('00:00:01.000 --> 00:00:02.000\nHi', { fileName: 'a.vtt' })).toEqual({
      ok: false,
      error: { format: 'webvtt', fileName: 'a.vtt', line: 1, message: 'a WebVTT file must start with the line "WEBVTT"' },
    });
    const badTime = parseWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi');
    expect(badTime.ok ? undefined : badTime.error).toMatchObject({ line: 3, message: '"00:00:0x.000" is not a WebVTT time like 00:00:01.000' });
    const backwards = parseWebVtt('WEBVTT\n\nNOTE a\nnote\n\n1\n00:01:05.000 --> 00:01:02.000\nHi');
    expect(backwards.ok ? undefined : backwards.error).toMatchObject({
      line: 7,
      message: 'end time 00:01:02.000 is before start time 00:01:05.000',
    });
  });

  it('warns about blocks that are not cues and about cues out of order', () => {
    const result = parseWebVtt('WEBVTT\n\nstray text\n\n00:00:05.000 --> 00:00:06.000\nB\n\n00:00:01.000 --> 00:00:02.000\nA\n');
    expect(result.ok && result.warnings).toEqual([
      '1 block without a cue time line was skipped',
      'cues are not in time order; they were kept in file order',
    ]);
  });

  it('is detected by its signature only', () => {
    expect(webvttFormat.detect('\uFEFFWEBVTT\n\n', undefined)).toBe(1);
    expect(webvttFormat.detect('WEBVTT - title\n', undefined)).toBe(1);
    expect(webvttFormat.detect('WEBVTTX\n', undefined)).toBe(0);
    expect(webvttFormat.detect('1\n00:00:01,000 --> 00:00:02,000\nhi', undefined)).toBe(0);
  });
});
